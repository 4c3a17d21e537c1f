package org.ml4em.cluster;

import java.util.List;

/**
 * {@link LloydStep} in plain Java with Hamerly's bounds (Hamerly 2010, "Making k-means even
 * faster"): each point keeps an upper bound on the distance to its centroid and a lower bound on
 * the distance to any other; after the centroids move by {@code m_j}, the bounds move by at most
 * as much, and a point whose upper bound stays below {@code max(lower, half the distance from its
 * centroid to the nearest other)} cannot change cluster, so its distances are not computed. Most
 * points are settled that way after a few iterations. The assignments are those of plain Lloyd.
 * Parallel over fixed blocks of rows; distances in float, sums in double.
 */
final class JavaLloydStep implements LloydStep {

	private final float[] x;
	private final int d;
	private final int k;
	private final RowBlocks blocks;
	private final int threads;
	private final String note;
	private final int[] label;
	private final float[] upper;
	private final float[] lower;
	private float[] previous;

	/** @param note why the CPU runs, for the report ("no GPU found, running on CPU"), or empty */
	JavaLloydStep(FeatureMatrix points, int k, RowBlocks blocks, int threads, String note) {
		this.note = note;
		this.x = points.values();
		this.d = points.features();
		this.k = k;
		this.blocks = blocks;
		this.threads = threads;
		int n = points.rows();
		label = new int[n];
		upper = new float[n];
		lower = new float[n];
	}

	private record Partial(double[] sums, long[] counts) {}

	@Override
	public void reset() {
		previous = null;
	}

	@Override
	public void accumulate(float[] centroids, double[] sums, long[] counts) {
		float[] c = centroids.clone();
		List<Partial> partials;
		if (previous == null) partials = blocks.map(b -> initialBlock(c, b.start(), b.end()));
		else {
			Moves moves = new Moves(previous, c);
			partials = blocks.map(b -> boundedBlock(c, moves, b.start(), b.end()));
		}
		previous = c;
		java.util.Arrays.fill(sums, 0);
		java.util.Arrays.fill(counts, 0);
		for (Partial p : partials) {
			for (int i = 0; i < sums.length; i++) sums[i] += p.sums[i];
			for (int j = 0; j < k; j++) counts[j] += p.counts[j];
		}
	}

	/** How far each centroid moved, and half the gap from each centroid to its nearest neighbour. */
	private final class Moves {

		final float[] move = new float[k];
		final float[] halfGap = new float[k];
		final int farthest;
		final float secondMove;

		Moves(float[] before, float[] after) {
			int far = 0;
			for (int j = 0; j < k; j++) {
				move[j] = (float) Math.sqrt(Distances.squared(before, j * d, after, j * d, d));
				if (move[j] > move[far]) far = j;
			}
			float second = 0;
			for (int j = 0; j < k; j++) if (j != far) second = Math.max(second, move[j]);
			farthest = far;
			secondMove = second;
			for (int j = 0; j < k; j++) {
				float gap = Float.MAX_VALUE;
				for (int o = 0; o < k; o++) if (o != j) gap = Math.min(gap, Distances.squared(after, j * d, after, o * d, d));
				halfGap[j] = (float) Math.sqrt(gap) / 2;
			}
		}
	}

	private Partial initialBlock(float[] c, int start, int end) {
		double[] sums = new double[k * d];
		long[] counts = new long[k];
		for (int i = start; i < end; i++) {
			search(c, i);
			add(i, sums, counts);
		}
		return new Partial(sums, counts);
	}

	private Partial boundedBlock(float[] c, Moves m, int start, int end) {
		double[] sums = new double[k * d];
		long[] counts = new long[k];
		for (int i = start; i < end; i++) {
			int a = label[i];
			upper[i] += m.move[a];
			lower[i] -= a == m.farthest ? m.secondMove : m.move[m.farthest];
			float bound = Math.max(lower[i], m.halfGap[a]);
			if (upper[i] > bound) {
				upper[i] = (float) Math.sqrt(Distances.squared(x, i * d, c, a * d, d));
				if (upper[i] > bound) search(c, i);
			}
			add(i, sums, counts);
		}
		return new Partial(sums, counts);
	}

	/** Full search: the nearest centroid and exact bounds for point {@code i}. */
	private void search(float[] c, int i) {
		int o = i * d, best = 0;
		float bestDist = Float.MAX_VALUE, secondDist = Float.MAX_VALUE;
		for (int j = 0; j < k; j++) {
			float dist = Distances.squared(x, o, c, j * d, d);
			if (dist < bestDist) {
				secondDist = bestDist;
				bestDist = dist;
				best = j;
			}
			else if (dist < secondDist) secondDist = dist;
		}
		label[i] = best;
		upper[i] = (float) Math.sqrt(bestDist);
		lower[i] = (float) Math.sqrt(secondDist);
	}

	private void add(int i, double[] sums, long[] counts) {
		int a = label[i];
		counts[a]++;
		for (int f = 0, s = a * d, o = i * d; f < d; f++) sums[s + f] += x[o + f];
	}

	@Override
	public double inertia(float[] centroids) {
		return blocks.map(b -> {
			double s = 0;
			for (int i = b.start(); i < b.end(); i++)
				s += Distances.squared(x, i * d, centroids, Distances.nearest(x, i * d, centroids, k, d) * d, d);
			return s;
		}).stream().mapToDouble(Double::doubleValue).sum();
	}

	@Override
	public void assign(float[] centroids, int[] labels) {
		blocks.map(b -> {
			for (int i = b.start(); i < b.end(); i++)
				labels[i] = Distances.nearest(x, i * d, centroids, k, d);
			return null;
		});
	}

	@Override
	public String description() {
		return "CPU (plain Java, " + threads + (threads == 1 ? " thread" : " threads") + (note.isEmpty() ? ")" : "; " + note + ")");
	}

	@Override
	public void close() {}
}
