package org.ml4em.io.dm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a data tag's "info array" — the list of numbers that says what type its value has —
 * into a {@link DmType}:
 * <pre>
 * [code]                                       a simple number (2…12)
 * [18, length]                                 a string of single bytes
 * [15, nameLength, n, (nameLength, code) × n]  a struct of n simple fields
 * [20, element…, count]                        an array; element is any of the above
 * </pre>
 */
final class DmInfoArray {

	/** Far above anything DM writes (a struct of 2000 fields); bounds what a damaged file makes us read. */
	static final int MAX_LENGTH = 4096;

	private final long[] info;

	private int next;

	private DmInfoArray(long[] info) {
		this.info = info;
	}

	/**
	 * {@return the type the info array describes}
	 *
	 * @param info the numbers as read
	 * @throws IOException (message without the file name) when the numbers do not form one type
	 */
	static DmType decode(long[] info) throws IOException {
		DmInfoArray parser = new DmInfoArray(info);
		DmType type = parser.type(0);
		if (parser.next != info.length)
			throw new IOException("has a type description of " + info.length + " numbers of which the type "
				+ type.describe() + " uses " + parser.next);
		return type;
	}

	private DmType type(int depth) throws IOException {
		// Arrays of arrays exist; deeper nesting only comes from damage, and would recurse.
		if (depth > 3)
			throw new IOException("has a type description that nests arrays more than 3 deep");
		long code = take();
		if (DmType.isSimple(code))
			return new DmType.Simple((int) code);
		if (code == DmType.STRING)
			return new DmType.Text(count(take()));
		if (code == DmType.STRUCT)
			return struct();
		if (code == DmType.ARRAY) {
			DmType element = type(depth + 1);
			return new DmType.Array(element, count(take()));
		}
		throw new IOException("has the unknown type code " + code);
	}

	private DmType.Struct struct() throws IOException {
		take(); // the struct's name length; DM writes 0 and never a name
		long fields = take();
		if (fields < 0 || fields > (info.length - next) / 2)
			throw new IOException("has a struct type of " + Long.toUnsignedString(fields)
				+ " fields but room for " + (info.length - next) / 2 + " in its type description");
		List<DmType.Simple> list = new ArrayList<>((int) fields);
		for (int f = 0; f < fields; f++) {
			take(); // the field's name length, 0 in practice
			long code = take();
			if (!DmType.isSimple(code))
				throw new IOException("has a struct field of type code " + code + "; expected a number (2…12)");
			list.add(new DmType.Simple((int) code));
		}
		return new DmType.Struct(list);
	}

	private long take() throws IOException {
		if (next >= info.length)
			throw new IOException("has a type description that ends early (" + info.length + " numbers)");
		return info[next++];
	}

	private static long count(long value) throws IOException {
		if (value < 0)
			throw new IOException("declares " + Long.toUnsignedString(value) + " elements");
		return value;
	}
}
