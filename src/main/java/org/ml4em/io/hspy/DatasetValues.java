package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.io.MappedValues;
import org.ml4em.io.StoredValues;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfFilterException;

/**
 * Chooses how a HyperSpy data set's values are read: an uncompressed contiguous block is
 * memory-mapped ({@link MappedValues}), anything else (chunked, compressed, compact, complex) is
 * read in slabs through jhdf ({@link SlabValues}). Nothing is read here; declared sizes are checked
 * against the file first, so a damaged header cannot make a later read allocate absurd amounts.
 */
final class DatasetValues {

	/** Largest chunk accepted: jhdf decompresses a whole chunk into one array. */
	static final long MAX_CHUNK_BYTES = 256L << 20;

	/**
	 * Deflate cannot compress by more than about 1032:1, so a chunked data set cannot hold more than
	 * this many times the file's size (with room to spare for other filters and sparse chunks).
	 */
	static final long MAX_EXPANSION = 2048;

	private DatasetValues() {}

	/**
	 * {@return lazy values of the data set}
	 *
	 * @param file the file (mapped separately from jhdf's channel)
	 * @param hdf the open HDF5 file
	 * @param dataset the signal's data set
	 * @param stored its element type and byte order
	 * @param shape its shape, slowest first, already checked
	 * @throws IOException when the declared layout does not fit the file
	 */
	static StoredValues open(Path file, HdfFile hdf, Dataset dataset, HdfTypes.StoredType stored, long[] shape)
		throws IOException
	{
		String name = file.getFileName().toString();
		long length = 1;
		for (long s : shape)
			length *= s;
		long bytes = Math.multiplyExact(length, stored.type().bytes());
		if (dataset instanceof ContiguousDataset contiguous && !(dataset instanceof ChunkedDataset)) {
			long position = hdf.getUserBlockSize() + contiguous.getDataAddress();
			if (contiguous.getDataAddress() < 0 || position + bytes > hdf.size() || position + bytes < 0)
				throw new IOException(name + " is truncated or damaged: its data block (" + bytes + " bytes at offset "
					+ position + ") runs past the end of the file (" + hdf.size() + " bytes).");
			if (stored.type().isReal())
				return new MappedValues(file, position, stored.type(), stored.order(), length);
		}
		if (!(dataset instanceof DatasetBase base))
			throw new IOException(name + ": jhdf returned a data set of unknown kind " + dataset.getClass().getName() + ".");
		int[] chunk = chunkShape(name, dataset, shape, stored.type().bytes());
		if (dataset instanceof ChunkedDataset)
			requireDecodableFilters(name, dataset);
		if (dataset instanceof ChunkedDataset && bytes / MAX_EXPANSION > hdf.size())
			throw new IOException(name + " is damaged: its data set declares " + bytes + " bytes of values, more than a file of "
				+ hdf.size() + " bytes can hold even compressed.");
		return new SlabValues(base, name, stored.type(), stored.order(), shape, chunk);
	}

	/** HyperSpy can compress with blosc or zstd through hdf5plugin; jhdf decodes deflate, shuffle, LZF, LZ4, bitshuffle. */
	private static void requireDecodableFilters(String name, Dataset dataset) throws IOException {
		try {
			dataset.getFilters();
		} catch (HdfException e) {
			for (Throwable t = e; t != null; t = t.getCause())
				if (t instanceof HdfFilterException missing)
					throw new IOException(name + ": its data are compressed with a filter jhdf cannot decode (" + missing.getMessage()
						+ "); save the file again from HyperSpy with compression=\"gzip\" or None.", e);
			throw e;
		}
	}

	private static int[] chunkShape(String name, Dataset dataset, long[] shape, int elementBytes) throws IOException {
		if (!(dataset instanceof ChunkedDataset chunked)) {
			// compact or contiguous: any slice costs only its own bytes
			int[] ones = new int[shape.length];
			java.util.Arrays.fill(ones, 1);
			return ones;
		}
		int[] chunk = chunked.getChunkDimensions();
		long chunkBytes = elementBytes;
		boolean valid = chunk != null && chunk.length == shape.length;
		for (int d = 0; valid && d < chunk.length; d++) {
			valid = chunk[d] >= 1;
			if (chunkBytes <= MAX_CHUNK_BYTES) // stop growing once too large: no overflow
				chunkBytes *= Math.max(chunk[d], 1);
		}
		if (!valid)
			throw new IOException(name + " is damaged: its data set has an invalid chunk shape.");
		if (chunkBytes > MAX_CHUNK_BYTES)
			throw new IOException(name + ": its data set is stored in chunks of " + chunkBytes + " bytes; ML4EM reads chunks of up to "
				+ MAX_CHUNK_BYTES + " bytes (the file is damaged, or should be saved again with smaller chunks).");
		return chunk;
	}
}
