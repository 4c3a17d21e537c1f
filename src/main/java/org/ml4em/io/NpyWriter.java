package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes float32 arrays as NumPy {@code .npy} files (format 1.0, little endian, C order), the
 * test tensors of bioimage.io models.
 */
public final class NpyWriter {

	private NpyWriter() {}

	/**
	 * @param file the file to write (replaced)
	 * @param values the array, last axis fastest
	 * @param shape its shape, slowest axis first; the product must be {@code values.length}
	 */
	public static void write(Path file, float[] values, long... shape) throws IOException {
		if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length)
			throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
		String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ")) + (shape.length == 1 ? "," : "");
		StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
		// Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in a newline.
		while ((10 + header.length() + 1) % 64 != 0)
			header.append(' ');
		header.append('\n');
		byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
		ByteBuffer out = ByteBuffer.allocate(10 + text.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
		out.asFloatBuffer().put(values);
		Files.write(file, out.array());
	}
}
