import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ml4em.bioimageio.BioImageIoModel;
import org.ml4em.io.NpyReader;
import org.ml4em.io.YamlReader;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.framework.SignatureDef;
import org.tensorflow.proto.framework.TensorInfo;
import org.tensorflow.types.TFloat32;

/**
 * Runs a bioimage.io model folder the way DeepImageJ 3 does through JDLL's TensorFlow 2 engine,
 * with the TensorFlow Java release that engine uses (0.5.0 = TensorFlow 2.10.1, the newest JDLL
 * offers), not ours: unless the folder already holds an unpacked SavedModel, the weights zip named
 * in rdf.yaml is unpacked into it, the SavedModel
 * is loaded with the tag "serve", the rdf's tensor ids are looked up in the "serving_default"
 * signature, the test input gets the rdf's zero_mean_unit_variance preprocessing, and the output
 * is compared with the test output. Prints the TensorFlow version and the largest difference.
 * Run as a single-file program with TensorFlow Java 0.5.0 and ML4EM's classes (for the .npy and
 * YAML readers and the zip unpacking only) on the class path; the model folder is the argument.
 */
public class RunLikeDeepImageJ {

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]);
		Map<?, ?> rdf = (Map<?, ?>) YamlReader.parse(Files.readString(folder.resolve("rdf.yaml")));
		Map<?, ?> weights = (Map<?, ?>) ((Map<?, ?>) rdf.get("weights")).get("tensorflow_saved_model_bundle");
		boolean unpacked = Files.isDirectory(folder.resolve("variables")) && Files.isRegularFile(folder.resolve("saved_model.pb"));
		if (!unpacked) BioImageIoModel.unzip(folder.resolve((String) weights.get("source")), folder);
		Map<?, ?> input = (Map<?, ?>) ((List<?>) rdf.get("inputs")).get(0);
		Map<?, ?> output = (Map<?, ?>) ((List<?>) rdf.get("outputs")).get(0);
		NpyReader.Array testInput = NpyReader.read(folder.resolve((String) ((Map<?, ?>) input.get("test_tensor")).get("source")));
		NpyReader.Array testOutput = NpyReader.read(folder.resolve((String) ((Map<?, ?>) output.get("test_tensor")).get("source")));
		float[] values = preprocessed(testInput, (List<?>) input.get("preprocessing"));
		try (SavedModelBundle model = SavedModelBundle.load(folder.toString(), "serve")) {
			SignatureDef signature = model.metaGraphDef().getSignatureDefOrThrow("serving_default");
			Session.Runner runner = model.session().runner();
			try (TFloat32 x = TFloat32.tensorOf(Shape.of(testInput.shape()), DataBuffers.of(values, true, false))) {
				runner.feed(operation(signature.getInputsMap().get((String) input.get("id"))), x);
				runner.fetch(operation(signature.getOutputsMap().get((String) output.get("id"))));
				// List<Tensor> up to TensorFlow Java 0.4, Result from 0.5: both have get(int)
				var results = runner.run();
				{
					TFloat32 y = (TFloat32) results.get(0);
					float[] got = new float[testOutput.values().length];
					if (!y.shape().equals(Shape.of(testOutput.shape())))
						throw new IllegalStateException("output shape " + y.shape() + ", test output " + Shape.of(testOutput.shape()));
					y.read(DataBuffers.of(got, false, false));
					double largest = 0;
					for (int i = 0; i < got.length; i++)
						largest = Math.max(largest, Math.abs(got[i] - testOutput.values()[i]));
					System.out.printf(Locale.ROOT, "TensorFlow %s, SavedModel %s, output %s, largest difference %.3g%n", TensorFlow.version(),
						unpacked ? "as installed" : "from " + weights.get("source"), y.shape(), largest);
				}
			}
		}
	}

	/** The tensor name of a signature entry without ":0", as JDLL feeds and fetches it. */
	private static String operation(TensorInfo info) {
		if (info == null) throw new IllegalStateException("the rdf's tensor id is not in the serving_default signature");
		String name = info.getName();
		return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
	}

	/** zero_mean_unit_variance over the spatial axes of each channel (batch y x c layout), the only step our rdfs name. */
	private static float[] preprocessed(NpyReader.Array array, List<?> steps) {
		float[] v = array.values().clone();
		if (steps == null) return v;
		for (Object s : steps) {
			Map<?, ?> step = (Map<?, ?>) s;
			if (!"zero_mean_unit_variance".equals(step.get("id"))) throw new IllegalStateException("unexpected step " + step.get("id"));
			double eps = ((Number) ((Map<?, ?>) step.get("kwargs")).get("eps")).doubleValue();
			int channels = (int) array.shape()[3];
			for (int c = 0; c < channels; c++) {
				double sum = 0, squares = 0;
				int n = 0;
				for (int i = c; i < v.length; i += channels) { sum += v[i]; squares += (double) v[i] * v[i]; n++; }
				double mean = sum / n, sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
				for (int i = c; i < v.length; i += channels) v[i] = (float) ((v[i] - mean) / (sd + eps));
			}
		}
		return v;
	}
}
