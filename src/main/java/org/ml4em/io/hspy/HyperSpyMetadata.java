package org.ml4em.io.hspy;

import java.util.Map;

import org.ml4em.io.TagTrees;

/**
 * Finds the fields ML4EM needs in a HyperSpy {@code metadata} tree, wherever the file's format
 * version put them: since version 1.2 under {@code General}, {@code Signal} and
 * {@code Acquisition_instrument}; before that ({@code mapped_parameters}) at the top level, with
 * {@code name} for the title and {@code signal} for the signal type in version 1.0.
 */
final class HyperSpyMetadata {

	/** The title HyperSpy gives an experiment group whose signal had none. */
	static final String UNNAMED = "__unnamed__";

	private final Map<String, Object> metadata;

	/** @param metadata the signal's metadata tree (may be empty) */
	HyperSpyMetadata(Map<String, Object> metadata) {
		this.metadata = metadata;
	}

	/** {@return the signal's title ("" for HyperSpy's "__unnamed__"), null when the metadata has none} */
	String title() {
		String title = firstString(new String[] { "General", "title" }, new String[] { "title" }, new String[] { "name" });
		return UNNAMED.equals(title) ? "" : title;
	}

	/** {@return the signal type ("EELS", "EDS_TEM"…), "" when none is stored} */
	String signalType() {
		String type = firstString(new String[] { "Signal", "signal_type" }, new String[] { "signal_type" },
			new String[] { "signal" });
		return type == null ? "" : type;
	}

	/** {@return "spectrum", "image" or "" — how files without per-axis navigate flags mark signal axes} */
	String recordBy() {
		String recordBy = firstString(new String[] { "Signal", "record_by" }, new String[] { "record_by" });
		return recordBy == null ? "" : recordBy;
	}

	/** {@return the date and time of acquisition as stored ("2014-07-09 18:56:37"), null when absent} */
	String acquisitionDate() {
		String date = firstString(new String[] { "General", "date" }, new String[] { "date" });
		String time = firstString(new String[] { "General", "time" }, new String[] { "time" });
		if (date == null)
			return null;
		return time == null ? date : date + " " + time;
	}

	/** {@return the microscope's group: {@code Acquisition_instrument/TEM} or {@code /SEM}, or their 1.x places} */
	Map<String, Object> instrument() {
		for (String[] path : new String[][] { { "Acquisition_instrument", "TEM" }, { "Acquisition_instrument", "SEM" },
			{ "TEM" }, { "SEM" } }) {
			if (TagTrees.get(metadata, path) instanceof Map<?, ?> m)
				return cast(m);
		}
		return Map.of();
	}

	private String firstString(String[]... paths) {
		for (String[] path : paths)
			if (TagTrees.get(metadata, path) instanceof String s)
				return s;
		return null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}
}
