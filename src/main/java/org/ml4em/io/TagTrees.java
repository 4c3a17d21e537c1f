package org.ml4em.io;

import java.util.Map;

/** Look-ups in the metadata trees of EM files (nested maps, as {@link EmFile#tags()} holds them). */
public final class TagTrees {

	private TagTrees() {}

	/**
	 * {@return the value at a path of keys, null when any step is missing or not a map}
	 *
	 * @param tree a tree of maps
	 * @param path keys from the root
	 */
	public static Object get(Map<String, Object> tree, String... path) {
		Object node = tree;
		for (String key : path) {
			if (!(node instanceof Map<?, ?> map))
				return null;
			node = map.get(key);
		}
		return node;
	}
}
