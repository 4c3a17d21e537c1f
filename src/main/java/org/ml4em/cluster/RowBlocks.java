package org.ml4em.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import net.imglib2.parallel.TaskExecutor;

/**
 * Splits the rows {@code [0, n)} into contiguous blocks and maps a function over them in
 * parallel; each block returns its own partial result so no state is shared between threads.
 */
final class RowBlocks {

	/** A half-open range of rows. */
	record Block(int start, int end) {}

	private final List<Block> blocks;
	private final TaskExecutor executor;

	/**
	 * Rows per block. Fixed, not derived from the thread count, so that partial sums are always
	 * added in the same order and results do not depend on how many threads ran.
	 */
	static final int BLOCK_ROWS = 1 << 16;

	RowBlocks(int rows, TaskExecutor executor) {
		this.executor = executor;
		int count = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
		blocks = new ArrayList<>(count);
		for (int b = 0; b < count; b++)
			blocks.add(new Block((int) ((long) rows * b / count), (int) ((long) rows * (b + 1) / count)));
	}

	/** Applies {@code work} to every block, in parallel, and returns the results in block order. */
	<R> List<R> map(Function<Block, R> work) {
		return blocks.size() == 1 ? java.util.Collections.singletonList(work.apply(blocks.get(0))) : executor.forEachApply(blocks, work);
	}
}
