package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Slabs tile a data set in storage order without gaps or overlaps, each describes the same values
 * by its NumPy offset and shape, stays within the budget unless a single row is larger, and starts
 * on a chunk border of its dimension when it holds whole chunks.
 */
class HyperSpySlabGeometryTest {

	@Test
	void slabsTileStorageOrder() {
		long[][] shapes = { { 7 }, { 5, 3 }, { 40, 50, 1000 }, { 3, 1, 4, 5 }, { 1000 }, { 2, 3, 4 } };
		int[][] chunks = { { 3 }, { 2, 3 }, { 15, 15, 1000 }, { 2, 1, 3, 5 }, { 64 }, { 5, 5, 5 } };
		long[] budgets = { 1, 4, 40, 1000, 60_000, 1 << 23 };
		for (int s = 0; s < shapes.length; s++)
			for (long budget : budgets)
				assertTiles(shapes[s], chunks[s], budget);
	}

	@Test
	void scalarIsOneBlock() {
		SlabGeometry.Block b = new SlabGeometry(new long[0], new int[0], 8, 100).blockOf(0);
		assertEquals(0, b.start());
		assertEquals(1, b.count());
	}

	private static void assertTiles(long[] shape, int[] chunk, long budget) {
		int bytes = 4;
		SlabGeometry g = new SlabGeometry(shape, chunk, bytes, budget);
		long total = 1;
		for (long s : shape)
			total *= s;
		long next = 0;
		while (next < total) {
			SlabGeometry.Block b = g.blockOf(next);
			String what = java.util.Arrays.toString(shape) + " budget " + budget + " at " + next;
			assertEquals(next, b.start(), what + ": starts where the previous ended");
			assertEquals(b.count(), product(b.shape()), what + ": shape holds count values");
			assertEquals(b.start(), flatIndex(b.offset(), shape), what + ": offset is the start");
			for (long i = b.start(); i < b.start() + b.count(); i += Math.max(1, b.count() / 7))
				assertEquals(b.start(), g.blockOf(i).start(), what + ": every index maps to its block");
			boolean oneRow = b.shape()[shape.length - 1] == shape[shape.length - 1] || b.count() * bytes <= budget;
			assertTrue(b.count() * bytes <= Math.max(budget, bytes * shape[shape.length - 1]) || !oneRow, what + ": within budget");
			next = b.start() + b.count();
		}
		assertEquals(total, next);
	}

	private static long product(int[] shape) {
		long p = 1;
		for (int s : shape)
			p *= s;
		return p;
	}

	private static long flatIndex(long[] offset, long[] shape) {
		long index = 0;
		for (int d = 0; d < shape.length; d++)
			index = index * shape[d] + offset[d];
		return index;
	}
}
