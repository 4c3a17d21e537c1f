package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format 1.0 to 3.0, C order) of real numbers as float32: the test
 * tensors of bioimage.io models. Element types: float16/32/64, (u)int8/16/32/64 and bool, either
 * byte order.
 */
public final class NpyReader {

	/**
	 * An array read from a file.
	 *
	 * @param values the values, last axis fastest
	 * @param shape slowest axis first
	 */
	public record Array(float[] values, long[] shape) {}

	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
	private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private NpyReader() {}

	/** @throws IOException when the file is not such an array, naming the file and what is wrong */
	public static Array read(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		if (b.remaining() < 10 || (b.get() & 0xff) != 0x93 || b.get() != 'N' || b.get() != 'U' || b.get() != 'M' || b.get() != 'P' || b.get() != 'Y')
			throw new IOException(file + " is not a NumPy .npy file.");
		int major = b.get();
		b.get();
		int headerLength = major == 1 ? b.getShort() & 0xffff : b.getInt();
		if (headerLength < 0 || headerLength > b.remaining()) throw new IOException(file + " has a damaged .npy header.");
		byte[] text = new byte[headerLength];
		b.get(text);
		String header = new String(text, StandardCharsets.ISO_8859_1);
		Matcher descr = DESCR.matcher(header), order = ORDER.matcher(header), shapeText = SHAPE.matcher(header);
		if (!descr.find() || !order.find() || !shapeText.find()) throw new IOException(file + " has a .npy header that is not understood: " + header.strip());
		if (order.group(1).equals("True")) throw new IOException(file + " is in Fortran order; expected C order.");
		long[] shape = shape(shapeText.group(1));
		long count = 1;
		for (long d : shape)
			count = Math.multiplyExact(count, d);
		char kind = descr.group(2).charAt(0);
		int size = Integer.parseInt(descr.group(3));
		b.order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		if (count > Integer.MAX_VALUE || count * size > b.remaining())
			throw new IOException(file + " holds fewer values than its shape " + java.util.Arrays.toString(shape) + " needs.");
		float[] values = new float[(int) count];
		for (int i = 0; i < values.length; i++)
			values[i] = element(b, kind, size, file);
		return new Array(values, shape);
	}

	private static float element(ByteBuffer b, char kind, int size, Path file) throws IOException {
		switch (kind) {
			case 'f':
				if (size == 4) return b.getFloat();
				if (size == 8) return (float) b.getDouble();
				if (size == 2) return halfToFloat(b.getShort());
				break;
			case 'i':
				if (size == 1) return b.get();
				if (size == 2) return b.getShort();
				if (size == 4) return b.getInt();
				if (size == 8) return b.getLong();
				break;
			case 'u':
			case 'b':
				if (size == 1) return b.get() & 0xff;
				if (size == 2) return b.getShort() & 0xffff;
				if (size == 4) return b.getInt() & 0xffffffffL;
				if (size == 8) return unsignedLong(b.getLong());
				break;
			default:
		}
		throw new IOException(file + " holds elements of type " + kind + size + "; expected real numbers (float, int, uint, bool).");
	}

	/** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
	static float halfToFloat(short half) {
		int h = half & 0xffff;
		int sign = (h & 0x8000) << 16, exponent = (h >>> 10) & 0x1f, mantissa = h & 0x3ff;
		if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
		if (exponent != 0) return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
		float subnormal = mantissa * 0x1p-24f;
		return sign == 0 ? subnormal : -subnormal;
	}

	private static float unsignedLong(long v) {
		return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
	}

	private static long[] shape(String text) throws IOException {
		List<Long> dims = new ArrayList<>();
		for (String part : text.split(",")) {
			String p = part.strip();
			if (p.isEmpty()) continue;
			try {
				dims.add(Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p));
			}
			catch (NumberFormatException e) {
				throw new IOException("A .npy shape entry '" + p + "' is not a number.", e);
			}
		}
		return dims.stream().mapToLong(Long::longValue).toArray();
	}
}
