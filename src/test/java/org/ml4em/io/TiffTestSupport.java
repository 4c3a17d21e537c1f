package org.ml4em.io;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.real.FloatType;

/** Small helpers shared by the TIFF tests. */
final class TiffTestSupport {

	private TiffTestSupport() {}

	/** A file in {@code src/test/resources/org/ml4em/io/}. */
	static Path resource(String name) {
		URL url = TiffTestSupport.class.getResource(name);
		if (url == null) throw new IllegalStateException("test resource " + name + " is missing");
		try {
			return Path.of(url.toURI());
		} catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path write(Path dir, String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	/** The sample at (x, y) of {@code plane}, for 2-D and 3-D images alike. */
	static float at(ImageData data, int x, int y, int plane) {
		RandomAccess<FloatType> ra = data.image().randomAccess();
		ra.setPosition(x, 0);
		ra.setPosition(y, 1);
		if (data.image().numDimensions() > 2) ra.setPosition(plane, 2);
		return ra.get().get();
	}

	static ByteOrder order(byte[] tiff) {
		return tiff[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
	}

	/** Byte position of the first IFD. */
	static int firstIfd(byte[] tiff) {
		return ByteBuffer.wrap(tiff).order(order(tiff)).getInt(4);
	}

	/** Byte position of the 12-byte entry of {@code tag} in the first IFD, -1 if absent. */
	static int entry(byte[] tiff, int tag) {
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order(tiff));
		int ifd = firstIfd(tiff);
		int n = Short.toUnsignedInt(b.getShort(ifd));
		for (int i = 0; i < n; i++) {
			int pos = ifd + 2 + 12 * i;
			if (Short.toUnsignedInt(b.getShort(pos)) == tag) return pos;
		}
		return -1;
	}

	/** Position of the next-IFD pointer of the first IFD. */
	static int nextIfdSlot(byte[] tiff) {
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order(tiff));
		int ifd = firstIfd(tiff);
		return ifd + 2 + 12 * Short.toUnsignedInt(b.getShort(ifd));
	}

	/** Overwrites the inline value of a SHORT or LONG entry of the first IFD, keeping its type. */
	static void setValue(byte[] tiff, int tag, long value) {
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order(tiff));
		int pos = entry(tiff, tag);
		if (pos < 0) throw new IllegalArgumentException("no tag " + tag);
		if (b.getShort(pos + 2) == 3) {
			b.putShort(pos + 8, (short) value);
		} else {
			b.putInt(pos + 8, (int) value);
		}
	}

	static void putInt(byte[] tiff, int at, long value) {
		ByteBuffer.wrap(tiff).order(order(tiff)).putInt(at, (int) value);
	}

	/** Offsets of all IFDs, in chain order. */
	static java.util.List<Integer> ifdOffsets(byte[] tiff) {
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order(tiff));
		java.util.List<Integer> offsets = new java.util.ArrayList<>();
		for (int ifd = b.getInt(4); ifd != 0; ifd = b.getInt(ifd + 2 + 12 * Short.toUnsignedInt(b.getShort(ifd)))) {
			offsets.add(ifd);
		}
		return offsets;
	}

	/** The inline value of a SHORT or LONG entry of the IFD at {@code ifd}. */
	static long value(byte[] tiff, int ifd, int tag) {
		ByteBuffer b = ByteBuffer.wrap(tiff).order(order(tiff));
		int n = Short.toUnsignedInt(b.getShort(ifd));
		for (int i = 0; i < n; i++) {
			int pos = ifd + 2 + 12 * i;
			if (Short.toUnsignedInt(b.getShort(pos)) != tag) continue;
			boolean isShort = b.getShort(pos + 2) == 3;
			return isShort ? Short.toUnsignedInt(b.getShort(pos + 8)) : Integer.toUnsignedLong(b.getInt(pos + 8));
		}
		throw new IllegalArgumentException("no tag " + tag);
	}
}
