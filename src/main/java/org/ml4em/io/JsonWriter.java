package org.ml4em.io;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, arrays, strings, numbers, booleans and null as indented JSON. Numbers that
 * JSON cannot hold (NaN, infinities) become {@code null}; other objects their {@code toString()}.
 */
public final class JsonWriter {

	private final StringBuilder out = new StringBuilder();

	private JsonWriter() {}

	/** {@return the value as JSON text, indented by two spaces} @param value what to write */
	public static String toJson(Object value) {
		JsonWriter w = new JsonWriter();
		w.value(value, 0);
		return w.out.toString();
	}

	private void value(Object v, int depth) {
		if (v == null)
			out.append("null");
		else if (v instanceof Map<?, ?> map)
			object(map, depth);
		else if (v instanceof Iterable<?> items) {
			List<Object> list = new ArrayList<>();
			items.forEach(list::add);
			array(list, depth);
		}
		else if (v.getClass().isArray()) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < Array.getLength(v); i++)
				list.add(Array.get(v, i));
			array(list, depth);
		}
		else if (v instanceof Double || v instanceof Float)
			number(((Number) v).doubleValue());
		else if (v instanceof Number || v instanceof Boolean)
			out.append(v);
		else
			string(v.toString());
	}

	private void number(double d) {
		if (!Double.isFinite(d))
			out.append("null");
		else if (d == Math.rint(d) && Math.abs(d) < 1e15)
			out.append((long) d).append(".0");
		else
			out.append(d);
	}

	private void object(Map<?, ?> map, int depth) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append("{");
		boolean first = true;
		for (Map.Entry<?, ?> e : map.entrySet()) {
			out.append(first ? "\n" : ",\n");
			first = false;
			indent(depth + 1);
			string(String.valueOf(e.getKey()));
			out.append(": ");
			value(e.getValue(), depth + 1);
		}
		out.append("\n");
		indent(depth);
		out.append("}");
	}

	private void array(List<Object> items, int depth) {
		// Arrays of numbers (shapes, small numeric tags) stay on one line.
		boolean numbers = items.stream().allMatch(i -> i == null || i instanceof Number || i instanceof Boolean);
		out.append("[");
		for (int i = 0; i < items.size(); i++) {
			if (numbers)
				out.append(i == 0 ? "" : ", ");
			else {
				out.append(i == 0 ? "\n" : ",\n");
				indent(depth + 1);
			}
			value(items.get(i), depth + 1);
		}
		if (!numbers && !items.isEmpty()) {
			out.append("\n");
			indent(depth);
		}
		out.append("]");
	}

	private void string(String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20)
						out.append(String.format("\\u%04x", (int) c));
					else
						out.append(c);
				}
			}
		}
		out.append('"');
	}

	private void indent(int depth) {
		out.append("  ".repeat(depth));
	}
}
