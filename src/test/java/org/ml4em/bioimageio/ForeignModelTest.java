package org.ml4em.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.NpyWriter;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.engine.SavedModelExporter;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A model made the way other tools make them: format 0.4, axes {@code bcyx}, the SavedModel
 * zipped inside a folder of the weights zip, a preprocessing and a postprocessing step. The
 * network computes 2·x + 1; with scale_linear (gain 0.5, offset 3) before and clip (0, 10) after,
 * the model gives clip(x + 7, 0, 10).
 */
class ForeignModelTest {

	@TempDir
	Path dir;

	private static final ComputeDevice CPU = new ComputeDevice(false, "CPU", "");

	private Path makeModel(boolean zipped) throws IOException {
		Path pkg = dir.resolve("pkg");
		Path saved = dir.resolve("saved/affine_model");
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, -1, -1)));
			Operand<TFloat32> y = tf.math.add(tf.math.mul(x, tf.variable(tf.constant(2f))), tf.constant(1f));
			SavedModelExporter.export(saved, session, x, y);
		}
		Files.createDirectories(pkg);
		zip(saved.getParent(), pkg.resolve("weights.zip"));
		Random random = new Random(3);
		float[] in = new float[64 * 80];
		float[] out = new float[in.length];
		for (int i = 0; i < in.length; i++) {
			in[i] = (float) (random.nextGaussian() * 4);
			out[i] = Math.min(10, Math.max(0, in[i] + 7));
		}
		NpyWriter.write(pkg.resolve("in.npy"), in, 1, 1, 64, 80);
		NpyWriter.write(pkg.resolve("out.npy"), out, 1, 1, 64, 80);
		Files.writeString(pkg.resolve("rdf.yaml"), String.join("\n",
			"format_version: 0.4.9",
			"type: model",
			"name: affine test model",
			"test_inputs: [in.npy]",
			"test_outputs: [out.npy]",
			"inputs:",
			"- name: input",
			"  axes: bcyx",
			"  data_type: float32",
			"  shape: {min: [1, 1, 16, 16], step: [0, 0, 16, 16]}",
			"  preprocessing:",
			"  - name: scale_linear",
			"    kwargs: {gain: 0.5, offset: 3, axes: yx}",
			"outputs:",
			"- name: output",
			"  axes: bcyx",
			"  halo: [0, 0, 8, 8]",
			"  postprocessing:",
			"  - name: clip",
			"    kwargs: {min: 0, max: 10}",
			"weights:",
			"  tensorflow_saved_model_bundle:",
			"    source: weights.zip",
			"    tensorflow_version: '2.18'",
			""));
		if (!zipped) return pkg;
		Path zip = dir.resolve("affine.zip");
		zip(pkg, zip);
		return zip;
	}

	private static void zip(Path folder, Path zip) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip)); var walk = Files.walk(folder)) {
			for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
				z.putNextEntry(new ZipEntry(folder.relativize(f).toString()));
				Files.copy(f, z);
				z.closeEntry();
			}
		}
	}

	@Test
	void aFormat04ModelReproducesItsTestTensorsAndRunsTiledOnAnImage() throws IOException {
		for (boolean zipped : new boolean[] { true, false }) {
			Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).map(Path::toFile).forEach(java.io.File::delete);
			try (BioImageIoModel model = BioImageIoModel.open(makeModel(zipped));
				SavedModelRunner network = SavedModelRunner.load(model.savedModel(), CPU)) {
				assertEquals("bcyx", model.input().axes());
				assertEquals(8, model.output().halo());
				BioImageIoRunner runner = new BioImageIoRunner(model, network);
				BioImageIoRunner.Check check = runner.check();
				assertTrue(check.maxDifference() < 1e-5, "test tensors: " + check.maxDifference());
				assertEquals(10, check.outputRange(), 1e-6);

				int w = 150, h = 70; // not multiples of the model's step: tiles of a size it takes, mirrored at the edges
				float[] pixels = new float[w * h];
				for (int i = 0; i < pixels.length; i++)
					pixels[i] = (i % w) * 0.05f - 2;
				Img<FloatType> out = runner.apply(ArrayImgs.floats(pixels, w, h), 64, Progress.NONE);
				assertEquals(2, out.numDimensions());
				var ra = out.randomAccess();
				for (int y = 0; y < h; y += 7)
					for (int x = 0; x < w; x++) {
						ra.setPosition(new long[] { x, y });
						assertEquals(Math.min(10, Math.max(0, pixels[y * w + x] + 7)), ra.get().get(), 1e-5, x + "," + y);
					}
				assertEquals(64, runner.tileSizeFor(70), "the largest size the model takes up to the one asked for");
			}
		}
	}

	@Test
	void refusesWhatItCannotRunWithOneSentence() throws IOException {
		Path pkg = makeModel(false);
		Files.writeString(pkg.resolve("rdf.yaml"), Files.readString(pkg.resolve("rdf.yaml")).replace("tensorflow_saved_model_bundle", "torchscript"));
		BadInputException e = assertThrows(BadInputException.class, () -> BioImageIoModel.open(pkg));
		assertTrue(e.getMessage().contains("no TensorFlow SavedModel weights"), e.getMessage());

		Files.writeString(pkg.resolve("rdf.yaml"), Files.readString(pkg.resolve("rdf.yaml")).replace("torchscript", "tensorflow_saved_model_bundle")
			.replace("source: weights.zip", "source: https://zenodo.org/weights.zip"));
		e = assertThrows(BadInputException.class, () -> BioImageIoModel.open(pkg));
		assertTrue(e.getMessage().contains("download the whole model"), e.getMessage());

		Files.writeString(pkg.resolve("rdf.yaml"), Files.readString(pkg.resolve("rdf.yaml")).replace("https://zenodo.org/weights.zip", "weights.zip")
			.replace("name: clip", "name: scale_mean_variance"));
		e = assertThrows(BadInputException.class, () -> BioImageIoModel.open(pkg));
		assertTrue(e.getMessage().contains("scale_mean_variance"), e.getMessage());

		Path notZip = Files.writeString(dir.resolve("model.zip"), "not a zip");
		assertThrows(BadInputException.class, () -> BioImageIoModel.open(notZip));
		assertThrows(BadInputException.class, () -> BioImageIoModel.open(dir.resolve("missing.zip")));
	}
}
