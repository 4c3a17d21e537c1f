package org.ml4em.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON parser for test fixtures such as {@code ../shared/data/dm_truth.json}: objects
 * become {@code LinkedHashMap<String, Object>}, arrays {@code List<Object>}, numbers
 * {@code Double}, plus String, Boolean and null.
 */
public final class Json {

	private final String text;

	private int pos;

	private Json(String text) {
		this.text = text;
	}

	/** {@return the parsed value} @param text JSON text */
	public static Object parse(String text) {
		Json p = new Json(text);
		Object value = p.value();
		p.skipSpace();
		if (p.pos != text.length())
			throw p.error("trailing characters");
		return value;
	}

	private Object value() {
		skipSpace();
		if (pos >= text.length())
			throw error("unexpected end");
		char c = text.charAt(pos);
		switch (c) {
			case '{': return object();
			case '[': return array();
			case '"': return string();
			case 't': return literal("true", Boolean.TRUE);
			case 'f': return literal("false", Boolean.FALSE);
			case 'n': return literal("null", null);
			default: return number();
		}
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
			String key = string();
			skipSpace();
			expect(':');
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
			char c = text.charAt(pos++);
			if (c == '"')
				return sb.toString();
			if (c != '\\') {
				sb.append(c);
				continue;
			}
			char e = text.charAt(pos++);
			switch (e) {
				case 'n' -> sb.append('\n');
				case 't' -> sb.append('\t');
				case 'r' -> sb.append('\r');
				case 'b' -> sb.append('\b');
				case 'f' -> sb.append('\f');
				case 'u' -> {
					sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
					pos += 4;
				}
				default -> sb.append(e);
			}
		}
	}

	private Object literal(String word, Object value) {
		if (!text.startsWith(word, pos))
			throw error("expected " + word);
		pos += word.length();
		return value;
	}

	private Double number() {
		int start = pos;
		while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
			pos++;
		if (start == pos)
			throw error("unexpected character");
		return Double.valueOf(text.substring(start, pos));
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
			pos++;
	}

	private char peek() {
		return pos < text.length() ? text.charAt(pos) : '\0';
	}

	private void expect(char c) {
		if (peek() != c)
			throw error("expected '" + c + "'");
		pos++;
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("JSON: " + what + " at character " + pos);
	}
}
