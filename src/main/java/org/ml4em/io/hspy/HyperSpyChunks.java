package org.ml4em.io.hspy;

import java.util.List;

import org.ml4em.io.Axis;

/**
 * Chunk shape as HyperSpy chooses it ({@code get_signal_chunks} in {@code _hierarchical.py}):
 * signal axes whole, so that one signal is decompressed at a time, and navigation axes cut into
 * equal steps so that a chunk holds about {@link #TARGET_BYTES}.
 */
final class HyperSpyChunks {

	/** HyperSpy's target chunk size. */
	static final long TARGET_BYTES = 1_000_000;

	private HyperSpyChunks() {}

	/**
	 * {@return chunk dimensions in NumPy order (slowest first)}
	 *
	 * @param axes the signal's axes, fastest first
	 * @param elementBytes bytes per value
	 */
	static int[] of(List<Axis> axes, int elementBytes) {
		int rank = axes.size();
		long signalBytes = elementBytes;
		int navigationAxes = 0;
		for (Axis a : axes) {
			if (a.navigate())
				navigationAxes++;
			else
				signalBytes *= a.size();
		}
		long signalsPerChunk = TARGET_BYTES / signalBytes;
		// equal steps on every navigation axis: the navigationAxes-th root of the signals per chunk
		long step = signalsPerChunk < 2 || navigationAxes == 0 ? 1
			: Math.max(1, (long) Math.floor(Math.pow(signalsPerChunk, 1.0 / navigationAxes)));
		int[] chunk = new int[rank];
		for (int d = 0; d < rank; d++) {
			Axis a = axes.get(d);
			long size = a.navigate() ? Math.min(step, a.size()) : a.size();
			chunk[rank - 1 - d] = (int) Math.min(size, Integer.MAX_VALUE);
		}
		return chunk;
	}
}
