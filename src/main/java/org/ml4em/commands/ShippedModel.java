package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.io.Folders;
import org.ml4em.io.JsonReader;
import org.ml4em.io.JsonWriter;
import org.ml4em.tf.UNetShape;

/**
 * A model that ships inside the jar as resources (a SavedModel and its ML4EM description), and
 * what every ML4EM model folder's description needs checked. The shipped model is loaded from a folder: copied out into a temporary folder (deleted when Java exits) on first use
 * and the same folder afterwards, so that a batch of runs neither copies it again nor fills the
 * disk. Callers only read it.
 */
final class ShippedModel {

	/** A SavedModel's standard files. */
	private static final List<String> SAVED_MODEL = List.of("saved_model.pb", "variables/variables.index", "variables/variables.data-00000-of-00001");

	private final String resources, description, what;
	private Path copy;

	/**
	 * @param resources the resource folder, e.g. {@code /org/ml4em/columns/model/}
	 * @param description the description's file name in it
	 * @param what the model in words, for the message of a broken build
	 */
	ShippedModel(String resources, String description, String what) {
		this.resources = resources;
		this.description = description;
		this.what = what;
	}

	/** Adds the bioimage.io files to a model folder; {@code summary} goes into its README. */
	@FunctionalInterface
	interface BioImageIoWriter {
		void write(Path dir, String summary) throws IOException;
	}

	/**
	 * {@return a temporary copy of the model folder a {@code model=} parameter names (or of this
	 * shipped model), with the bioimage.io files added by {@code writer}}: what the Export commands
	 * hand out, without touching the model itself
	 */
	Path bioImageIoCopy(File model, BioImageIoWriter writer) throws IOException {
		Path work = Files.createTempDirectory("ml4em-bioimageio").resolve("model");
		Folders.copyTree(folderOf(model), work);
		writer.write(work, isShipped(model) ? "The model shipped with ML4EM." : "");
		return work;
	}

	/** {@return whether a {@code model=} parameter asks for the shipped model: none or an empty path} */
	static boolean isShipped(File model) {
		return model == null || model.getPath().isEmpty();
	}

	/** {@return the folder a {@code model=} parameter names, or this shipped model's} */
	Path folderOf(File model) throws IOException {
		return isShipped(model) ? folder() : model.toPath();
	}

	/**
	 * {@return the shipped model as a folder}
	 *
	 * @throws IllegalStateException when the jar lacks a file of it (a broken build)
	 */
	synchronized Path folder() throws IOException {
		if (copy == null || !Files.isRegularFile(copy.resolve(description))) copy = copyOut();
		return copy;
	}

	private Path copyOut() throws IOException {
		Path dir = Files.createTempDirectory("ml4em-model");
		for (String name : Stream.concat(SAVED_MODEL.stream(), Stream.of(description)).toList()) {
			try (InputStream in = ShippedModel.class.getResourceAsStream(resources + name)) {
				if (in == null) throw new IllegalStateException("The shipped " + what + " lacks " + name + "; the ML4EM jar is incomplete.");
				Path target = dir.resolve(name);
				Files.createDirectories(target.getParent());
				Files.copy(in, target);
				target.toFile().deleteOnExit();
			}
		}
		dir.resolve("variables").toFile().deleteOnExit();
		dir.toFile().deleteOnExit();
		return dir;
	}

	/**
	 * {@return a number of a model description}
	 *
	 * @throws BadInputException naming the folder and the key when it is missing or not a number
	 */
	static double number(Path dir, String descriptionFile, Map<String, Object> d, String key) {
		if (d.get(key) instanceof Number n) return n.doubleValue();
		throw new BadInputException("model='" + dir + "': " + descriptionFile + " has no number \"" + key + "\".");
	}

	/**
	 * {@return the description of an ML4EM model folder, checked to be of the expected kind and a
	 * version this ML4EM reads}
	 *
	 * @param descriptionFile the description's file name in the folder
	 * @param format the value its {@code format} must have
	 * @param maxVersion the newest {@code format_version} understood
	 * @param kind the model in words ("column model"), for messages
	 * @param writer the command that writes such folders, for messages
	 * @throws BadInputException when the description is missing, unreadable, of another format or newer
	 */
	static Map<String, Object> description(Path dir, String descriptionFile, String format, int maxVersion, String kind, String writer) {
		Path file = dir.resolve(descriptionFile);
		if (!Files.isRegularFile(file)) throw new BadInputException("model='" + dir + "' has no " + descriptionFile + "; expected a " + kind
			+ " folder written by " + writer + ".");
		Map<String, Object> d;
		try {
			d = JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException | IllegalArgumentException e) {
			throw new BadInputException("model='" + dir + "': " + descriptionFile + " cannot be read (" + e.getMessage() + ").", e);
		}
		if (!format.equals(d.get("format"))) throw new BadInputException("model='" + dir + "' is not an ML4EM " + kind + ": its " + descriptionFile
			+ " has no \"format\": \"" + format + "\"; give a folder written by " + writer + ".");
		int version = (int) number(dir, descriptionFile, d, "format_version");
		if (version > maxVersion) throw new BadInputException("model='" + dir + "' is of format version " + version + "; this ML4EM reads up to "
			+ maxVersion + ". Update ML4EM.");
		return d;
	}

	/** {@return a model description's {@code architecture} entry for a U-Net} @param type what kind of U-Net, in words */
	static Map<String, Object> architecture(String type, UNetShape shape) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("type", type);
		a.put("depth", shape.depth());
		a.put("base_filters", shape.baseFilters());
		a.put("kernel_size", shape.kernelSize());
		a.put("parameters", shape.parameterCount());
		return a;
	}

	/** Writes a description into a model folder as JSON. */
	static void writeDescription(Path dir, String descriptionFile, Map<String, Object> description) throws IOException {
		Files.writeString(dir.resolve(descriptionFile), JsonWriter.toJson(description), StandardCharsets.UTF_8);
	}
}
