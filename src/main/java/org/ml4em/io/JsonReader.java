package org.ml4em.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259) for the small description files ML4EM writes with
 * {@link JsonWriter}, such as a ZLP model's {@code ml4em_zlp.json}: objects become
 * {@code LinkedHashMap<String, Object>} (in file order), arrays {@code List<Object>}, numbers
 * {@code Double}, plus {@code String}, {@code Boolean} and {@code null}.
 *
 * <pre>
 * Map&lt;String, Object&gt; description = JsonReader.parseObject(Files.readString(file));
 * double step = (Double) description.get("energy_step_eV");
 * </pre>
 *
 * Nothing lenient: no comments, no trailing commas, no single quotes, no NaN, no duplicate keys,
 * nothing after the value. A fault throws {@link JsonException} naming what was expected and the
 * line and column where it was not found. Stateless and thread-safe.
 */
public final class JsonReader {

	/** Nesting deeper than this is refused, so that hostile input cannot overflow the stack. */
	public static final int MAX_DEPTH = 64;

	private final String text;
	private int pos;
	private int depth;

	private JsonReader(String text) {
		this.text = text;
	}

	/**
	 * Parses one JSON value.
	 *
	 * @param text the whole JSON text
	 * @return the value: Map, List, String, Double, Boolean or null
	 * @throws JsonException when the text is not valid JSON
	 */
	public static Object parse(String text) {
		JsonReader r = new JsonReader(text);
		r.skipSpace();
		Object value = r.value();
		r.skipSpace();
		if (r.pos != text.length())
			throw r.error("nothing after the value", "'" + r.peek() + "'");
		return value;
	}

	/**
	 * Parses a JSON text whose value must be an object.
	 *
	 * @param text the whole JSON text
	 * @return the object's members in file order
	 * @throws JsonException when the text is not valid JSON or not an object
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) {
		Object value = parse(text);
		if (!(value instanceof Map))
			throw new JsonException("expected a JSON object {…} but found " + describe(value) + ".");
		return (Map<String, Object>) value;
	}

	/** {@return a short description of a parsed value's kind, for messages} @param value a parsed value */
	public static String describe(Object value) {
		if (value == null) return "null";
		if (value instanceof Map) return "an object";
		if (value instanceof List) return "an array";
		if (value instanceof String) return "a string";
		if (value instanceof Double) return "a number";
		if (value instanceof Boolean) return "true/false";
		return value.getClass().getSimpleName();
	}

	private Object value() {
		char c = peek();
		return switch (c) {
			case '{' -> nested(true);
			case '[' -> nested(false);
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> {
				if (c == '-' || (c >= '0' && c <= '9')) yield number();
				throw error("a value", pos >= text.length() ? "the end of the text" : "'" + c + "'");
			}
		};
	}

	private Object nested(boolean object) {
		if (++depth > MAX_DEPTH)
			throw error("at most " + MAX_DEPTH + " levels of nesting", "deeper nesting");
		Object value = object ? object() : array();
		depth--;
		return value;
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		pos++;
		skipSpace();
		if (peek() == '}') {
			pos++;
			return map;
		}
		while (true) {
			skipSpace();
			if (peek() != '"')
				throw error("a member name in double quotes", found());
			int keyAt = pos;
			String key = string();
			if (map.containsKey(key)) {
				pos = keyAt;
				throw error("each member name once", "a second \"" + key + "\"");
			}
			skipSpace();
			expect(':');
			skipSpace();
			map.put(key, value());
			skipSpace();
			if (peek() == ',') {
				pos++;
				continue;
			}
			expect('}');
			return map;
		}
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		pos++;
		skipSpace();
		if (peek() == ']') {
			pos++;
			return list;
		}
		while (true) {
			skipSpace();
			list.add(value());
			skipSpace();
			if (peek() == ',') {
				pos++;
				continue;
			}
			expect(']');
			return list;
		}
	}

	private String string() {
		expect('"');
		StringBuilder sb = new StringBuilder();
		while (true) {
			if (pos >= text.length())
				throw error("a closing '\"'", "the end of the text");
			char c = text.charAt(pos++);
			if (c == '"')
				return sb.toString();
			if (c < 0x20) {
				pos--;
				throw error("no control characters inside a string", "character " + (int) c);
			}
			if (c != '\\')
				sb.append(c);
			else
				sb.append(escape());
		}
	}

	private char escape() {
		if (pos >= text.length())
			throw error("an escape after '\\'", "the end of the text");
		char e = text.charAt(pos++);
		switch (e) {
			case '"', '\\', '/': return e;
			case 'b': return '\b';
			case 'f': return '\f';
			case 'n': return '\n';
			case 'r': return '\r';
			case 't': return '\t';
			case 'u':
				if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}"))
					throw error("four hex digits after \\u", found());
				pos += 4;
				return (char) Integer.parseInt(text.substring(pos - 4, pos), 16);
			default:
				pos--;
				throw error("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", "'\\" + e + "'");
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, pos))
			throw error(word, found());
		pos += word.length();
		return value;
	}

	private Double number() {
		int start = pos;
		if (peek() == '-') pos++;
		if (peek() == '0') pos++;
		else if (!digits()) throw error("a digit", found());
		if (peek() == '.') {
			pos++;
			if (!digits()) throw error("a digit after the decimal point", found());
		}
		if (peek() == 'e' || peek() == 'E') {
			pos++;
			if (peek() == '+' || peek() == '-') pos++;
			if (!digits()) throw error("a digit in the exponent", found());
		}
		return Double.valueOf(text.substring(start, pos));
	}

	private boolean digits() {
		int start = pos;
		while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9')
			pos++;
		return pos > start;
	}

	private void skipSpace() {
		while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0)
			pos++;
	}

	private char peek() {
		return pos < text.length() ? text.charAt(pos) : '\0';
	}

	private String found() {
		return pos >= text.length() ? "the end of the text" : "'" + text.charAt(pos) + "'";
	}

	private void expect(char c) {
		if (peek() != c)
			throw error("'" + c + "'", found());
		pos++;
	}

	private JsonException error(String expected, String found) {
		int line = 1, column = 1;
		for (int i = 0; i < Math.min(pos, text.length()); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else column++;
		}
		return new JsonException("expected " + expected + " but found " + found + " at line " + line + ", column " + column + ".");
	}

	/** Invalid JSON, or JSON of the wrong kind; the message is one sentence fragment without a subject. */
	public static final class JsonException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		/** @param message what was expected and where */
		public JsonException(String message) {
			super(message);
		}
	}
}
