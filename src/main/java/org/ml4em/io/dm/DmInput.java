package org.ml4em.io.dm;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sequential reads from a DM file through a small window, with every read checked against the
 * file's size first: a length read from a damaged file can move the position but never makes us
 * allocate more than the bytes the file really holds.
 * <p>
 * Numbers of the tag structure are big-endian ({@code be…} methods); tag values are in the byte
 * order given by the file's header ({@link #values}).
 */
final class DmInput implements Closeable {

	private static final int WINDOW = 1 << 16;

	private final Path file;

	private final FileChannel channel;

	private final long size;

	private final ByteBuffer window = ByteBuffer.allocate(WINDOW);

	/** File position of {@code window}'s byte 0; the window holds {@code window.limit()} bytes. */
	private long windowStart;

	private long position;

	private DmInput(Path file, FileChannel channel) throws IOException {
		this.file = file;
		this.channel = channel;
		this.size = channel.size();
		window.limit(0);
	}

	static DmInput open(Path file) throws IOException {
		return new DmInput(file, FileChannel.open(file, StandardOpenOption.READ));
	}

	Path file() {
		return file;
	}

	long size() {
		return size;
	}

	long position() {
		return position;
	}

	long remaining() {
		return size - position;
	}

	/**
	 * Checks that {@code bytes} more bytes exist.
	 *
	 * @param what what would be read, for the message ("the tag count")
	 * @throws EOFException naming the position and the file's size
	 */
	void require(long bytes, String what) throws EOFException {
		if (bytes < 0 || bytes > remaining())
			throw new EOFException(what + " needs " + (bytes < 0 ? "a negative number of" : Long.toString(bytes))
				+ " bytes at byte " + position + ", but the file ends at byte " + size);
	}

	/** Moves forward, e.g. over an array left in the file. */
	void skip(long bytes, String what) throws EOFException {
		require(bytes, what);
		position += bytes;
	}

	int u8(String what) throws IOException {
		return fill(1, what).get() & 0xff;
	}

	int be16(String what) throws IOException {
		return fill(2, what).order(ByteOrder.BIG_ENDIAN).getShort() & 0xffff;
	}

	long be32(String what) throws IOException {
		return fill(4, what).order(ByteOrder.BIG_ENDIAN).getInt() & 0xffffffffL;
	}

	/** An unsigned 64-bit number; values of 2^63 and above come back negative. */
	long be64(String what) throws IOException {
		return fill(8, what).order(ByteOrder.BIG_ENDIAN).getLong();
	}

	/**
	 * {@code bytes} bytes in the given order, copied into a buffer of their own; the size is
	 * checked against the bytes left in the file before anything is allocated.
	 */
	ByteBuffer values(int bytes, ByteOrder order, String what) throws IOException {
		require(bytes, what);
		byte[] copy = new byte[bytes];
		if (bytes <= WINDOW) {
			fill(bytes, what).get(copy);
		} else {
			ByteBuffer out = ByteBuffer.wrap(copy);
			while (out.hasRemaining()) {
				if (channel.read(out, position + out.position()) < 0)
					throw new EOFException(what + ": the file ended while it was being read");
			}
			position += bytes;
		}
		return ByteBuffer.wrap(copy).order(order);
	}

	/**
	 * Makes the next {@code bytes} bytes (at most {@link #WINDOW}) available at the window's
	 * position, advances past them, and returns the window.
	 */
	private ByteBuffer fill(int bytes, String what) throws IOException {
		require(bytes, what);
		long offset = position - windowStart;
		if (offset < 0 || offset + bytes > window.limit()) {
			window.clear();
			windowStart = position;
			while (window.position() < bytes) {
				int n = channel.read(window, windowStart + window.position());
				if (n < 0)
					throw new EOFException(what + ": the file ended while it was being read");
			}
			window.flip();
			offset = 0;
		}
		// The window is left on the first of the bytes, which the caller reads next.
		window.position((int) offset);
		position += bytes;
		return window;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
