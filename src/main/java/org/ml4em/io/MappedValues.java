package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Values stored contiguously in a file, memory-mapped: the operating system pages in what is
 * read, so a spectrum image of many gigabytes is usable with a small Java heap.
 * <p>
 * The file is mapped in segments of 1 GiB (a single mapping is limited to 2 GiB); every element
 * size divides 1 GiB, so no value straddles two segments.
 */
public final class MappedValues implements StoredValues {

	private static final int SEGMENT_SHIFT = 30;

	private final ElementType type;

	private final long length;

	private final ByteBuffer[] segments;

	private final int elementShift;

	/**
	 * Maps a block of a file read-only.
	 *
	 * @param file the file
	 * @param position byte offset of the first value
	 * @param type how values are stored
	 * @param order the byte order of the values
	 * @param length number of values
	 * @throws IOException when the file cannot be mapped or is shorter than the block
	 */
	public MappedValues(Path file, long position, ElementType type, ByteOrder order, long length) throws IOException {
		this.type = type;
		this.length = length;
		this.elementShift = Integer.numberOfTrailingZeros(type.bytes());
		long bytes = Math.multiplyExact(length, type.bytes());
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			if (position < 0 || position + bytes > channel.size())
				throw new IOException(file.getFileName() + ": the data block (" + bytes + " bytes at offset " + position
					+ ") runs past the end of the file (" + channel.size() + " bytes); the file is truncated or damaged");
			int count = (int) ((bytes + (1L << SEGMENT_SHIFT) - 1) >>> SEGMENT_SHIFT);
			segments = new ByteBuffer[Math.max(count, 1)];
			segments[0] = ByteBuffer.allocate(0);
			for (int s = 0; s < count; s++) {
				long start = (long) s << SEGMENT_SHIFT;
				long size = Math.min(1L << SEGMENT_SHIFT, bytes - start);
				MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, position + start, size);
				segments[s] = map.order(order);
			}
		}
	}

	@Override
	public ElementType type() {
		return type;
	}

	@Override
	public long length() {
		return length;
	}

	@Override
	public double get(long index) {
		if (index < 0 || index >= length)
			throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (length - 1));
		long byteIndex = index << elementShift;
		return type.decode(segments[(int) (byteIndex >>> SEGMENT_SHIFT)], (int) (byteIndex & ((1L << SEGMENT_SHIFT) - 1)));
	}
}
