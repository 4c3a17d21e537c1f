package org.ml4em.io.hspy;

/**
 * Splits a data set, in storage order, into blocks that are contiguous in that order and aligned
 * with its chunks: a block fixes the indices of the slowest dimensions, spans a run of whole rows
 * of one dimension (a multiple of the chunk size there, where possible) and all of the faster
 * dimensions. The largest such block under a byte budget is chosen, so a chunked file is read with
 * few, chunk-aligned requests.
 */
final class SlabGeometry {

	/** One block: its first storage index and value count, and its offset and shape in NumPy order. */
	record Block(long start, long count, long[] offset, int[] shape) {}

	private final long[] shape;

	/** The dimension a block spans a run of; dimensions before it are fixed, after it whole. */
	private final int level;

	/** Number of values in one index step of {@link #level}. */
	private final long inner;

	/** Rows of {@link #level} in a full block. */
	private final long rows;

	/**
	 * @param shape data set shape, slowest first (may be empty for a scalar)
	 * @param chunk chunk shape, same rank
	 * @param elementBytes bytes per value
	 * @param budget largest block wanted, in bytes
	 */
	SlabGeometry(long[] shape, int[] chunk, int elementBytes, long budget) {
		this.shape = shape.clone();
		long budgetValues = Math.max(1, budget / elementBytes);
		int d = 0;
		long after = 1;
		for (int i = 1; i < shape.length; i++)
			after *= shape[i];
		// go to faster dimensions until one chunk-row of the current one fits the budget
		while (d < shape.length - 1 && after > budgetValues / Math.max(1, chunk[d])) {
			d++;
			after /= shape[d];
		}
		this.level = d;
		this.inner = after;
		if (shape.length == 0) {
			this.rows = 1;
		} else {
			long step = Math.max(1, Math.min(chunk[d], shape[d]));
			long fit = budgetValues / after;
			// a multiple of the chunk when it fits, else as many rows as fit
			long r = fit >= step ? fit / step * step : Math.max(1, fit);
			this.rows = Math.min(r, shape[d]);
		}
	}

	/** {@return the block holding a storage index} @param index storage index */
	Block blockOf(long index) {
		if (shape.length == 0)
			return new Block(0, 1, new long[0], new int[0]);
		long perOuter = shape[level] * inner; // values per fixed index of the dimensions before level
		long outer = index / perOuter;
		long row = index % perOuter / inner;
		long firstRow = row - row % rows;
		long count = Math.min(rows, shape[level] - firstRow);
		long[] offset = new long[shape.length];
		int[] blockShape = new int[shape.length];
		for (int d = level - 1; d >= 0; d--) {
			offset[d] = outer % shape[d];
			outer /= shape[d];
			blockShape[d] = 1;
		}
		offset[level] = firstRow;
		blockShape[level] = (int) count;
		for (int d = level + 1; d < shape.length; d++)
			blockShape[d] = (int) shape[d];
		long start = index - index % perOuter + firstRow * inner;
		return new Block(start, count * inner, offset, blockShape);
	}
}
