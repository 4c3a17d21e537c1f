package org.ml4em.io.hspy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.EmSignal;

/**
 * The {@code metadata} and {@code original_metadata} trees written for a signal. A signal read
 * from a HyperSpy file keeps both trees (copied, then updated from the signal's own fields); any
 * other signal gets a fresh HyperSpy tree and its own metadata (DM tags, TIFF fields) as
 * {@code original_metadata}, as HyperSpy does when it converts such files.
 */
final class WrittenMetadata {

	private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)");

	private WrittenMetadata() {}

	/** {@return the metadata tree: General/title, Signal/signal_type and record_by, the acquisition} @param s the signal */
	static Map<String, Object> metadata(EmSignal s) {
		boolean fromHyperSpy = isFromHyperSpy(s);
		Map<String, Object> tree = fromHyperSpy ? copy(s.metadata().get("metadata")) : new LinkedHashMap<>();
		Map<String, Object> general = group(tree, "General");
		general.put("title", s.title());
		Map<String, Object> signal = group(tree, "Signal");
		signal.put("signal_type", s.signalType());
		// HyperSpy writes record_by beside the navigate flags for readers older than format 2.1
		signal.put("record_by", recordBy(s.axes()));
		AcquisitionInfo a = s.acquisition();
		if (a.beamEnergyKeV() != null || a.microscope() != null || !fromHyperSpy && a.exposureSeconds() != null) {
			Map<String, Object> tem = group(group(tree, "Acquisition_instrument"), "TEM");
			if (a.beamEnergyKeV() != null)
				tem.put("beam_energy", a.beamEnergyKeV());
			if (a.microscope() != null)
				tem.put("microscope", a.microscope());
			if (!fromHyperSpy && a.exposureSeconds() != null)
				group(group(tem, "Detector"), s.signalType().equals("EELS") ? "EELS" : "Camera").put("exposure", a.exposureSeconds());
		}
		Matcher date = a.acquisitionDate() == null ? null : DATE_TIME.matcher(a.acquisitionDate());
		if (!fromHyperSpy && date != null && date.matches()) {
			general.put("date", date.group(1));
			general.put("time", date.group(2));
		}
		return tree;
	}

	/** {@return the original_metadata tree} @param s the signal */
	static Map<String, Object> original(EmSignal s) {
		return isFromHyperSpy(s) ? copy(s.metadata().get("original_metadata")) : copy(s.metadata());
	}

	/** As {@link HyperSpyReader} leaves it: exactly the two trees, as maps. */
	private static boolean isFromHyperSpy(EmSignal s) {
		Map<String, Object> m = s.metadata();
		return m.size() == 2 && m.get("metadata") instanceof Map<?, ?> && m.get("original_metadata") instanceof Map<?, ?>;
	}

	/** "spectrum" for one signal axis, "image" for two, else "" — what HyperSpy derives from the signal dimension. */
	private static String recordBy(List<Axis> axes) {
		long signalAxes = axes.stream().filter(a -> !a.navigate()).count();
		return signalAxes == 1 ? "spectrum" : signalAxes == 2 ? "image" : "";
	}

	/** The subgroup of a tree built by {@link #copy}, created when missing (or not a map). */
	private static Map<String, Object> group(Map<String, Object> parent, String key) {
		if (parent.get(key) instanceof Map<?, ?> m)
			return HyperSpyMetadata.cast(m);
		Map<String, Object> created = new LinkedHashMap<>();
		parent.put(key, created);
		return created;
	}

	/** A deep, modifiable copy, so that writing never changes the signal's own metadata. */
	private static Map<String, Object> copy(Object tree) {
		Map<String, Object> copy = new LinkedHashMap<>();
		if (tree instanceof Map<?, ?> m)
			for (Map.Entry<?, ?> e : m.entrySet())
				copy.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
		return copy;
	}

	private static Object copyValue(Object value) {
		if (value instanceof Map<?, ?> m)
			return copy(m);
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object v : list)
				copy.add(copyValue(v));
			return copy;
		}
		return value;
	}
}
