package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Writes a DM file through a file channel: the structure big-endian, tag values in the file's
 * byte order, and blocks of image data either written or — when they are all zeros — skipped
 * by moving the position, which leaves a hole in a sparse file instead of writing zeros.
 */
final class DmOutput {

	private final FileChannel channel;

	private final int version;

	private final ByteOrder order;

	private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

	/** File position of the buffer's first byte. */
	private long bufferStart;

	DmOutput(FileChannel channel, int version, ByteOrder order) {
		this.channel = channel;
		this.version = version;
		this.order = order;
	}

	int version() {
		return version;
	}

	ByteOrder order() {
		return order;
	}

	/** {@return the file position the next byte goes to} */
	long position() {
		return bufferStart + buffer.position();
	}

	void u8(int value) throws IOException {
		room(1).put((byte) value);
	}

	void be16(int value) throws IOException {
		room(2).order(ByteOrder.BIG_ENDIAN).putShort((short) value);
	}

	void be32(long value) throws IOException {
		room(4).order(ByteOrder.BIG_ENDIAN).putInt((int) value);
	}

	/** A length or count of the structure: 4 bytes in DM3 (checked to fit), 8 in DM4. */
	void length(long value) throws IOException {
		if (version == 4) {
			room(8).order(ByteOrder.BIG_ENDIAN).putLong(value);
		} else {
			if (value < 0 || value > 0xFFFF_FFFFL)
				throw new IllegalStateException("DM3 length " + value + " does not fit 4 bytes");
			be32(value);
		}
	}

	void bytes(byte[] bytes) throws IOException {
		room(bytes.length).put(bytes);
	}

	/** {@return the buffer with room for {@code bytes} more bytes, in the file's byte order} */
	ByteBuffer values(int bytes) throws IOException {
		return room(bytes).order(order);
	}

	/**
	 * Writes a block of data, or skips it when every byte is zero.
	 *
	 * @param block the bytes between its position and limit
	 */
	void data(ByteBuffer block) throws IOException {
		flush();
		int n = block.remaining();
		if (!isZero(block)) {
			long at = bufferStart;
			while (block.hasRemaining())
				at += channel.write(block, at);
		}
		bufferStart += n;
	}

	/** Writes what is buffered; the file then ends at {@link #position()} at least. */
	void flush() throws IOException {
		buffer.flip();
		while (buffer.hasRemaining())
			bufferStart += channel.write(buffer, bufferStart);
		buffer.clear();
	}

	private ByteBuffer room(int bytes) throws IOException {
		if (buffer.remaining() < bytes)
			flush();
		if (buffer.remaining() < bytes)
			throw new IllegalStateException(bytes + " bytes do not fit the output buffer");
		return buffer;
	}

	private static boolean isZero(ByteBuffer block) {
		int i = block.position();
		int end = block.limit();
		for (; i + 8 <= end; i += 8)
			if (block.getLong(i) != 0)
				return false;
		for (; i < end; i++)
			if (block.get(i) != 0)
				return false;
		return true;
	}
}
