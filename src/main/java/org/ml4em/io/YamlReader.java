package org.ml4em.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML that model descriptions such as bioimage.io's {@code rdf.yaml} are written in,
 * into {@link Map}s (keys in file order), {@link List}s, {@link String}s, {@link Long}s,
 * {@link Double}s, {@link Boolean}s and nulls.
 * <p>
 * Covered: block mappings and sequences (a sequence may sit at its key's indentation, and a
 * sequence item may start a mapping on its dash's line), flow sequences and mappings over one or
 * more lines, plain, single- and double-quoted scalars, literal ({@code |}) and folded
 * ({@code >}) block scalars, comments. Not covered, and refused with the line named: anchors,
 * aliases, tags, several documents, multi-line plain scalars. Plain Java: no YAML library is part
 * of Fiji.
 */
public final class YamlReader {

	private final List<Line> lines = new ArrayList<>();
	private int next;

	private record Line(int number, int indent, String text, String raw) {}

	private YamlReader(String yaml) {
		String[] raw = yaml.replace("\r\n", "\n").split("\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String content = withoutComment(raw[i]);
			if (content.isBlank()) {
				lines.add(new Line(i + 1, -1, "", raw[i]));
				continue;
			}
			int indent = 0;
			while (content.charAt(indent) == ' ')
				indent++;
			if (content.charAt(indent) == '\t') throw new IllegalArgumentException("line " + (i + 1) + ": YAML indentation must be spaces, not tabs.");
			lines.add(new Line(i + 1, indent, content.substring(indent).stripTrailing(), raw[i]));
		}
	}

	/**
	 * @param yaml the document
	 * @return its root value (usually a map)
	 * @throws IOException when it is not YAML this reader covers, naming the line
	 */
	public static Object parse(String yaml) throws IOException {
		try {
			YamlReader r = new YamlReader(yaml);
			r.skipBlank();
			if (r.next >= r.lines.size()) return null;
			if (r.current().text().equals("---")) {
				r.next++;
				r.skipBlank();
			}
			Object root = r.node(r.current().indent());
			r.skipBlank();
			if (r.next < r.lines.size()) throw r.error("unexpected text at a smaller indentation");
			return root;
		}
		catch (IllegalArgumentException e) {
			throw new IOException("Not readable YAML: " + e.getMessage(), e);
		}
	}

	// -- Block structure --

	private Object node(int indent) {
		Line line = current();
		if (isSequenceItem(line.text())) return sequence(line.indent());
		if (keyEnd(line.text()) >= 0) return mapping(line.indent());
		next++;
		return flowOrScalar(line.text(), line);
	}

	private List<Object> sequence(int indent) {
		List<Object> items = new ArrayList<>();
		while (skipBlank() && current().indent() == indent && isSequenceItem(current().text())) {
			Line line = current();
			String rest = line.text().substring(1).stripLeading();
			if (rest.isEmpty()) {
				next++;
				items.add(childOrNull(indent));
			}
			else {
				// "- key: value" opens a mapping whose keys line up with "key"
				int column = indent + line.text().length() - rest.length();
				lines.set(next, new Line(line.number(), column, rest, line.raw()));
				items.add(node(column));
			}
		}
		return items;
	}

	private Map<String, Object> mapping(int indent) {
		Map<String, Object> map = new LinkedHashMap<>();
		while (skipBlank() && current().indent() == indent && !isSequenceItem(current().text())) {
			Line line = current();
			int end = keyEnd(line.text());
			if (end < 0) throw error("expected 'key: value'");
			String key = String.valueOf(scalar(line.text().substring(0, end).strip(), line));
			String rest = line.text().substring(end + 1).strip();
			next++;
			if (map.containsKey(key)) throw new IllegalArgumentException("line " + line.number() + ": the key '" + key + "' appears twice.");
			Object value;
			if (rest.isEmpty()) {
				// the value is the block below: deeper, or a sequence at the key's own indentation
				value = skipBlank() && (current().indent() > indent || current().indent() == indent && isSequenceItem(current().text()))
					? node(current().indent()) : null;
			}
			else if (rest.startsWith("|") || rest.startsWith(">")) value = blockScalar(rest, indent, line);
			else value = flowOrScalar(rest, line);
			map.put(key, value);
		}
		return map;
	}

	private Object childOrNull(int indent) {
		return skipBlank() && current().indent() > indent ? node(current().indent()) : null;
	}

	private String blockScalar(String header, int indent, Line at) {
		boolean literal = header.charAt(0) == '|';
		String chomp = header.length() > 1 ? header.substring(1).strip() : "";
		if (!chomp.isEmpty() && !chomp.equals("-") && !chomp.equals("+")) throw new IllegalArgumentException("line " + at.number() +
			": block scalar indicator '" + header + "' is not covered (only |, |-, |+, >, >-, >+).");
		List<String> text = new ArrayList<>();
		int blockIndent = -1;
		while (next < lines.size()) {
			Line l = lines.get(next);
			int rawIndent = leadingSpaces(l.raw());
			if (!l.raw().isBlank() && rawIndent <= indent) break;
			if (!l.raw().isBlank() && blockIndent < 0) blockIndent = rawIndent;
			text.add(l.raw().isBlank() ? "" : l.raw().substring(Math.min(blockIndent, l.raw().length())));
			next++;
		}
		while (!text.isEmpty() && text.get(text.size() - 1).isEmpty() && !chomp.equals("+"))
			text.remove(text.size() - 1);
		String joined;
		if (literal) joined = String.join("\n", text);
		else {
			StringBuilder s = new StringBuilder();
			for (int i = 0; i < text.size(); i++) {
				String t = text.get(i);
				if (i > 0) s.append(t.isEmpty() || text.get(i - 1).isEmpty() ? "\n" : " ");
				s.append(t);
			}
			joined = s.toString().replace(" \n", "\n");
		}
		return chomp.equals("-") || text.isEmpty() ? joined : joined + "\n";
	}

	// -- Flow values and scalars --

	private Object flowOrScalar(String text, Line at) {
		if (text.startsWith("&") || text.startsWith("*") || text.startsWith("!"))
			throw new IllegalArgumentException("line " + at.number() + ": anchors, aliases and tags are not covered.");
		if (!text.startsWith("[") && !text.startsWith("{")) return scalar(text, at);
		StringBuilder flow = new StringBuilder(text);
		while (!balanced(flow)) {
			if (next >= lines.size()) throw new IllegalArgumentException("line " + at.number() + ": the flow collection is not closed.");
			flow.append(' ').append(lines.get(next++).text());
		}
		Flow f = new Flow(flow.toString(), at.number());
		Object value = f.value();
		f.skipSpaces();
		if (f.pos != f.s.length()) throw new IllegalArgumentException("line " + at.number() + ": text after the flow collection.");
		return value;
	}

	static Object scalar(String text, Line at) {
		return scalar(text, at == null ? 0 : at.number());
	}

	private static Object scalar(String text, int lineNumber) {
		if (text.startsWith("\"")) return doubleQuoted(text, lineNumber);
		if (text.startsWith("'")) {
			if (text.length() < 2 || !text.endsWith("'")) throw new IllegalArgumentException("line " + lineNumber + ": unclosed quote in " + text);
			return text.substring(1, text.length() - 1).replace("''", "'");
		}
		switch (text) {
			case "~": case "null": case "Null": case "NULL": return null;
			case "true": case "True": case "TRUE": return Boolean.TRUE;
			case "false": case "False": case "FALSE": return Boolean.FALSE;
			default:
		}
		if (text.matches("[-+]?[0-9]+")) {
			try {
				return Long.parseLong(text);
			}
			catch (NumberFormatException e) {
				return text;
			}
		}
		if (text.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) return Double.parseDouble(text);
		if (text.matches("[-+]?\\.(inf|Inf|INF)")) return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
		if (text.matches("\\.(nan|NaN|NAN)")) return Double.NaN;
		return text;
	}

	private static String doubleQuoted(String text, int lineNumber) {
		if (text.length() < 2 || !text.endsWith("\"") || text.endsWith("\\\"") && !text.endsWith("\\\\\""))
			throw new IllegalArgumentException("line " + lineNumber + ": unclosed quote in " + text);
		StringBuilder s = new StringBuilder();
		for (int i = 1; i < text.length() - 1; i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				s.append(c);
				continue;
			}
			char e = text.charAt(++i);
			switch (e) {
				case 'n' -> s.append('\n');
				case 't' -> s.append('\t');
				case '"' -> s.append('"');
				case '\\' -> s.append('\\');
				case '/' -> s.append('/');
				case '0' -> s.append('\0');
				case 'u' -> {
					s.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> throw new IllegalArgumentException("line " + lineNumber + ": escape \\" + e + " is not covered.");
			}
		}
		return s.toString();
	}

	/** Flow collections: {@code [a, b]}, {@code {k: v}}, nested. */
	private static final class Flow {
		final String s;
		final int lineNumber;
		int pos;

		Flow(String s, int lineNumber) {
			this.s = s;
			this.lineNumber = lineNumber;
		}

		Object value() {
			skipSpaces();
			char c = s.charAt(pos);
			if (c == '[') {
				pos++;
				List<Object> list = new ArrayList<>();
				while (true) {
					skipSpaces();
					if (s.charAt(pos) == ']') {
						pos++;
						return list;
					}
					list.add(value());
					separator(']');
				}
			}
			if (c == '{') {
				pos++;
				Map<String, Object> map = new LinkedHashMap<>();
				while (true) {
					skipSpaces();
					if (s.charAt(pos) == '}') {
						pos++;
						return map;
					}
					String key = String.valueOf(atom(true));
					skipSpaces();
					if (s.charAt(pos) != ':') throw new IllegalArgumentException("line " + lineNumber + ": expected ':' after " + key + " in " + s);
					pos++;
					map.put(key, value());
					separator('}');
				}
			}
			return atom(false);
		}

		private void separator(char close) {
			skipSpaces();
			if (s.charAt(pos) == ',') pos++;
			else if (s.charAt(pos) != close) throw new IllegalArgumentException("line " + lineNumber + ": expected ',' or '" + close + "' in " + s);
		}

		private Object atom(boolean key) {
			skipSpaces();
			int start = pos;
			char c = s.charAt(pos);
			if (c == '"' || c == '\'') {
				pos++;
				while (pos < s.length() && (s.charAt(pos) != c || c == '"' && s.charAt(pos - 1) == '\\' || c == '\'' && pos + 1 < s.length() && s.charAt(pos + 1) == '\'')) {
					if (c == '\'' && s.charAt(pos) == '\'' ) pos++;
					pos++;
				}
				pos++;
				return scalar(s.substring(start, pos), lineNumber);
			}
			while (pos < s.length() && ",]}".indexOf(s.charAt(pos)) < 0 && !(key && s.charAt(pos) == ':')
				&& !(s.charAt(pos) == ':' && pos + 1 < s.length() && s.charAt(pos + 1) == ' '))
				pos++;
			return scalar(s.substring(start, pos).strip(), lineNumber);
		}

		void skipSpaces() {
			while (pos < s.length() && s.charAt(pos) == ' ')
				pos++;
		}
	}

	// -- Helpers --

	private Line current() {
		return lines.get(next);
	}

	/** Moves past blank lines; {@return whether a line is left} */
	private boolean skipBlank() {
		while (next < lines.size() && lines.get(next).indent() < 0)
			next++;
		return next < lines.size();
	}

	private IllegalArgumentException error(String what) {
		Line l = current();
		return new IllegalArgumentException("line " + l.number() + ": " + what + ": " + l.raw().strip());
	}

	private static boolean isSequenceItem(String text) {
		return text.equals("-") || text.startsWith("- ");
	}

	/** The index of the ':' that ends a mapping key on this line, or −1 (quotes and flow brackets respected). */
	private static int keyEnd(String text) {
		char quote = 0;
		if (text.startsWith("[") || text.startsWith("{")) return -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) quote = 0;
				continue;
			}
			if ((c == '"' || c == '\'') && i == 0) quote = c;
			else if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) return i;
		}
		return -1;
	}

	private static boolean balanced(CharSequence flow) {
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < flow.length(); i++) {
			char c = flow.charAt(i);
			if (quote != 0) {
				if (c == quote) quote = 0;
			}
			else if (c == '"' || c == '\'') quote = c;
			else if (c == '[' || c == '{') depth++;
			else if (c == ']' || c == '}') depth--;
		}
		return depth == 0;
	}

	/** The line without a comment: '#' at the start or after a space, outside quotes. */
	private static String withoutComment(String line) {
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) quote = 0;
			}
			else if ((c == '"' || c == '\'') && (i == 0 || " :[{,-".indexOf(line.charAt(i - 1)) >= 0)) quote = c;
			else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) return line.substring(0, i);
		}
		return line;
	}

	private static int leadingSpaces(String s) {
		int n = 0;
		while (n < s.length() && s.charAt(n) == ' ')
			n++;
		return n;
	}
}
