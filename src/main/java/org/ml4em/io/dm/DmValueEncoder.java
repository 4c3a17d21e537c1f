package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.ml4em.BadInputException;
import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

/**
 * Converts values to the bytes of one real element type, a chunk at a time, and streams them to
 * a {@link DmOutput}. Integer and bool types take only whole numbers within their range (the
 * values of a file read before always are); anything else is refused with the index and value,
 * rather than silently rounded or clamped. Floats are stored as {@code (float) v} and {@code v}.
 */
final class DmValueEncoder {

	/** Values per chunk: 2 MiB of float64, small enough for any heap, large enough to be fast. */
	static final int CHUNK = 1 << 18;

	private static final double TWO_63 = 0x1p63;

	private final ElementType type;

	private final ByteOrder order;

	DmValueEncoder(ElementType type, ByteOrder order) {
		this.type = type;
		this.order = order;
	}

	/** Reads the values in chunks and writes each converted chunk (all-zero chunks become holes). */
	void stream(StoredValues values, DmOutput out) throws IOException {
		long n = values.length();
		double[] chunk = new double[(int) Math.min(n, CHUNK)];
		ByteBuffer bytes = ByteBuffer.allocate(chunk.length * type.bytes()).order(order);
		for (long start = 0; start < n; start += chunk.length) {
			int count = (int) Math.min(chunk.length, n - start);
			values.read(start, chunk, 0, count);
			bytes.clear();
			encode(chunk, count, bytes, start);
			bytes.flip();
			out.data(bytes);
		}
	}

	/**
	 * Appends {@code count} values to {@code dst}.
	 *
	 * @param first storage index of {@code src[0]}, for messages
	 * @throws BadInputException when a value cannot be stored exactly in an integer type
	 */
	void encode(double[] src, int count, ByteBuffer dst, long first) {
		switch (type) {
			case FLOAT32 -> { for (int i = 0; i < count; i++) dst.putFloat((float) src[i]); }
			case FLOAT64 -> { for (int i = 0; i < count; i++) dst.putDouble(src[i]); }
			case INT8 -> { for (int i = 0; i < count; i++) dst.put((byte) whole(src[i], -128, 127, first + i)); }
			case UINT8 -> { for (int i = 0; i < count; i++) dst.put((byte) whole(src[i], 0, 255, first + i)); }
			case BOOL -> { for (int i = 0; i < count; i++) dst.put((byte) whole(src[i], 0, 1, first + i)); }
			case INT16 -> { for (int i = 0; i < count; i++) dst.putShort((short) whole(src[i], -32768, 32767, first + i)); }
			case UINT16 -> { for (int i = 0; i < count; i++) dst.putShort((short) whole(src[i], 0, 65535, first + i)); }
			case INT32 -> {
				for (int i = 0; i < count; i++)
					dst.putInt((int) whole(src[i], Integer.MIN_VALUE, Integer.MAX_VALUE, first + i));
			}
			case UINT32 -> { for (int i = 0; i < count; i++) dst.putInt((int) whole(src[i], 0, 0xFFFF_FFFFL, first + i)); }
			case INT64 -> { for (int i = 0; i < count; i++) dst.putLong(int64(src[i], first + i)); }
			case UINT64 -> { for (int i = 0; i < count; i++) dst.putLong(uint64(src[i], first + i)); }
			default -> throw new IllegalArgumentException(type.dtype() + " is not a real type");
		}
	}

	private long whole(double v, long min, long max, long index) {
		if (!(v >= min && v <= max) || v != Math.rint(v))
			throw refused(v, index, "whole numbers from " + min + " to " + max);
		return (long) v;
	}

	private long int64(double v, long index) {
		if (!(v >= -TWO_63 && v < TWO_63) || v != Math.rint(v))
			throw refused(v, index, "whole numbers from -2^63 to 2^63");
		return (long) v;
	}

	/** Values from 2^63 up are stored with the top bit set, as the unsigned number they are. */
	private long uint64(double v, long index) {
		if (!(v >= 0 && v < 2 * TWO_63) || v != Math.rint(v))
			throw refused(v, index, "whole numbers from 0 to 2^64");
		return v < TWO_63 ? (long) v : (long) (v - TWO_63) | Long.MIN_VALUE;
	}

	private BadInputException refused(double v, long index, String expected) {
		return new BadInputException("value " + v + " at index " + index + " cannot be stored as " + type.dtype()
			+ "; expected " + expected);
	}
}
