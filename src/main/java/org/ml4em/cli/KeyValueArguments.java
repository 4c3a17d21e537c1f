package org.ml4em.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ml4em.BadInputException;

/**
 * Parses Fiji's headless argument string {@code "key=value,key='value, with comma',…"}: pairs
 * separated by commas, values optionally in single or double quotes (which may then hold
 * commas and spaces). Keys are kept as written; order is kept.
 */
final class KeyValueArguments {

	private KeyValueArguments() {}

	static Map<String, String> parse(String text) {
		Map<String, String> result = new LinkedHashMap<>();
		if (text == null) return result;
		int i = 0, n = text.length();
		while (i < n) {
			while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) i++;
			if (i >= n) break;
			int eq = text.indexOf('=', i);
			if (eq < 0) throw new BadInputException("Argument '" + text.substring(i).trim() + "' has no '='; expected key=value pairs separated by commas.");
			String key = text.substring(i, eq).trim();
			if (key.isEmpty()) throw new BadInputException("An argument has an empty name before '='; expected key=value pairs separated by commas.");
			int[] end = new int[1];
			result.put(key, value(text, eq + 1, end));
			i = end[0];
		}
		return result;
	}

	/** Reads one value starting at {@code start}; writes the index after it into {@code end[0]}. */
	private static String value(String text, int start, int[] end) {
		int n = text.length();
		if (start < n && (text.charAt(start) == '\'' || text.charAt(start) == '"')) {
			char quote = text.charAt(start);
			int close = text.indexOf(quote, start + 1);
			if (close < 0) throw new BadInputException("A quoted value starting at " + text.substring(start) + " is not closed; add the closing " + quote + ".");
			end[0] = close + 1;
			return text.substring(start + 1, close);
		}
		int comma = text.indexOf(',', start);
		end[0] = comma < 0 ? n : comma;
		return text.substring(start, end[0]).trim();
	}
}
