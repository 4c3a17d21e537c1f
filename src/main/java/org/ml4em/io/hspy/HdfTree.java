package org.ml4em.io.hspy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads an HDF5 group into nested maps the way HyperSpy reads its metadata
 * ({@code _group2dict} in HyperSpy's and RosettaSciIO's {@code _hierarchical.py}): attributes and
 * small data sets become values, subgroups become maps, and HyperSpy's name prefixes are undone —
 * {@code _list_<n>_<key>} and {@code _tuple_<n>_<key>} groups and {@code _list_<key>} /
 * {@code _tuple_<key>} data sets become lists, {@code _list_empty_<key>} attributes empty lists,
 * {@code _sig_<key>} groups (signals stored inside metadata) maps under {@code <key>}, and the
 * version 1.x {@code _datetime_date} / {@code _datetime_time} attributes ISO strings.
 * <p>
 * Values HyperSpy stores as None ({@code "_None_"}) and binary strings ({@code _bs_}, Python
 * pickles) are left out. Metadata is secondary to the data, so a part of the tree that jhdf cannot
 * parse (jhdf 0.13 fails on whole object headers holding NumPy {@code void} attributes) is skipped
 * rather than failing the file.
 */
final class HdfTree {

	/** HyperSpy's marker for Python's None. */
	static final String NONE = "_None_";

	private static final int MAX_DEPTH = 64;

	private static final int MAX_NODES = 100_000;

	private static final Pattern SEQUENCE_GROUP = Pattern.compile("_(list|tuple)_\\d+_(.+)");

	private final Set<Long> visited = new HashSet<>();

	private int nodes;

	private HdfTree() {}

	/**
	 * {@return the group's attributes and everything below it, as nested maps}
	 *
	 * @param group an HDF5 group
	 */
	static Map<String, Object> read(Group group) {
		HdfTree tree = new HdfTree();
		tree.visited.add(address(group));
		return tree.group(group, 0);
	}

	/**
	 * Adds a node's attributes to a map, decoding HyperSpy's conventions; single values jhdf cannot
	 * convert are left out.
	 *
	 * @param node a group or data set
	 * @param map where to put them
	 * @throws RuntimeException from jhdf when the node's header cannot be parsed
	 */
	static void readAttributes(Node node, Map<String, Object> map) {
		Map<String, Attribute> attributes = node.getAttributes();
		for (String name : new TreeMap<>(attributes).keySet()) {
			try {
				putAttribute(map, name, MetadataValues.of(attributes.get(name)));
			} catch (RuntimeException e) {
				// one unreadable attribute does not hide the others
			}
		}
	}

	private Map<String, Object> group(Group group, int depth) {
		Map<String, Object> map = new LinkedHashMap<>();
		Map<String, Node> children;
		try {
			readAttributes(group, map);
			children = group.getChildren();
		} catch (RuntimeException e) {
			return map;
		}
		for (Node child : children.values()) {
			try {
				putChild(map, child, depth);
			} catch (RuntimeException e) {
				// skip the unreadable part, keep the rest
			}
		}
		return map;
	}

	private void putChild(Map<String, Object> map, Node child, int depth) {
		if (child.isLink() || ++nodes > MAX_NODES)
			return; // soft and external links may dangle
		String name = child.getName();
		if (child instanceof Group g) {
			// hard links can make cycles, and a damaged file can nest without end
			if (depth + 1 >= MAX_DEPTH || !visited.add(address(g)))
				return;
			putGroup(map, name, group(g, depth + 1));
		} else if (child instanceof Dataset d) {
			// the signal's values (and those of signals nested in metadata) are described, not copied
			Object value = name.equals("data") ? MetadataValues.describe(d) : MetadataValues.of(d);
			if (name.startsWith("_list_"))
				name = name.substring("_list_".length());
			else if (name.startsWith("_tuple_"))
				name = name.substring("_tuple_".length());
			if (value != null)
				map.put(name, value);
		}
	}

	private static void putGroup(Map<String, Object> map, String name, Map<String, Object> content) {
		Matcher sequence = SEQUENCE_GROUP.matcher(name);
		if (sequence.matches())
			map.put(sequence.group(2), items(content));
		else if (name.startsWith("_sig_"))
			map.put(name.substring("_sig_".length()), content);
		else if (name.startsWith("_hspy_AxesManager_"))
			map.put(name.substring("_hspy_AxesManager_".length()), items(content));
		else
			map.put(name, content);
	}

	/** The values of a list stored as a group with members "0", "1"…, in numeric order. */
	private static List<Object> items(Map<String, Object> content) {
		TreeMap<Integer, Object> ordered = new TreeMap<>();
		for (Map.Entry<String, Object> e : content.entrySet()) {
			try {
				ordered.put(Integer.valueOf(e.getKey()), e.getValue());
			} catch (NumberFormatException notAnItem) {
				// HyperSpy writes only numbered members; anything else is not part of the list
			}
		}
		return new ArrayList<>(ordered.values());
	}

	private static void putAttribute(Map<String, Object> map, String name, Object value) {
		if (name.startsWith("_list_empty_"))
			map.put(name.substring("_list_empty_".length()), new ArrayList<>());
		else if (name.startsWith("_tuple_empty_"))
			map.put(name.substring("_tuple_empty_".length()), new ArrayList<>());
		else if (name.startsWith("_bs_") || value == null || NONE.equals(value))
			return;
		else if (name.startsWith("_datetime_") && value instanceof String s)
			map.put(name.substring("_datetime_".length()), PythonDates.isoFormat(s));
		else
			map.put(name, value);
	}

	private static long address(Node node) {
		try {
			return node.getAddress();
		} catch (RuntimeException e) {
			return -1;
		}
	}
}
