package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads the end-of-file address from an HDF5 superblock, so that a truncated file — the most common
 * damage, from an interrupted copy — is refused up front with a message saying so, instead of
 * failing later on whichever object happens to lie past the end.
 */
final class HdfSuperblock {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private HdfSuperblock() {}

	/**
	 * {@return whether the file starts with the HDF5 signature} HDF5 allows a user block before the
	 * signature, but HyperSpy never writes one, and {@link org.ml4em.io.EmFiles} sends only files
	 * that start with it.
	 *
	 * @param channel the file
	 * @throws IOException when the file cannot be read
	 */
	static boolean startsWithSignature(FileChannel channel) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(SIGNATURE.length);
		channel.read(b, 0);
		return !b.hasRemaining() && java.util.Arrays.equals(b.array(), SIGNATURE);
	}

	/**
	 * {@return the length the superblock at offset 0 declares for the file, or −1 when it cannot tell}
	 *
	 * @param channel the file
	 * @throws IOException when the file cannot be read
	 */
	static long declaredLength(FileChannel channel) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		channel.read(b, 0);
		b.flip();
		if (b.remaining() < 16)
			return -1;
		for (int i = 0; i < SIGNATURE.length; i++)
			if (b.get(i) != SIGNATURE[i])
				return -1;
		int version = b.get(8);
		int offsetSize;
		int base;
		if (version == 0 || version == 1) {
			offsetSize = b.get(13);
			base = version == 0 ? 24 : 28;
		} else if (version == 2 || version == 3) {
			offsetSize = b.get(9);
			base = 12;
		} else {
			return -1;
		}
		if (offsetSize != 2 && offsetSize != 4 && offsetSize != 8 || b.remaining() < base + 3 * offsetSize)
			return -1;
		long baseAddress = unsigned(b, base, offsetSize);
		long endOfFile = unsigned(b, base + 2 * offsetSize, offsetSize);
		if (baseAddress < 0 || endOfFile < 0 || baseAddress + endOfFile < 0)
			return -1; // undefined (all ones) or absurd
		return baseAddress + endOfFile;
	}

	private static long unsigned(ByteBuffer b, int position, int size) {
		return switch (size) {
			case 2 -> b.getShort(position) & 0xffffL;
			case 4 -> b.getInt(position) & 0xffffffffL;
			default -> b.getLong(position);
		};
	}
}
