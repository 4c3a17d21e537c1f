package org.ml4em.io.hspy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.jhdf.api.WritableGroup;

/**
 * Writes nested maps as HyperSpy writes its metadata ({@code dict2group} in HyperSpy's
 * {@code _hierarchical.py}), the inverse of {@link HdfTree}: maps become groups, strings and
 * numbers attributes, booleans NumPy-bool attributes, null the string {@code "_None_"}, lists of
 * numbers or of strings {@code _list_<key>} data sets, other lists {@code _list_<n>_<key>} groups
 * with members "0", "1"…, and empty lists {@code _list_empty_<key>} attributes. Values of other
 * types are written as their {@code toString()}.
 */
final class HdfTreeWriter {

	private HdfTreeWriter() {}

	/**
	 * Writes a map into a group.
	 *
	 * @param group the group
	 * @param map keys and values; blank keys are skipped (HDF5 cannot name them)
	 * @throws IOException when jhdf cannot take a value
	 */
	static void write(WritableGroup group, Map<?, ?> map) throws IOException {
		for (Map.Entry<?, ?> e : map.entrySet()) {
			String key = String.valueOf(e.getKey());
			if (e.getKey() != null && !key.isBlank())
				writeValue(group, key, e.getValue());
		}
	}

	private static void writeValue(WritableGroup group, String key, Object value) throws IOException {
		if (value == null)
			group.putAttribute(key, HdfTree.NONE);
		else if (value instanceof Boolean b)
			BooleanAttribute.put(group, key, b);
		else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long)
			group.putAttribute(key, ((Number) value).longValue());
		else if (value instanceof Number n)
			group.putAttribute(key, n.doubleValue());
		else if (value instanceof Map<?, ?> m)
			write(group.putGroup(linkName(key)), m);
		else if (value instanceof List<?> list)
			writeList(group, key, list);
		else
			group.putAttribute(key, String.valueOf(value));
	}

	private static void writeList(WritableGroup group, String key, List<?> list) throws IOException {
		if (list.isEmpty()) {
			group.putAttribute("_list_empty_" + key, HdfTree.NONE);
		} else if (list.stream().allMatch(v -> v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
			group.putDataset(linkName("_list_" + key), list.stream().mapToLong(v -> ((Number) v).longValue()).toArray());
		} else if (list.stream().allMatch(v -> v instanceof Number)) {
			group.putDataset(linkName("_list_" + key), list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
		} else if (list.stream().allMatch(v -> v instanceof String)) {
			group.putDataset(linkName("_list_" + key), list.toArray(new String[0]));
		} else {
			WritableGroup items = group.putGroup(linkName("_list_" + list.size() + "_" + key));
			for (int i = 0; i < list.size(); i++)
				writeValue(items, Integer.toString(i), list.get(i));
		}
	}

	/**
	 * {@return a valid HDF5 link name: '/' separates paths and "." names the group itself, so
	 * HyperSpy's replacement of '/' by '-' is used, and "." becomes "_"}
	 *
	 * @param key a map key or title
	 */
	static String linkName(String key) {
		String name = key.replace('/', '-');
		return name.equals(".") ? "_" : name;
	}
}
