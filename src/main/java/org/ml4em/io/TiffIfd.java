package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One image file directory (IFD) of a classic TIFF: its tag entries, read lazily, and the
 * offset of the next IFD. Values are read on demand so that tags this reader ignores (and
 * their possibly corrupt offsets) never cost anything. Not thread-safe.
 */
final class TiffIfd {

	static final int NEW_SUBFILE_TYPE = 254;
	static final int IMAGE_WIDTH = 256;
	static final int IMAGE_LENGTH = 257;
	static final int BITS_PER_SAMPLE = 258;
	static final int COMPRESSION = 259;
	static final int IMAGE_DESCRIPTION = 270;
	static final int STRIP_OFFSETS = 273;
	static final int SAMPLES_PER_PIXEL = 277;
	static final int ROWS_PER_STRIP = 278;
	static final int STRIP_BYTE_COUNTS = 279;
	static final int X_RESOLUTION = 282;
	static final int Y_RESOLUTION = 283;
	static final int PLANAR_CONFIGURATION = 284;
	static final int RESOLUTION_UNIT = 296;
	static final int PREDICTOR = 317;
	static final int TILE_WIDTH = 322;
	static final int TILE_LENGTH = 323;
	static final int TILE_OFFSETS = 324;
	static final int TILE_BYTE_COUNTS = 325;
	static final int SAMPLE_FORMAT = 339;

	/** Bytes per value of TIFF field types 1..13; 0 marks types this reader skips. */
	private static final int[] TYPE_SIZE = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4 };
	private static final int ASCII = 2;
	private static final int RATIONAL = 5;
	private static final int SRATIONAL = 10;
	private static final int ENTRY_BYTES = 12;
	/** Larger descriptions are not metadata anyone means to keep in memory. */
	private static final int MAX_TEXT_BYTES = 256 << 20;

	private record Entry(int tag, int type, long count, long valuePosition) {}

	private final TiffSource source;
	private final String where;
	private final Map<Integer, Entry> entries;
	private final long nextOffset;

	private TiffIfd(TiffSource source, String where, Map<Integer, Entry> entries, long nextOffset) {
		this.source = source;
		this.where = where;
		this.entries = entries;
		this.nextOffset = nextOffset;
	}

	/**
	 * Reads the entry table of the IFD at {@code offset}; {@code where} names the page for
	 * messages ("page 3 (IFD at byte 1234)").
	 */
	static TiffIfd read(TiffSource source, long offset, String where) throws IOException {
		ByteBuffer countBytes = source.buffer(offset, 2, "the entry count of " + where);
		int count = Short.toUnsignedInt(countBytes.getShort(0));
		long tableBytes = (long) count * ENTRY_BYTES + 4;
		ByteBuffer table = source.buffer(offset + 2, tableBytes, "the entry table of " + where);
		Map<Integer, Entry> entries = new HashMap<>();
		for (int i = 0; i < count; i++) {
			int base = i * ENTRY_BYTES;
			int tag = Short.toUnsignedInt(table.getShort(base));
			int type = Short.toUnsignedInt(table.getShort(base + 2));
			long n = Integer.toUnsignedLong(table.getInt(base + 4));
			// Unknown field types must be skipped, not guessed at (TIFF 6.0, section 2).
			if (type >= TYPE_SIZE.length || TYPE_SIZE[type] == 0 || entries.containsKey(tag)) continue;
			long valueBytes = n * TYPE_SIZE[type];
			long position = offset + 2 + base + 8;
			if (valueBytes > 4) position = Integer.toUnsignedLong(table.getInt(base + 8));
			entries.put(tag, new Entry(tag, type, n, position));
		}
		long next = Integer.toUnsignedLong(table.getInt(count * ENTRY_BYTES));
		return new TiffIfd(source, where, entries, next);
	}

	/** Offset of the next IFD, 0 at the end of the chain. */
	long nextOffset() {
		return nextOffset;
	}

	/** Names this IFD in messages. */
	String where() {
		return where;
	}

	boolean has(int tag) {
		return entries.containsKey(tag);
	}

	/** Number of values the tag claims to hold, 0 when absent. */
	long count(int tag) {
		Entry e = entries.get(tag);
		return e == null ? 0 : e.count;
	}

	/** First value of an integer tag, or {@code fallback} when the tag is absent. */
	long integer(int tag, String name, long fallback) throws IOException {
		Entry e = entries.get(tag);
		if (e == null || e.count == 0) return fallback;
		return integers(tag, name, 1)[0];
	}

	/**
	 * The first {@code wanted} values of an integer tag; fails when the tag holds fewer, so that
	 * callers can size arrays from numbers they have already checked rather than from the file.
	 */
	long[] integers(int tag, String name, int wanted) throws IOException {
		Entry e = require(tag, name);
		if (e.count < wanted) {
			throw source.fail(where + " has " + e.count + " " + name + " values but needs " + wanted);
		}
		if (e.type == ASCII || e.type == RATIONAL || e.type == SRATIONAL || e.type == 11 || e.type == 12) {
			throw source.fail(where + " stores " + name + " as field type " + e.type
				+ " but an integer type (BYTE, SHORT or LONG) is expected");
		}
		int size = TYPE_SIZE[e.type];
		ByteBuffer b = source.buffer(e.valuePosition, (long) wanted * size, name + " of " + where);
		long[] values = new long[wanted];
		for (int i = 0; i < wanted; i++) {
			values[i] = integerAt(b, e.type, i * size);
		}
		return values;
	}

	/** First value of a rational (or any numeric) tag, NaN when absent or when 0/0. */
	double number(int tag, String name) throws IOException {
		Entry e = entries.get(tag);
		if (e == null || e.count == 0 || e.type == ASCII) return Double.NaN;
		int size = TYPE_SIZE[e.type];
		ByteBuffer b = source.buffer(e.valuePosition, size, name + " of " + where);
		return switch (e.type) {
			case RATIONAL -> (double) Integer.toUnsignedLong(b.getInt(0)) / Integer.toUnsignedLong(b.getInt(4));
			case SRATIONAL -> (double) b.getInt(0) / b.getInt(4);
			case 11 -> b.getFloat(0);
			case 12 -> b.getDouble(0);
			default -> integerAt(b, e.type, 0);
		};
	}

	/** An ASCII tag's text without its trailing NULs, "" when absent. */
	String text(int tag, String name) throws IOException {
		Entry e = entries.get(tag);
		if (e == null || e.type != ASCII || e.count == 0) return "";
		if (e.count > MAX_TEXT_BYTES) {
			throw source.fail(where + " has a " + e.count + "-byte " + name
				+ ", more than the " + MAX_TEXT_BYTES + " bytes this reader accepts");
		}
		byte[] bytes = source.bytes(e.valuePosition, e.count, name + " of " + where);
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] == 0) end--;
		return decode(bytes, end);
	}

	private Entry require(int tag, String name) throws IOException {
		Entry e = entries.get(tag);
		if (e == null) throw source.fail(where + " lacks the required " + name + " tag (" + tag + ")");
		return e;
	}

	private static long integerAt(ByteBuffer b, int type, int index) {
		return switch (type) {
			case 1, 7 -> Byte.toUnsignedInt(b.get(index));
			case 6 -> b.get(index);
			case 3 -> Short.toUnsignedInt(b.getShort(index));
			case 8 -> b.getShort(index);
			case 9 -> b.getInt(index);
			default -> Integer.toUnsignedLong(b.getInt(index));
		};
	}

	/** TIFF says 7-bit ASCII, but tifffile and ImageJ store UTF-8 and older tools Latin-1. */
	private static String decode(byte[] bytes, int length) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		}
	}
}
