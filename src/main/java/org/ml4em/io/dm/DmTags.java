package org.ml4em.io.dm;

import java.util.Map;

import org.ml4em.io.TagTrees;


/** Typed look-ups in a parsed tag tree; each returns null when the tag is absent or of another type. */
final class DmTags {

	private DmTags() {}

	/** {@return the group at a path} */
	@SuppressWarnings("unchecked")
	static Map<String, Object> group(Map<String, Object> group, String... path) {
		return TagTrees.get(group, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
	}

	/** {@return the number at a path, as a double} */
	static Double number(Map<String, Object> group, String... path) {
		return TagTrees.get(group, path) instanceof Number n ? n.doubleValue() : null;
	}

	/** {@return the text at a path; null when absent, empty, or DM's "[]" placeholder} */
	static String text(Map<String, Object> group, String... path) {
		return TagTrees.get(group, path) instanceof String s && !s.isBlank() && !s.equals("[]") ? s.strip() : null;
	}
}
