package org.ml4em.io.dm;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the tag tree of a DM3 or DM4 file into nested {@link LinkedHashMap}s, in file order.
 * <p>
 * Layout (numbers of the structure big-endian; "len" is 4 bytes in DM3 and 8 in DM4):
 * <pre>
 * header    version(4) rootLength(len) littleEndian(4)
 * group     sorted(1) open(1) tagCount(len) tag…
 * tag       kind(1: 20 group, 21 data) nameLength(2) name [DM4: tagLength(8)] group | data
 * data      "%%%%" infoLength(len) info(len × infoLength) value (in the header's byte order)
 * </pre>
 * Values become Long (integers), Double (floats), Boolean, String (type-18 strings and uint16
 * arrays, which DM uses for text: UTF-16 code units), List (structs, short arrays) or a nested
 * map (groups). Unnamed entries are named like HyperSpy names them: "TagGroup0", "TagGroup1"…
 * for groups and "Data0", "Data1"… for values, counted separately in each group. Image data
 * ({@code ImageData.Data}), arrays of more than {@value #MAX_INLINE_ELEMENTS} values and texts of
 * more than {@value #MAX_INLINE_TEXT} characters stay in the file: the tree holds a small
 * descriptor map {offset, size, size_bytes, type, endian} in their place, and
 * {@link DmTagTree#blocks()} the typed block behind it.
 * <p>
 * Every length and count is checked against the bytes left in the file before it is used, and
 * the heap a tree can take is bounded (at most {@value #MAX_TAGS} tags, {@value #MAX_TREE_VALUES}
 * values read into the tree; later arrays stay in the file), so that no file, however large or
 * damaged, makes the reader run out of memory.
 */
final class DmTagParser {

	/** Real files nest about 10 deep; the limit only stops damaged files from recursing. */
	static final int MAX_DEPTH = 64;

	/** Arrays with more elements than this stay in the file (descriptor in the tree). */
	static final int MAX_INLINE_ELEMENTS = 4096;

	/** Text longer than this (in characters) stays in the file too. */
	static final int MAX_INLINE_TEXT = 1 << 20;

	/** Nor is an array of more bytes than this read into the tree. */
	static final int MAX_INLINE_BYTES = 4 << 20;

	/**
	 * Real files have thousands of tags; this bounds the memory a file made of nothing but tags
	 * could take (about 150 bytes of heap per tag).
	 */
	static final int MAX_TAGS = 1_000_000;

	/** Values read into the tree in all (about 24 bytes of heap each); further arrays stay in the file. */
	static final int MAX_TREE_VALUES = 2_000_000;

	private final DmInput in;

	private final int version;

	private final ByteOrder order;

	private final Map<Object, DmDataBlock> blocks = new IdentityHashMap<>();

	private long tags;

	private long valueBudget = MAX_TREE_VALUES;

	/** Path of the tag or group being read, for messages. */
	private String place = "";

	private DmTagParser(DmInput in, int version, ByteOrder order) {
		this.in = in;
		this.version = version;
		this.order = order;
	}

	/**
	 * Reads the header and the whole tag tree.
	 *
	 * @param in the file, at position 0
	 * @return the tree
	 * @throws IOException (message without the file name) when the file is not a DM3/DM4 file,
	 *     is truncated or damaged
	 */
	static DmTagTree parse(DmInput in) throws IOException {
		long version = in.be32("the version number");
		if (version != 3 && version != 4)
			throw new IOException("its version number is " + version + "; expected 3 (DM3) or 4 (DM4)");
		// The root length is not needed: the tags themselves say where they end.
		in.skip(version == 4 ? 8 : 4, "the root length");
		long flag = in.be32("the byte-order flag");
		if (flag != 0 && flag != 1)
			throw new IOException("its byte-order flag is " + flag + "; expected 0 (big-endian) or 1 (little-endian)");
		ByteOrder order = flag == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		DmTagParser parser = new DmTagParser(in, (int) version, order);
		try {
			Map<String, Object> root = parser.groupBody("", 0);
			return new DmTagTree((int) version, order, root, parser.blocks);
		} catch (EOFException e) {
			// Reads name what they read in a few constant words; the tag is added once, here.
			throw new EOFException("in " + where(parser.place) + ", " + e.getMessage());
		}
	}

	// -- structure --

	private Map<String, Object> groupBody(String path, int depth) throws IOException {
		place = path;
		if (depth > MAX_DEPTH)
			throw new IOException("its tags are nested more than " + MAX_DEPTH + " levels deep (at byte " + in.position() + ")");
		in.skip(2, "the group header"); // sorted and open flags, of no use to a reader
		long count = length("the tag count");
		long smallestTag = 3 + (version == 4 ? 8 : 0) + 2 + lengthBytes(); // an empty group
		if (count > in.remaining() / smallestTag)
			throw new EOFException("the group declares " + count + " tags, more than the " + in.remaining()
				+ " bytes left in the file can hold");
		Map<String, Object> group = new LinkedHashMap<>();
		int unnamedGroups = 0;
		int unnamedValues = 0;
		for (long t = 0; t < count; t++) {
			if (++tags > MAX_TAGS)
				throw new IOException("it has more than " + MAX_TAGS + " tags, far more than DM writes");
			place = path;
			long kindAt = in.position();
			int kind = in.u8("a tag");
			String name = text(in.values(in.be16("a tag name"), ByteOrder.BIG_ENDIAN, "a tag name"));
			place = join(path, name);
			if (version == 4)
				in.require(length("the tag length"), "the tag");
			if (kind == 20) {
				if (name.isEmpty()) name = "TagGroup" + unnamedGroups++;
				group.put(name, groupBody(join(path, name), depth + 1));
			} else if (kind == 21) {
				if (name.isEmpty()) name = "Data" + unnamedValues++;
				boolean imageData = name.equals("Data") && (path.equals("ImageData") || path.endsWith(".ImageData"));
				group.put(name, dataTag(join(path, name), imageData));
			} else {
				throw new IOException("a tag in " + where(path) + " has the unknown kind " + kind
					+ " at byte " + kindAt + "; expected 20 (group) or 21 (data)");
			}
		}
		return group;
	}

	private Object dataTag(String path, boolean keepInFile) throws IOException {
		place = path;
		if (in.values(4, ByteOrder.BIG_ENDIAN, "the '%%%%' marker").getInt(0) != 0x25252525)
			throw new IOException("tag '" + path + "' lacks its '%%%%' marker at byte " + (in.position() - 4));
		long infoLength = length("the type description");
		if (infoLength < 1 || infoLength > DmInfoArray.MAX_LENGTH)
			throw new IOException("tag '" + path + "' has a type description of " + infoLength
				+ " numbers; expected 1 to " + DmInfoArray.MAX_LENGTH);
		in.require(infoLength * lengthBytes(), "the type description");
		long[] info = new long[(int) infoLength];
		for (int i = 0; i < info.length; i++)
			info[i] = length("the type description");
		DmType type;
		try {
			type = DmInfoArray.decode(info);
		} catch (IOException e) {
			throw new IOException("tag '" + path + "' " + e.getMessage(), e);
		}
		if (type.bytes() > in.remaining())
			throw new EOFException("its " + type.describe() + " value of " + bytesText(type.bytes()) + " at byte "
				+ in.position() + ", but the file ends at byte " + in.size());
		return value(type, keepInFile, "the value");
	}

	// -- values --

	private Object value(DmType type, boolean keepInFile, String what) throws IOException {
		long cost = values(type);
		if (keepInFile || !inlinable(type) || cost > valueBudget)
			return descriptor(type, what);
		valueBudget -= cost;
		return decode(type, what);
	}

	/** Decodes a value already judged small enough to hold in the tree. */
	private Object decode(DmType type, String what) throws IOException {
		if (type instanceof DmType.Simple s)
			return s.decode(in.values((int) s.bytes(), order, what));
		if (type instanceof DmType.Text t)
			return text(in.values((int) t.length(), order, what));
		if (type instanceof DmType.Struct s)
			return struct(s, in.values((int) s.bytes(), order, what));
		DmType.Array a = (DmType.Array) type;
		if (isText(a))
			return utf16(in.values((int) a.bytes(), order, what));
		List<Object> list = new ArrayList<>((int) a.count());
		if (a.element() instanceof DmType.Simple s) {
			ByteBuffer b = in.values((int) a.bytes(), order, what);
			for (long i = 0; i < a.count(); i++)
				list.add(s.decode(b));
		} else {
			for (long i = 0; i < a.count(); i++)
				list.add(decode(a.element(), what));
		}
		return list;
	}

	/** Text up to {@link #MAX_INLINE_TEXT} characters, arrays up to {@link #MAX_INLINE_ELEMENTS} values. */
	private static boolean inlinable(DmType type) {
		if (type instanceof DmType.Text t)
			return t.length() <= MAX_INLINE_TEXT;
		if (!(type instanceof DmType.Array a))
			return true;
		if (isText(a))
			return a.count() <= MAX_INLINE_TEXT;
		return values(a) <= MAX_INLINE_ELEMENTS && a.bytes() <= MAX_INLINE_BYTES
			&& (!(a.element() instanceof DmType.Array e) || inlinable(e));
	}

	/**
	 * Java values a tag's value becomes, saturating at Long.MAX_VALUE: a text counts as one, and
	 * so does an empty struct or array — elements of no bytes cost time to list all the same.
	 */
	private static long values(DmType type) {
		if (type instanceof DmType.Struct s)
			return Math.max(1, s.fields().size());
		if (!(type instanceof DmType.Array a) || isText(a))
			return 1;
		long e = Math.max(1, values(a.element()));
		return a.count() != 0 && e > Long.MAX_VALUE / a.count() ? Long.MAX_VALUE : e * a.count();
	}

	/** DM writes text as arrays of uint16 (UTF-16 code units). */
	private static boolean isText(DmType.Array a) {
		return a.element() instanceof DmType.Simple s && s.code() == DmType.UINT16;
	}

	private static List<Object> struct(DmType.Struct struct, ByteBuffer b) {
		List<Object> fields = new ArrayList<>(struct.fields().size());
		for (DmType.Simple f : struct.fields())
			fields.add(f.decode(b));
		return fields;
	}

	private Map<String, Object> descriptor(DmType type, String what) throws IOException {
		DmDataBlock block = new DmDataBlock(in.position(), type, order);
		in.skip(type.bytes(), what);
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("offset", block.offset());
		map.put("size", block.count());
		map.put("size_bytes", type.bytes());
		map.put("type", block.element().describe());
		map.put("endian", order == ByteOrder.LITTLE_ENDIAN ? "little" : "big");
		blocks.put(map, block);
		return map;
	}

	// -- numbers and text --

	/** A length or count of the structure: 4 bytes in DM3, 8 in DM4; never negative. */
	private long length(String what) throws IOException {
		long value = version == 4 ? in.be64(what) : in.be32(what);
		if (value < 0)
			throw new IOException("in " + where(place) + ", " + what + " is " + Long.toUnsignedString(value)
				+ " at byte " + (in.position() - 8) + ", far more than the file holds");
		return value;
	}

	private int lengthBytes() {
		return version == 4 ? 8 : 4;
	}

	/** Single-byte text: UTF-8 when valid, else Latin-1 (older DM versions), as HyperSpy does. */
	private static String text(ByteBuffer bytes) {
		if (isAscii(bytes)) // nearly every name: skip the decoder
			return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
				StandardCharsets.ISO_8859_1);
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(bytes.duplicate()).toString();
		} catch (CharacterCodingException e) {
			return StandardCharsets.ISO_8859_1.decode(bytes).toString();
		}
	}

	private static boolean isAscii(ByteBuffer bytes) {
		for (int i = bytes.position(); i < bytes.limit(); i++)
			if (bytes.get(i) < 0)
				return false;
		return true;
	}

	private static String utf16(ByteBuffer bytes) {
		CharBuffer chars = bytes.asCharBuffer();
		return chars.toString();
	}

	private static String where(String path) {
		return path.isEmpty() ? "the root group" : "'" + path + "'";
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static String bytesText(long bytes) {
		return bytes == Long.MAX_VALUE ? "more than 2^63 bytes" : bytes + " bytes";
	}
}
