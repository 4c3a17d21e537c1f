package org.ml4em.cluster;

import java.util.List;

/** {@link LloydStep} in plain Java, parallel over blocks of rows; distances in float, sums in double. */
final class JavaLloydStep implements LloydStep {

	private final float[] x;
	private final int d;
	private final int k;
	private final RowBlocks blocks;
	private final int threads;

	JavaLloydStep(FeatureMatrix points, int k, RowBlocks blocks, int threads) {
		this.x = points.values();
		this.d = points.features();
		this.k = k;
		this.blocks = blocks;
		this.threads = threads;
	}

	private record Partial(double[] sums, long[] counts, double inertia) {}

	@Override
	public double accumulate(float[] centroids, double[] sums, long[] counts) {
		List<Partial> partials = blocks.map(b -> accumulateBlock(centroids, b.start(), b.end()));
		java.util.Arrays.fill(sums, 0);
		java.util.Arrays.fill(counts, 0);
		double inertia = 0;
		for (Partial p : partials) {
			for (int i = 0; i < sums.length; i++) sums[i] += p.sums[i];
			for (int j = 0; j < k; j++) counts[j] += p.counts[j];
			inertia += p.inertia;
		}
		return inertia;
	}

	private Partial accumulateBlock(float[] c, int start, int end) {
		double[] sums = new double[k * d];
		long[] counts = new long[k];
		double inertia = 0;
		for (int i = start; i < end; i++) {
			int o = i * d;
			int best = 0;
			float bestDist = Float.MAX_VALUE;
			for (int j = 0, cj = 0; j < k; j++, cj += d) {
				float dist = 0;
				for (int f = 0; f < d; f++) {
					float diff = x[o + f] - c[cj + f];
					dist += diff * diff;
				}
				if (dist < bestDist) {
					bestDist = dist;
					best = j;
				}
			}
			counts[best]++;
			inertia += bestDist;
			for (int f = 0, s = best * d; f < d; f++) sums[s + f] += x[o + f];
		}
		return new Partial(sums, counts, inertia);
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
		return "CPU (plain Java, " + threads + (threads == 1 ? " thread)" : " threads)");
	}

	@Override
	public void close() {}
}
