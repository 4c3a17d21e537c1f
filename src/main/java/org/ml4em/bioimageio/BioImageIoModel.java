package org.ml4em.bioimageio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ml4em.BadInputException;
import org.ml4em.io.Folders;
import org.ml4em.io.YamlReader;

/**
 * A bioimage.io model with TensorFlow SavedModel weights, opened from its zip or its folder (as
 * DeepImageJ keeps it in {@code Fiji.app/models/}): the description ({@code rdf.yaml}, format 0.4
 * or 0.5), its first input and output, and the SavedModel folder.
 * <p>
 * A zip, and a zipped SavedModel inside the folder, are unpacked into a temporary folder that
 * {@link #close()} deletes; nothing is written next to the model.
 */
public final class BioImageIoModel implements AutoCloseable {

	private final String name;
	private final String formatVersion;
	private final Path folder;
	private final Path savedModel;
	private final TensorDescription input;
	private final TensorDescription output;
	private final int inputCount;
	private final Path temporary;

	private BioImageIoModel(String name, String formatVersion, Path folder, Path savedModel, TensorDescription input, TensorDescription output,
		int inputCount, Path temporary) {
		this.name = name;
		this.formatVersion = formatVersion;
		this.folder = folder;
		this.savedModel = savedModel;
		this.input = input;
		this.output = output;
		this.inputCount = inputCount;
		this.temporary = temporary;
	}

	/**
	 * @param model a bioimage.io zip, a model folder, or its {@code rdf.yaml}
	 * @throws BadInputException when it is not a bioimage.io model with TensorFlow SavedModel weights
	 */
	public static BioImageIoModel open(Path model) throws IOException {
		if (!Files.exists(model)) throw new BadInputException("The model " + model + " does not exist; expected a bioimage.io zip or model folder.");
		Path temporary = Files.createTempDirectory("ml4em-bioimageio");
		try {
			Path folder;
			if (Files.isDirectory(model)) folder = model;
			else if (model.getFileName().toString().endsWith(".yaml")) folder = model.toAbsolutePath().getParent();
			else folder = unzip(model, temporary.resolve("package"));
			return read(folder, temporary);
		}
		catch (IOException | RuntimeException e) {
			Folders.deleteTree(temporary);
			throw e;
		}
	}

	@SuppressWarnings("unchecked")
	private static BioImageIoModel read(Path folder, Path temporary) throws IOException {
		Path rdf = description(folder);
		Object parsed = YamlReader.parse(Files.readString(rdf));
		if (!(parsed instanceof Map)) throw new BadInputException(rdf + " does not describe a model (it is not a YAML mapping).");
		Map<String, Object> d = (Map<String, Object>) parsed;
		String version = String.valueOf(d.get("format_version"));
		if (!"model".equals(d.get("type")) && d.get("type") != null) throw new BadInputException(rdf + " describes a " + d.get("type") + ", not a model.");
		boolean v05 = version.startsWith("0.5");
		if (!v05 && !version.startsWith("0.4")) throw new BadInputException(rdf + " has format_version " + version + "; ML4EM reads 0.4 and 0.5.");
		Map<String, Object> weights = map(d.get("weights"), "weights", rdf);
		Object tf = weights.get("tensorflow_saved_model_bundle");
		if (tf == null) throw new BadInputException("The model " + d.get("name") + " has no TensorFlow SavedModel weights (it has " + weights.keySet() +
			"); ML4EM runs tensorflow_saved_model_bundle weights.");
		String source = String.valueOf(map(tf, "tensorflow_saved_model_bundle", rdf).get("source"));
		Path savedModel = savedModel(folder, source, temporary);
		List<Object> inputs = list(d.get("inputs"), "inputs", rdf), outputs = list(d.get("outputs"), "outputs", rdf);
		if (inputs.isEmpty() || outputs.isEmpty()) throw new BadInputException(rdf + " lists no input or no output tensor.");
		TensorDescription in = tensor(map(inputs.get(0), "inputs", rdf), folder, v05, true, d, 0, rdf);
		TensorDescription out = tensor(map(outputs.get(0), "outputs", rdf), folder, v05, false, d, 0, rdf);
		return new BioImageIoModel(String.valueOf(d.get("name")), version, folder, savedModel, in, out, inputs.size(), temporary);
	}

	@SuppressWarnings("unchecked")
	private static TensorDescription tensor(Map<String, Object> t, Path folder, boolean v05, boolean isInput, Map<String, Object> d, int index, Path rdf) {
		String id = String.valueOf(v05 ? t.get("id") : t.get("name"));
		String axes;
		int[] min = { 1, 1 }, step = { 1, 1 };
		int halo = 0;
		if (v05) {
			StringBuilder a = new StringBuilder();
			for (Object o : list(t.get("axes"), "axes", rdf)) {
				Map<String, Object> axis = map(o, "axis", rdf);
				String type = String.valueOf(axis.get("type"));
				char letter = switch (type) {
					case "batch" -> 'b';
					case "channel" -> 'c';
					case "time" -> 't';
					case "index" -> 'i';
					case "space" -> String.valueOf(axis.get("id")).charAt(0);
					default -> throw new BadInputException(rdf + " has an axis of type " + type + ", which ML4EM does not know.");
				};
				a.append(letter);
				if (letter == 'y' || letter == 'x') {
					int k = letter == 'y' ? 0 : 1;
					Object size = axis.get("size");
					if (size instanceof Number n) {
						min[k] = n.intValue();
						step[k] = 0;
					}
					else if (size instanceof Map<?, ?> m && m.get("min") instanceof Number mn) {
						min[k] = mn.intValue();
						step[k] = m.get("step") instanceof Number s ? s.intValue() : 0;
					}
					if (axis.get("halo") instanceof Number h) halo = Math.max(halo, h.intValue());
				}
			}
			axes = a.toString();
		}
		else {
			axes = String.valueOf(t.get("axes"));
			Object shape = t.get("shape");
			List<Object> mins = null, steps = null;
			if (shape instanceof List<?> fixed) mins = (List<Object>) fixed;
			else if (shape instanceof Map<?, ?> m && m.get("min") instanceof List<?> mn) {
				mins = (List<Object>) mn;
				steps = m.get("step") instanceof List<?> s ? (List<Object>) s : null;
			}
			for (int k = 0; k < 2 && mins != null; k++) {
				int at = axes.indexOf(k == 0 ? 'y' : 'x');
				if (at < 0 || at >= mins.size()) continue;
				min[k] = ((Number) mins.get(at)).intValue();
				step[k] = steps == null ? 0 : ((Number) steps.get(at)).intValue();
			}
			if (t.get("halo") instanceof List<?> h)
				for (int at = 0; at < h.size() && at < axes.length(); at++)
					if ((axes.charAt(at) == 'x' || axes.charAt(at) == 'y') && h.get(at) instanceof Number n) halo = Math.max(halo, n.intValue());
		}
		if (axes.indexOf('x') < 0 || axes.indexOf('y') < 0)
			throw new BadInputException("The model's " + (isInput ? "input" : "output") + " " + id + " has axes " + axes + "; ML4EM runs models on images (axes with y and x).");
		List<ProcessingStep> steps = new ArrayList<>();
		Object processing = t.get(isInput ? "preprocessing" : "postprocessing");
		if (processing != null)
			for (Object o : list(processing, "processing", rdf)) {
				Map<String, Object> p = map(o, "processing step", rdf);
				Object kwargs = p.get("kwargs");
				steps.add(new ProcessingStep(String.valueOf(v05 ? p.get("id") : p.get("name")), kwargs instanceof Map<?, ?> k ? (Map<String, Object>) k : Map.of()));
			}
		String test;
		if (v05) test = t.get("test_tensor") instanceof Map<?, ?> m ? String.valueOf(m.get("source")) : null;
		else {
			Object tests = d.get(isInput ? "test_inputs" : "test_outputs");
			test = tests instanceof List<?> l && l.size() > index ? String.valueOf(l.get(index)) : null;
		}
		return new TensorDescription(id, axes, min, step, halo, steps, test == null ? null : inside(folder, test));
	}

	// -- Accessors --

	/** The model's name. */
	public String name() {
		return name;
	}

	/** The description's format version. */
	public String formatVersion() {
		return formatVersion;
	}

	/** The folder holding the description. */
	public Path folder() {
		return folder;
	}

	/** The SavedModel folder (with {@code saved_model.pb}). */
	public Path savedModel() {
		return savedModel;
	}

	/** The first input. */
	public TensorDescription input() {
		return input;
	}

	/** The first output. */
	public TensorDescription output() {
		return output;
	}

	/** How many inputs the model has; ML4EM runs models with one. */
	public int inputCount() {
		return inputCount;
	}

	/** Deletes what was unpacked. */
	@Override
	public void close() throws IOException {
		Folders.deleteTree(temporary);
	}

	// -- Helpers --

	private static Path description(Path folder) {
		for (String name : new String[] { "rdf.yaml", "bioimageio.yaml", "model.yaml" })
			if (Files.isRegularFile(folder.resolve(name))) return folder.resolve(name);
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith("rdf.yaml") || f.getFileName().toString().endsWith("bioimageio.yaml")).findFirst()
				.orElseThrow(() -> new BadInputException(folder + " holds no rdf.yaml; expected a bioimage.io model."));
		}
		catch (IOException e) {
			throw new BadInputException("Cannot list " + folder + ": " + e.getMessage(), e);
		}
	}

	private static Path savedModel(Path folder, String source, Path temporary) throws IOException {
		if (source.startsWith("http://") || source.startsWith("https://"))
			throw new BadInputException("The model's weights are at " + source + "; download the whole model as a zip (bioimage.io's 'download') and open that.");
		Path weights = inside(folder, source);
		if (!Files.exists(weights)) throw new BadInputException("The model's weights " + source + " are missing from " + folder + ".");
		Path dir = Files.isDirectory(weights) ? weights : unzip(weights, temporary.resolve("weights"));
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.getFileName().toString().equals("saved_model.pb")).map(Path::getParent).min(Comparator.comparingInt(Path::getNameCount))
				.orElseThrow(() -> new BadInputException("The model's weights " + source + " hold no saved_model.pb."));
		}
	}

	private static Path inside(Path folder, String relative) {
		Path p = folder.resolve(relative).normalize();
		if (!p.startsWith(folder.normalize())) throw new BadInputException("The model names a file outside its folder: " + relative + ".");
		return p;
	}

	/**
	 * Unpacks a zip, refusing entries that would land outside {@code into}.
	 *
	 * @return the folder holding the unpacked files: {@code into}, or the one folder a zip made
	 *     from a folder holds when {@code into} has no rdf.yaml
	 * @throws BadInputException for an unreadable or empty zip, or an entry outside {@code into}
	 */
	public static Path unzip(Path zip, Path into) throws IOException {
		Files.createDirectories(into);
		Path root = into.toAbsolutePath().normalize();
		int entries = 0;
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				Path target = root.resolve(e.getName()).normalize();
				if (!target.startsWith(root)) throw new BadInputException(zip + " holds an entry outside its folder (" + e.getName() + "); it is not opened.");
				if (e.isDirectory()) Files.createDirectories(target);
				else {
					Files.createDirectories(target.getParent());
					Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
				}
				entries++;
			}
		}
		catch (java.util.zip.ZipException e) {
			throw new BadInputException(zip + " is not a readable zip (" + e.getMessage() + "); expected a bioimage.io model zip.", e);
		}
		if (entries == 0) throw new BadInputException(zip + " is empty or not a zip; expected a bioimage.io model zip.");
		// a zip made from a folder may hold that folder as its only entry
		try (Stream<Path> top = Files.list(root)) {
			List<Path> all = top.toList();
			if (all.size() == 1 && Files.isDirectory(all.get(0)) && !Files.exists(root.resolve("rdf.yaml"))) return all.get(0);
		}
		return root;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o, String what, Path rdf) {
		if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
		throw new BadInputException(rdf + ": " + what + " is not a mapping.");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object o, String what, Path rdf) {
		if (o instanceof List<?> l) return (List<Object>) l;
		throw new BadInputException(rdf + ": " + what + " is missing or not a list.");
	}
}
