package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns decompressed chunk bytes into float samples: undoes the horizontal (2) and
 * floating-point (3) predictors, then converts each sample to float and stores it in its plane.
 * Stateless and thread-safe.
 */
final class TiffSamples {

	static final int NO_PREDICTOR = 1;
	static final int HORIZONTAL = 2;
	static final int FLOATING_POINT = 3;

	private TiffSamples() {}

	/** Reads one sample at a byte index of a buffer that already has the right byte order. */
	@FunctionalInterface
	private interface SampleReader {
		float read(ByteBuffer b, int index);
	}

	/** Fails unless {@code predictor} is one this class can undo for the given sample type. */
	static void checkPredictor(TiffSource source, String where, int predictor, int bits, int format)
		throws IOException
	{
		boolean ok = predictor == NO_PREDICTOR || predictor == HORIZONTAL
			|| predictor == FLOATING_POINT && format == TiffPage.FLOAT;
		if (!ok) {
			throw source.fail(where + " uses Predictor " + predictor + " with " + bits + "-bit samples of SampleFormat "
				+ format + ", which is not supported; expected 1 (none), 2 (horizontal) or, for floats, 3");
		}
	}

	/**
	 * Undoes the predictor of one decoded chunk in place and returns the byte order its samples
	 * are now in (the floating-point predictor always leaves them big-endian).
	 */
	static ByteOrder undoPredictor(TiffPage page, byte[] data, int rows, ByteOrder order) {
		int rowBytes = page.rowBytes();
		int stride = page.samplesPerChunkPixel();
		if (page.predictor == HORIZONTAL) {
			ByteBuffer b = ByteBuffer.wrap(data).order(order);
			for (int r = 0; r < rows; r++) accumulate(b, r * rowBytes, rowBytes, stride, page.bitsPerSample / 8);
			return order;
		}
		if (page.predictor == FLOATING_POINT) {
			byte[] row = new byte[rowBytes];
			for (int r = 0; r < rows; r++) unshuffleFloatRow(data, r * rowBytes, row, stride, page.bitsPerSample / 8);
			return ByteOrder.BIG_ENDIAN;
		}
		return order;
	}

	/** Each sample was stored as the difference to the same channel of the pixel on its left. */
	private static void accumulate(ByteBuffer b, int start, int rowBytes, int stride, int bytes) {
		int step = stride * bytes;
		for (int i = start + step; i < start + rowBytes; i += bytes) {
			switch (bytes) {
				case 1 -> b.put(i, (byte) (b.get(i) + b.get(i - step)));
				case 2 -> b.putShort(i, (short) (b.getShort(i) + b.getShort(i - step)));
				case 4 -> b.putInt(i, b.getInt(i) + b.getInt(i - step));
				default -> b.putLong(i, b.getLong(i) + b.getLong(i - step));
			}
		}
	}

	/**
	 * Adobe's floating-point predictor: the row's bytes are differenced bytewise and grouped by
	 * significance, most significant bytes of all samples first (TIFF Technical Note 3).
	 */
	private static void unshuffleFloatRow(byte[] data, int start, byte[] row, int stride, int bytes) {
		int n = row.length;
		System.arraycopy(data, start, row, 0, n);
		for (int i = stride; i < n; i++) row[i] += row[i - stride];
		int samples = n / bytes;
		for (int s = 0; s < samples; s++) {
			for (int k = 0; k < bytes; k++) data[start + s * bytes + k] = row[k * samples + s];
		}
	}

	/**
	 * Converts the visible part of one decoded chunk to float and stores it in {@code planes},
	 * which holds {@code width * height} floats per plane; the chunk's samples go to planes
	 * {@code firstPlane + sample}.
	 */
	static void store(TiffPage page, int chunk, ByteBuffer data, float[] planes, long firstPlane) {
		SampleReader reader = reader(page);
		int bytes = page.bitsPerSample / 8;
		int spp = page.samplesPerChunkPixel();
		int x0 = page.x0(chunk);
		int y0 = page.y0(chunk);
		int cols = Math.min(page.chunkWidth, page.width - x0);
		int rows = Math.min(page.storedRows(chunk), page.height - y0);
		long planeSize = (long) page.width * page.height;
		for (int s = 0; s < spp; s++) {
			long plane = (firstPlane + page.sampleOf(chunk) + s) * planeSize;
			for (int r = 0; r < rows; r++) {
				int in = (r * page.chunkWidth * spp + s) * bytes;
				int out = (int) (plane + (long) (y0 + r) * page.width + x0);
				for (int x = 0; x < cols; x++, in += spp * bytes) planes[out + x] = reader.read(data, in);
			}
		}
	}

	private static SampleReader reader(TiffPage page) {
		boolean signed = page.sampleFormat == TiffPage.INT;
		switch (page.bitsPerSample) {
			case 8:
				return signed ? ByteBuffer::get : (b, i) -> b.get(i) & 0xff;
			case 16:
				return signed ? ByteBuffer::getShort : (b, i) -> b.getShort(i) & 0xffff;
			case 32:
				if (page.sampleFormat == TiffPage.FLOAT) return ByteBuffer::getFloat;
				return signed ? ByteBuffer::getInt : (b, i) -> Integer.toUnsignedLong(b.getInt(i));
			default:
				return (b, i) -> (float) b.getDouble(i);
		}
	}
}
