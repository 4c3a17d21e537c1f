package org.ml4em.commands;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.ml4em.BadInputException;
import org.ml4em.eels.ConditionScaling;
import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.GapType;
import org.ml4em.eels.ZlpCutoffs;
import org.ml4em.eels.ZlpInputScaling;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpModelExport;
import org.ml4em.eels.ZlpResult;
import org.ml4em.io.JsonReader;
import org.ml4em.io.JsonWriter;

/**
 * The {@code zlp_model/} folder EELS Zero-Loss Subtraction writes and Apply ZLP Model reads: the
 * replica ensemble as a TensorFlow SavedModel ({@code saved_model.pb}, {@code variables/}; for
 * DeepImageJ and Python users too) and {@value #DESCRIPTION}, what applying it needs
 * ({@link ZlpModel}) as JSON:
 *
 * <pre>
 * { "format": "ml4em-zlp", "format_version": 1, "ml4em_version": "0.1.0",
 *   "energy_min_eV", "energy_max_eV", "log_intensity_min", "log_intensity_max"   (input scaling),
 *   "energy_offset_eV", "energy_step_eV", "energy_channels"                      (aligned axis trained on),
 *   "class_log_intensity": [...], "de1_eV": [...], "de2_eV": [...]               (per training class),
 *   "replicas": R, "replicas_kept": K, "kept": [true, false, ...], "gap_type": "direct", "device": "CPU", ... }
 * </pre>
 *
 * Members the reader does not know are ignored, so later versions may add some (acquisition
 * conditions) without breaking older readers; a new {@code format_version} marks a change older
 * readers cannot follow. Every fault is one sentence naming the folder.
 */
public final class ZlpModelFolder {

	/** The description's file name inside the model folder. */
	public static final String DESCRIPTION = "ml4em_zlp.json";

	/** The value of {@code format} that marks an ML4EM ZLP model. */
	public static final String FORMAT = "ml4em-zlp";

	/** The newest {@code format_version} this reader understands. */
	public static final int FORMAT_VERSION = 1;

	private ZlpModelFolder() {}

	/**
	 * {@return the folder's content for {@link ResultFiles}: the SavedModel and its description}
	 *
	 * @param result a finished training
	 * @param model what applying it needs
	 */
	static ResultFiles.Folder writer(ZlpResult result, ZlpModel model) {
		return dir -> {
			ZlpModelExport.savedModel(result, dir);
			Files.writeString(dir.resolve(DESCRIPTION), JsonWriter.toJson(describe(model)), StandardCharsets.UTF_8);
		};
	}

	/** {@return the description as written to {@value #DESCRIPTION}} @param m the model */
	static Map<String, Object> describe(ZlpModel m) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("format", FORMAT);
		d.put("format_version", FORMAT_VERSION);
		d.put("ml4em_version", version());
		d.put("network", "inputs (energy loss, ln integrated intensity) scaled to [0.1, 0.9]; hidden 10-15-5 sigmoid, sigmoid, relu; output ln I_ZLP per replica");
		d.put("savedmodel", "tag serve, signature serving_default: input [M, " + m.scaling().inputCount() + "] -> output [replicas, M]");
		d.put("energy_min_eV", m.scaling().energyMin());
		d.put("energy_max_eV", m.scaling().energyMax());
		d.put("log_intensity_min", m.scaling().logIntensityMin());
		d.put("log_intensity_max", m.scaling().logIntensityMax());
		List<Map<String, Object>> conditions = new ArrayList<>();
		for (ConditionScaling c : m.scaling().conditions()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("name", c.name());
			one.put("min", c.min());
			one.put("max", c.max());
			one.put("logarithmic", c.logarithmic());
			conditions.add(one);
		}
		d.put("conditions", conditions);
		d.put("energy_offset_eV", m.energy().offset());
		d.put("energy_step_eV", m.energy().scale());
		d.put("energy_channels", m.energy().channels());
		d.put("class_log_intensity", m.classLogIntensity());
		d.put("de1_eV", m.cutoffs().de1());
		d.put("de2_eV", m.cutoffs().de2());
		d.put("replicas", m.replicas());
		d.put("replicas_kept", m.keptCount());
		d.put("kept", m.kept());
		d.put("gap_type", m.gapType().name().toLowerCase(Locale.ROOT));
		d.put("device", m.device());
		return d;
	}

	/**
	 * Reads and checks a model folder's description (the SavedModel is loaded separately).
	 *
	 * @param dir the {@code zlp_model} folder
	 * @return the model description
	 * @throws BadInputException when the folder or a file is missing, the description is not an ML4EM
	 *     ZLP model, is of a newer format, or a member is missing or of the wrong kind
	 */
	public static ZlpModel read(Path dir) {
		Map<String, Object> d = description(dir);
		Members m = new Members(dir, d);
		if (!FORMAT.equals(d.get("format")))
			throw new BadInputException("model='" + dir + "' is not an ML4EM ZLP model: its " + DESCRIPTION + " has no \"format\": \"" + FORMAT
				+ "\"; give the zlp_model folder written by EELS Zero-Loss Subtraction.");
		int version = (int) m.number("format_version");
		if (version > FORMAT_VERSION || version < 1)
			throw new BadInputException("model='" + dir + "' has format version " + version + " (written by ML4EM " + d.get("ml4em_version")
				+ "); this ML4EM reads version " + FORMAT_VERSION + ", update ML4EM.");
		if (!Files.isRegularFile(dir.resolve("saved_model.pb")))
			throw new BadInputException("model='" + dir + "' has no saved_model.pb; the SavedModel of the ZLP model is missing.");
		ZlpInputScaling scaling = new ZlpInputScaling(m.number("energy_min_eV"), m.number("energy_max_eV"), m.number("log_intensity_min"),
			m.number("log_intensity_max"), m.conditions());
		EnergyAxis energy = new EnergyAxis(m.number("energy_offset_eV"), m.number("energy_step_eV"), (int) m.number("energy_channels"));
		boolean[] kept = m.booleans("kept");
		if (kept.length != (int) m.number("replicas"))
			throw m.fault("kept", "one flag per replica (" + (int) m.number("replicas") + ")");
		return new ZlpModel(scaling, kept, energy, m.numbers("class_log_intensity"), new ZlpCutoffs(m.numbers("de1_eV"), m.numbers("de2_eV")),
			gapType(m, m.string("gap_type")), m.string("device"));
	}

	private static Map<String, Object> description(Path dir) {
		if (!Files.isDirectory(dir))
			throw new BadInputException("model='" + dir + "': no such folder; give the zlp_model folder written by EELS Zero-Loss Subtraction.");
		Path file = dir.resolve(DESCRIPTION);
		if (!Files.isRegularFile(file))
			throw new BadInputException("model='" + dir + "' has no " + DESCRIPTION + ", so it is not an ML4EM ZLP model; give the zlp_model folder "
				+ "written by EELS Zero-Loss Subtraction.");
		try {
			return JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new BadInputException("Cannot read " + file + " (" + e.getMessage() + ").", e);
		}
		catch (JsonReader.JsonException e) {
			throw new BadInputException(file + " is not valid JSON: " + e.getMessage(), e);
		}
	}

	private static GapType gapType(Members m, String word) {
		try {
			return GapType.valueOf(word.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw m.fault("gap_type", "direct, indirect or fit");
		}
	}

	/** {@return this ML4EM's version, from the jar's Maven metadata; "development" outside a jar} */
	static String version() {
		try (InputStream in = ZlpModelFolder.class.getResourceAsStream("/META-INF/maven/org.ml4em/ML4EM_/pom.properties")) {
			if (in == null)
				return "development";
			Properties p = new Properties();
			p.load(in);
			return p.getProperty("version", "development");
		}
		catch (IOException e) {
			return "development";
		}
	}

	/** Typed access to the description's members, with one-sentence faults. */
	private record Members(Path dir, Map<String, Object> d) {

		double number(String key) {
			if (!(d.get(key) instanceof Double v))
				throw fault(key, "a number");
			return v;
		}

		String string(String key) {
			if (!(d.get(key) instanceof String v))
				throw fault(key, "a string");
			return v;
		}

		double[] numbers(String key) {
			List<?> list = list(key);
			double[] v = new double[list.size()];
			for (int i = 0; i < v.length; i++) {
				if (!(list.get(i) instanceof Double x))
					throw fault(key, "an array of numbers");
				v[i] = x;
			}
			return v;
		}

		boolean[] booleans(String key) {
			List<?> list = list(key);
			boolean[] v = new boolean[list.size()];
			for (int i = 0; i < v.length; i++) {
				if (!(list.get(i) instanceof Boolean x))
					throw fault(key, "an array of true/false");
				v[i] = x;
			}
			return v;
		}

		/** The acquisition conditions of a model of several settings; none when the member is absent (one setting). */
		List<ConditionScaling> conditions() {
			if (!d.containsKey("conditions"))
				return List.of();
			List<ConditionScaling> c = new ArrayList<>();
			for (Object o : list("conditions")) {
				if (!(o instanceof Map<?, ?> one && one.get("name") instanceof String name && one.get("min") instanceof Double min
					&& one.get("max") instanceof Double max && one.get("logarithmic") instanceof Boolean log))
					throw fault("conditions", "an array of {name, min, max, logarithmic}");
				try {
					c.add(new ConditionScaling(name, min, max, log));
				}
				catch (IllegalArgumentException e) {
					throw fault("conditions", "valid condition ranges");
				}
			}
			return c;
		}

		private List<?> list(String key) {
			if (!(d.get(key) instanceof List<?> v))
				throw fault(key, "an array");
			return v;
		}

		BadInputException fault(String key, String expected) {
			String found = d.containsKey(key) ? JsonReader.describe(d.get(key)) : "nothing";
			return new BadInputException("model='" + dir + "': \"" + key + "\" in " + DESCRIPTION + " should be " + expected + " but is " + found
				+ "; the model description is damaged, write the model again.");
		}
	}
}
