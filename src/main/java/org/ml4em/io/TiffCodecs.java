package org.ml4em.io;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The TIFF compressions this reader supports: none, LZW, Deflate (both tag values) and PackBits.
 * Every decoder writes into a buffer of the size the page layout demands and never past it,
 * so corrupt data can only produce too few bytes, which is reported, never a huge allocation or
 * an endless loop. Stateless and thread-safe.
 */
final class TiffCodecs {

	static final int NONE = 1;
	static final int LZW = 5;
	static final int DEFLATE = 8;
	static final int PACKBITS = 32773;
	static final int ADOBE_DEFLATE = 32946;

	private static final int LZW_CLEAR = 256;
	private static final int LZW_END = 257;
	private static final int LZW_FIRST = 258;
	private static final int LZW_TABLE = 4096;

	private TiffCodecs() {}

	/** Fails with a message naming {@code compression} unless this class can decode it. */
	static void checkSupported(TiffSource source, String where, int compression) throws IOException {
		if (compression == NONE || compression == LZW || compression == DEFLATE
			|| compression == ADOBE_DEFLATE || compression == PACKBITS) return;
		throw source.fail(where + " uses compression " + compression + " (" + name(compression)
			+ "), which is not supported; expected none (1), LZW (5), Deflate (8 or 32946) or PackBits (32773)");
	}

	/** A human name for a TIFF compression code, for messages. */
	static String name(int compression) {
		return switch (compression) {
			case NONE -> "none";
			case 2 -> "CCITT modified Huffman";
			case 3 -> "CCITT Group 3 fax";
			case 4 -> "CCITT Group 4 fax";
			case LZW -> "LZW";
			case 6 -> "old-style JPEG";
			case 7 -> "JPEG";
			case DEFLATE, ADOBE_DEFLATE -> "Deflate";
			case PACKBITS -> "PackBits";
			case 34712 -> "JPEG 2000";
			case 34925 -> "LZMA";
			case 50000 -> "Zstandard";
			case 50001 -> "WebP";
			default -> "unknown";
		};
	}

	/**
	 * Upper bound of decoded bytes per stored byte; a page claiming more is corrupt, and saying
	 * so early avoids allocating memory for pixels the file cannot contain.
	 */
	static long maxExpansion(int compression) {
		return switch (compression) {
			case PACKBITS -> 64; // 2 bytes repeat one byte 128 times
			case DEFLATE, ADOBE_DEFLATE -> 1032; // the format's limit
			case LZW -> 3641; // 9-bit codes of at most 4096 bytes each
			default -> 1;
		};
	}

	/**
	 * Decodes {@code data} into exactly {@code expected} bytes; fails when the data yield fewer.
	 * Extra decoded bytes (a last strip written full height) are dropped.
	 */
	static byte[] decode(TiffSource source, String what, int compression, byte[] data, int expected)
		throws IOException
	{
		if (compression == NONE && data.length == expected) return data;
		byte[] out = new byte[expected];
		int produced = switch (compression) {
			case NONE -> copy(data, out);
			case PACKBITS -> packBits(data, out);
			case LZW -> lzw(source, what, data, out);
			default -> inflate(source, what, data, out);
		};
		if (produced < expected) {
			throw source.fail(what + " decodes to " + produced + " bytes but " + expected
				+ " are expected; the " + name(compression) + " data are truncated or corrupt");
		}
		return out;
	}

	private static int copy(byte[] in, byte[] out) {
		int n = Math.min(in.length, out.length);
		System.arraycopy(in, 0, out, 0, n);
		return n;
	}

	private static int packBits(byte[] in, byte[] out) {
		int i = 0;
		int o = 0;
		while (o < out.length && i < in.length) {
			int n = in[i++];
			if (n >= 0) {
				int count = Math.min(Math.min(n + 1, in.length - i), out.length - o);
				System.arraycopy(in, i, out, o, count);
				i += n + 1;
				o += count;
			} else if (n != -128 && i < in.length) { // -128 is a no-op by definition
				int count = Math.min(1 - n, out.length - o);
				java.util.Arrays.fill(out, o, o + count, in[i++]);
				o += count;
			}
		}
		return o;
	}

	private static int inflate(TiffSource source, String what, byte[] in, byte[] out) throws IOException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(in);
			int o = 0;
			while (o < out.length && !inflater.finished()) {
				long readBefore = inflater.getBytesRead();
				int n = inflater.inflate(out, o, out.length - o);
				o += n;
				// Neither input consumed nor output produced means no further progress is possible.
				if (n == 0 && inflater.getBytesRead() == readBefore) break;
			}
			return o;
		} catch (DataFormatException e) {
			throw source.fail(what + " is not valid Deflate (zlib) data (" + e.getMessage() + ")");
		} finally {
			inflater.end();
		}
	}

	/** TIFF LZW: MSB-first codes of 9 to 12 bits, widening one code early (TIFF 6.0, section 13). */
	private static int lzw(TiffSource source, String what, byte[] in, byte[] out) throws IOException {
		if (in.length >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
			throw source.fail(what + " uses the old-style (pre-TIFF 6.0) LZW variant, which is not supported");
		}
		LzwTable table = new LzwTable();
		long bits = 8L * in.length;
		long bitPos = 0;
		int width = 9;
		int old = -1;
		int o = 0;
		while (o < out.length && bitPos + width <= bits) {
			int code = readBits(in, bitPos, width);
			bitPos += width;
			if (code == LZW_END) break;
			if (code == LZW_CLEAR) {
				table.reset();
				width = 9;
				old = -1;
				continue;
			}
			if (code < table.next) {
				o = table.emit(code, out, o);
				if (old >= 0) table.add(old, table.first[code]);
			} else if (code == table.next && old >= 0 && table.next < LZW_TABLE) {
				table.add(old, table.first[old]);
				o = table.emit(code, out, o);
			} else {
				throw source.fail(what + " holds the invalid LZW code " + code + " at bit " + (bitPos - width)
					+ "; the LZW data are corrupt");
			}
			old = code;
			if (table.next + 1 >= 1 << width && width < 12) width++;
		}
		return o;
	}

	private static int readBits(byte[] in, long bitPos, int width) {
		int index = (int) (bitPos >>> 3);
		int b0 = in[index] & 0xff;
		int b1 = index + 1 < in.length ? in[index + 1] & 0xff : 0;
		int b2 = index + 2 < in.length ? in[index + 2] & 0xff : 0;
		int window = b0 << 16 | b1 << 8 | b2;
		return window >>> (24 - (int) (bitPos & 7) - width) & (1 << width) - 1;
	}

	/** The LZW string table, each string stored as (prefix code, last byte). */
	private static final class LzwTable {

		final short[] prefix = new short[LZW_TABLE];
		final byte[] last = new byte[LZW_TABLE];
		final byte[] first = new byte[LZW_TABLE];
		final short[] length = new short[LZW_TABLE];
		int next = LZW_FIRST;

		LzwTable() {
			for (int i = 0; i < 256; i++) {
				prefix[i] = -1;
				last[i] = (byte) i;
				first[i] = (byte) i;
				length[i] = 1;
			}
		}

		void reset() {
			next = LZW_FIRST;
		}

		void add(int prefixCode, byte suffix) {
			if (next >= LZW_TABLE) return; // a full table stays as it is until the next clear code
			prefix[next] = (short) prefixCode;
			last[next] = suffix;
			first[next] = first[prefixCode];
			length[next] = (short) Math.min(length[prefixCode] + 1, LZW_TABLE);
			next++;
		}

		/** Writes the string of {@code code} at {@code o}, clipped to {@code out}; returns the new end. */
		int emit(int code, byte[] out, int o) {
			int end = o + length[code];
			int pos = end - 1;
			for (int c = code; c >= 0 && pos >= o; c = prefix[c], pos--) {
				if (pos < out.length) out[pos] = last[c];
			}
			return Math.min(end, out.length);
		}
	}
}
