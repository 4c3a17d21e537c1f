package org.ml4em.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bounds-checked random access to the bytes of one TIFF file, in the file's byte order.
 * <p>
 * Every read is checked against the file size before any buffer is allocated, so a corrupt
 * offset or count becomes an {@link IOException} naming the file instead of an
 * {@code OutOfMemoryError} or a silent short read. Reads go through a {@link FileChannel} at
 * absolute positions, which keeps files of any size (up to the 4 GiB of classic TIFF) out of
 * memory except for the strips being decoded. Not thread-safe.
 */
final class TiffSource implements Closeable {

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

	private TiffSource(Path file, FileChannel channel) throws IOException {
		this.file = file;
		this.channel = channel;
		this.size = channel.size();
	}

	/** Opens {@code file} for reading; the caller closes it. */
	static TiffSource open(Path file) throws IOException {
		return new TiffSource(file, FileChannel.open(file, StandardOpenOption.READ));
	}

	/** The file, for messages. */
	Path file() {
		return file;
	}

	/** File size in bytes. */
	long size() {
		return size;
	}

	/** Byte order of multi-byte values, set once the header has been read. */
	ByteOrder order() {
		return order;
	}

	void setOrder(ByteOrder order) {
		this.order = order;
	}

	/**
	 * An exception whose message is one sentence: the file, then {@code problem} (which should
	 * say what was found and what was expected).
	 */
	IOException fail(String problem) {
		return new IOException("Cannot read TIFF file '" + file + "': " + problem + ".");
	}

	/** True when {@code length} bytes starting at {@code offset} lie inside the file. */
	boolean contains(long offset, long length) {
		return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
	}

	/**
	 * Reads {@code length} bytes at {@code offset}; {@code what} names the structure for the
	 * message when the range runs past the end of the file.
	 */
	byte[] bytes(long offset, long length, String what) throws IOException {
		if (!contains(offset, length)) {
			throw fail(what + " at byte offset " + offset + " with length " + length
				+ " runs past the end of the file (" + size + " bytes); the file is truncated or corrupt");
		}
		if (length > Integer.MAX_VALUE - 8) {
			throw fail(what + " is " + length + " bytes long, more than one Java array can hold");
		}
		ByteBuffer buffer = ByteBuffer.allocate((int) length);
		long position = offset;
		while (buffer.hasRemaining()) {
			int n = channel.read(buffer, position);
			if (n < 0) {
				throw fail("the file ended early while reading " + what + " (it may be changing on disk)");
			}
			position += n;
		}
		return buffer.array();
	}

	/** Same as {@link #bytes}, wrapped in a buffer that uses the file's byte order. */
	ByteBuffer buffer(long offset, long length, String what) throws IOException {
		return ByteBuffer.wrap(bytes(offset, length, what)).order(order);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
