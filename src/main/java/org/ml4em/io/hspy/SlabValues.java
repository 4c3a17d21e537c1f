package org.ml4em.io.hspy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;

import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

import io.jhdf.dataset.DatasetBase;

/**
 * Values of an HDF5 data set read on demand in slabs — runs of whole rows that are contiguous in
 * storage order — through jhdf, which decompresses only the chunks a slab touches. A slab holds
 * {@link #SLAB_BYTES}, or one chunk's worth when chunks are larger, and follows the chunks, so
 * reading in storage order decompresses each chunk about once; recent slabs are kept up to
 * {@link #CACHE_BYTES} (at least one), so memory stays bounded whatever the size of the data.
 * <p>
 * Thread-safe: slab loading is synchronized, decoding reads immutable slabs. Read errors, and reads
 * after the file was closed, surface as {@link UncheckedIOException}.
 */
final class SlabValues implements StoredValues {

	/** Target size of one slab. */
	static final int SLAB_BYTES = 8 << 20;

	/** Recent slabs kept, in bytes; the latest slab is always kept. */
	static final long CACHE_BYTES = 32 << 20;

	/** Decoded slab: values {@code start … start + count - 1}, as raw bytes in file order. */
	private record Slab(long start, long count, ByteBuffer bytes) {}

	private final DatasetBase dataset;

	private final String fileName;

	private final ElementType type;

	private final ByteOrder order;

	private final long[] shape;

	private final long length;

	private final SlabGeometry geometry;

	/** Most recent first. */
	private final Deque<Slab> cache = new ArrayDeque<>();

	private long cachedBytes;

	/**
	 * @param dataset the data set, chunked, compact or contiguous
	 * @param fileName for messages
	 * @param type how each value is stored
	 * @param order byte order of the values
	 * @param shape the data set's shape, slowest first
	 * @param chunk chunk shape (the data set's shape when not chunked)
	 */
	SlabValues(DatasetBase dataset, String fileName, ElementType type, ByteOrder order, long[] shape, int[] chunk) {
		this(dataset, fileName, type, order, shape, chunk, SLAB_BYTES);
	}

	/**
	 * As above, with another slab size (tests use small ones to cross many slab borders); slabs
	 * are never smaller than one chunk's bytes, as reading part of a chunk decompresses all of it.
	 */
	SlabValues(DatasetBase dataset, String fileName, ElementType type, ByteOrder order, long[] shape, int[] chunk,
		long slabBytes)
	{
		this.dataset = dataset;
		this.fileName = fileName;
		this.type = type;
		this.order = order;
		this.shape = shape.clone();
		long n = 1;
		for (long s : shape)
			n *= s;
		this.length = n;
		this.geometry = new SlabGeometry(shape, chunk, type.bytes(), Math.max(slabBytes, chunkBytes(chunk, type.bytes())));
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
		requireReal();
		if (index < 0 || index >= length)
			throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (length - 1));
		Slab slab = slab(index);
		return type.decode(slab.bytes, (int) (index - slab.start) * type.bytes());
	}

	@Override
	public void read(long start, double[] dst, int offset, int count) {
		requireReal();
		if (start < 0 || count < 0 || start + count > length)
			throw new IndexOutOfBoundsException("values " + start + ".." + (start + count - 1) + " outside 0.." + (length - 1));
		while (count > 0) {
			Slab slab = slab(start);
			int n = (int) Math.min(count, slab.start + slab.count - start);
			int position = (int) (start - slab.start) * type.bytes();
			for (int i = 0; i < n; i++, position += type.bytes())
				dst[offset + i] = type.decode(slab.bytes, position);
			start += n;
			offset += n;
			count -= n;
		}
	}

	private synchronized Slab slab(long index) {
		for (Slab s : cache)
			if (index >= s.start && index < s.start + s.count)
				return s;
		Slab loaded = load(index);
		cache.addFirst(loaded);
		cachedBytes += loaded.bytes.capacity();
		while (cachedBytes > CACHE_BYTES && cache.size() > 1)
			cachedBytes -= cache.removeLast().bytes.capacity();
		return loaded;
	}

	private static long chunkBytes(int[] chunk, int elementBytes) {
		long bytes = elementBytes;
		for (int c : chunk)
			bytes *= Math.max(c, 1); // at most DatasetValues.MAX_CHUNK_BYTES, checked before
		return bytes;
	}

	private Slab load(long index) {
		SlabGeometry.Block block = geometry.blockOf(index);
		try {
			ByteBuffer bytes = shape.length == 0 ? dataset.getDataBuffer() // a scalar cannot be sliced
				: dataset.getSliceDataBuffer(block.offset(), block.shape());
			long needed = block.count() * type.bytes();
			if (bytes.remaining() < needed)
				throw new IOException("jhdf returned " + bytes.remaining() + " bytes for a slab of " + needed);
			return new Slab(block.start(), block.count(), bytes.slice().order(order));
		} catch (IOException | RuntimeException e) {
			throw new UncheckedIOException(new IOException("Cannot read the values of " + fileName + " at index " + index
				+ ": the file is damaged, truncated or closed (" + e.getMessage() + ").", e));
		}
	}
}
