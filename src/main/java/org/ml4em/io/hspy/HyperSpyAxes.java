package org.ml4em.io.hspy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.io.Axis;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads the axes of a HyperSpy signal from its {@code axis-0}, {@code axis-1}… groups (or the
 * older {@code _list_<n>_axes} group), whose attributes are {@code name}, {@code scale},
 * {@code offset}, {@code units}, {@code size} and {@code navigate}. HyperSpy numbers axes in NumPy
 * order, slowest first; the result is fastest first, as {@link org.ml4em.io.EmSignal} wants.
 * <p>
 * Undefined names and units ({@code "<undefined>"}, absent) become "". Files older than format 2.1
 * have no {@code navigate} flags; as HyperSpy does, the metadata's {@code record_by} then decides:
 * "spectrum" makes the fastest axis the signal axis, "image" the two fastest, anything else all of
 * them. A non-uniform axis (format 3.1, an {@code axis} vector) is given its first value as offset
 * and its mean step as scale.
 */
final class HyperSpyAxes {

	private static final String UNDEFINED = "<undefined>";

	private HyperSpyAxes() {}

	/**
	 * {@return the axes, fastest first}
	 *
	 * @param signal the signal's group
	 * @param numpyShape the data set's shape, slowest first
	 * @param recordBy the metadata's record_by ("spectrum", "image" or "")
	 * @throws RuntimeException from jhdf when an axis group cannot be parsed
	 */
	static List<Axis> read(Group signal, long[] numpyShape, String recordBy) {
		List<Map<String, Object>> attributes = attributes(signal, numpyShape.length);
		boolean navigateStored = attributes.stream().allMatch(a -> a.get("navigate") instanceof Boolean);
		int signalAxes = signalDimension(recordBy, numpyShape.length);
		List<Axis> axes = new ArrayList<>(numpyShape.length);
		for (int i = 0; i < numpyShape.length; i++) {
			Map<String, Object> a = attributes.get(i);
			boolean navigate = navigateStored ? (Boolean) a.get("navigate") : i < numpyShape.length - signalAxes;
			axes.add(axis(a, numpyShape[i], navigate));
		}
		Collections.reverse(axes);
		return axes;
	}

	/** The attributes of each axis in NumPy order; empty maps for axes the file does not describe. */
	private static List<Map<String, Object>> attributes(Group signal, int rank) {
		List<Map<String, Object>> result = new ArrayList<>(rank);
		Node list = signal.getChild("_list_" + rank + "_axes");
		for (int i = 0; i < rank; i++) {
			Node node = signal.getChild("axis-" + i);
			if (node == null && list instanceof Group g)
				node = g.getChild(Integer.toString(i));
			Map<String, Object> map = new LinkedHashMap<>();
			if (node instanceof Group)
				HdfTree.readAttributes(node, map);
			result.add(map);
		}
		return result;
	}

	private static int signalDimension(String recordBy, int rank) {
		int dims = switch (recordBy) {
			case "spectrum" -> 1;
			case "image" -> 2;
			default -> rank;
		};
		return Math.min(dims, rank);
	}

	private static Axis axis(Map<String, Object> a, long size, boolean navigate) {
		double scale = number(a.get("scale"), 1);
		double offset = number(a.get("offset"), 0);
		if (a.get("axis") instanceof List<?> points && points.size() == size && size > 0
			&& points.get(0) instanceof Number first && points.get(points.size() - 1) instanceof Number last) {
			offset = first.doubleValue();
			scale = size > 1 ? (last.doubleValue() - offset) / (size - 1) : 1;
		}
		return new Axis(text(a.get("name")), size, scale, offset, text(a.get("units")), navigate);
	}

	private static double number(Object value, double absent) {
		return value instanceof Number n ? n.doubleValue() : absent;
	}

	private static String text(Object value) {
		return value instanceof String s && !s.equals(UNDEFINED) ? s : "";
	}
}
