package org.ml4em.cluster;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding (Arthur &amp; Vassilvitskii 2007, with the greedy refinement that
 * scikit-learn uses): each new centre is the best of {@code 2 + ⌊ln k⌋} candidates drawn with
 * probability proportional to the squared distance to the centres chosen so far.
 */
final class KMeansPlusPlus {

	private final float[] x;
	private final int n;
	private final int d;
	private final RowBlocks blocks;

	KMeansPlusPlus(FeatureMatrix points, RowBlocks blocks) {
		this.x = points.values();
		this.n = points.rows();
		this.d = points.features();
		this.blocks = blocks;
	}

	/** Returns {@code k} initial centres, row-major {@code k × d}. */
	float[] seed(int k, SplittableRandom random) {
		float[] centres = new float[k * d];
		int first = random.nextInt(n);
		System.arraycopy(x, first * d, centres, 0, d);
		float[] closest = new float[n];
		updateClosest(closest, first, true);
		int trials = 2 + (int) Math.log(k);
		for (int c = 1; c < k; c++) {
			int[] candidates = drawCandidates(closest, trials, random);
			int best = bestCandidate(closest, candidates);
			System.arraycopy(x, best * d, centres, c * d, d);
			updateClosest(closest, best, false);
		}
		return centres;
	}

	private int[] drawCandidates(float[] closest, int trials, SplittableRandom random) {
		double total = 0;
		for (float v : closest) total += v;
		double[] targets = new double[trials];
		for (int t = 0; t < trials; t++) targets[t] = random.nextDouble() * total;
		java.util.Arrays.sort(targets);
		int[] picks = new int[trials];
		double running = 0;
		int t = 0;
		for (int i = 0; i < n && t < trials; i++) {
			running += closest[i];
			while (t < trials && running > targets[t]) picks[t++] = i;
		}
		// All mass used up by rounding: take distinct random points rather than the last one.
		while (t < trials) picks[t++] = total > 0 ? n - 1 : random.nextInt(n);
		return picks;
	}

	private int bestCandidate(float[] closest, int[] candidates) {
		List<double[]> partial = blocks.map(b -> {
			double[] potentials = new double[candidates.length];
			for (int i = b.start(); i < b.end(); i++)
				for (int t = 0; t < candidates.length; t++)
					potentials[t] += Math.min(closest[i], Distances.squared(x, i * d, x, candidates[t] * d, d));
			return potentials;
		});
		int best = 0;
		double bestPotential = Double.MAX_VALUE;
		for (int t = 0; t < candidates.length; t++) {
			double potential = 0;
			for (double[] p : partial) potential += p[t];
			if (potential < bestPotential) {
				bestPotential = potential;
				best = t;
			}
		}
		return candidates[best];
	}

	private void updateClosest(float[] closest, int centre, boolean first) {
		blocks.map(b -> {
			for (int i = b.start(); i < b.end(); i++) {
				float dist = Distances.squared(x, i * d, x, centre * d, d);
				if (first || dist < closest[i]) closest[i] = dist;
			}
			return null;
		});
	}
}
