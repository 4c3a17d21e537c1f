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
 * ({@code ImageData.Data}) and long arrays stay in the file: the tree holds a small descriptor
 * map {offset, size, size_bytes, type, endian} in their place, and {@link DmTagTree#blocks()}
 * the typed block behind it.
 * <p>
 * Every length and count is checked against the bytes left in the file before it is used.
 */
final class DmTagParser {

	/** Real files nest about 10 deep; the limit only stops damaged files from recursing. */
	static final int MAX_DEPTH = 64;

	/** Arrays with more elements than this stay in the file (descriptor in the tree). */
	static final int MAX_INLINE_ELEMENTS = 4096;

	/** Text longer than this (in characters) stays in the file too. */
	static final int MAX_INLINE_TEXT = 1 << 20;

	private final DmInput in;

	private final int version;

	private final ByteOrder order;

	private final Map<Object, DmDataBlock> blocks = new IdentityHashMap<>();

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
		Map<String, Object> root = parser.groupBody("", 0);
		return new DmTagTree((int) version, order, root, parser.blocks);
	}

	// -- structure --

	private Map<String, Object> groupBody(String path, int depth) throws IOException {
		if (depth > MAX_DEPTH)
			throw new IOException("its tags are nested more than " + MAX_DEPTH + " levels deep (at byte " + in.position() + ")");
		in.u8("the group header of " + where(path));
		in.u8("the group header of " + where(path));
		long count = length("the tag count of " + where(path));
		long smallestTag = 3 + (version == 4 ? 8 : 0) + 2 + lengthBytes(); // an empty group
		if (count > in.remaining() / smallestTag)
			throw new EOFException(where(path) + " declares " + count
				+ " tags, more than the " + in.remaining() + " bytes left in the file can hold");
		Map<String, Object> group = new LinkedHashMap<>();
		int unnamedGroups = 0;
		int unnamedValues = 0;
		for (long t = 0; t < count; t++) {
			long kindAt = in.position();
			int kind = in.u8("a tag in " + where(path));
			String name = name(path);
			if (version == 4) {
				long tagLength = length("the length of tag '" + join(path, name) + "'");
				in.require(tagLength, "tag '" + join(path, name) + "'");
			}
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

	private String name(String path) throws IOException {
		int length = in.be16("a tag name in " + where(path));
		return text(in.values(length, ByteOrder.BIG_ENDIAN, "a tag name in " + where(path)));
	}

	private Object dataTag(String path, boolean keepInFile) throws IOException {
		String what = "tag '" + path + "'";
		ByteBuffer delimiter = in.values(4, ByteOrder.BIG_ENDIAN, what);
		if (delimiter.getInt(0) != 0x25252525) // "%%%%"
			throw new IOException(what + " lacks its '%%%%' marker at byte " + (in.position() - 4));
		long infoLength = length("the type description of " + what);
		if (infoLength < 1 || infoLength > DmInfoArray.MAX_LENGTH)
			throw new IOException(what + " has a type description of " + infoLength + " numbers; expected 1 to "
				+ DmInfoArray.MAX_LENGTH);
		in.require(infoLength * lengthBytes(), "the type description of " + what);
		long[] info = new long[(int) infoLength];
		for (int i = 0; i < info.length; i++)
			info[i] = length("the type description of " + what);
		DmType type;
		try {
			type = DmInfoArray.decode(info);
		} catch (IOException e) {
			throw new IOException(what + " " + e.getMessage(), e);
		}
		if (type.bytes() > in.remaining())
			throw new EOFException(what + " declares a " + type.describe() + " value of " + bytesText(type.bytes())
				+ " at byte " + in.position() + ", but the file ends at byte " + in.size());
		return value(type, keepInFile, what);
	}

	// -- values --

	private Object value(DmType type, boolean keepInFile, String what) throws IOException {
		if (keepInFile || tooLongToInline(type))
			return descriptor(type, what);
		if (type instanceof DmType.Simple s)
			return s.decode(in.values((int) s.bytes(), order, what));
		if (type instanceof DmType.Text t)
			return text(in.values((int) t.length(), order, what));
		if (type instanceof DmType.Struct s)
			return struct(s, in.values((int) s.bytes(), order, what));
		DmType.Array a = (DmType.Array) type;
		if (a.element() instanceof DmType.Simple s && s.code() == DmType.UINT16)
			return utf16(in.values((int) a.bytes(), order, what));
		return list(a, what);
	}

	private static boolean tooLongToInline(DmType type) {
		if (type instanceof DmType.Text t)
			return t.length() > MAX_INLINE_TEXT;
		if (!(type instanceof DmType.Array a))
			return false;
		boolean isText = a.element() instanceof DmType.Simple s && s.code() == DmType.UINT16;
		return a.count() > (isText ? MAX_INLINE_TEXT : MAX_INLINE_ELEMENTS) || tooLongToInline(a.element())
			|| a.bytes() > 4L * MAX_INLINE_TEXT;
	}

	private List<Object> list(DmType.Array array, String what) throws IOException {
		List<Object> list = new ArrayList<>((int) array.count());
		if (array.element() instanceof DmType.Simple s) {
			ByteBuffer b = in.values((int) array.bytes(), order, what);
			for (long i = 0; i < array.count(); i++)
				list.add(s.decode(b));
			return list;
		}
		for (long i = 0; i < array.count(); i++)
			list.add(value(array.element(), false, what));
		return list;
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
			throw new IOException(what + " is " + Long.toUnsignedString(value) + " at byte " + (in.position() - 8)
				+ ", far more than the file holds");
		return value;
	}

	private int lengthBytes() {
		return version == 4 ? 8 : 4;
	}

	/** Single-byte text: UTF-8 when valid, else Latin-1 (older DM versions), as HyperSpy does. */
	private static String text(ByteBuffer bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(bytes.duplicate()).toString();
		} catch (CharacterCodingException e) {
			return StandardCharsets.ISO_8859_1.decode(bytes).toString();
		}
	}

	private static String utf16(ByteBuffer bytes) {
		CharBuffer chars = bytes.asCharBuffer();
		return chars.toString();
	}

	private static String where(String path) {
		return path.isEmpty() ? "the root group" : "group '" + path + "'";
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static String bytesText(long bytes) {
		return bytes == Long.MAX_VALUE ? "more than 2^63 bytes" : bytes + " bytes";
	}
}
