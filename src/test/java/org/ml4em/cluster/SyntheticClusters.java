package org.ml4em.cluster;

import java.util.Random;

/** Seeded Gaussian blobs with known membership, for clustering tests. */
final class SyntheticClusters {

	final float[] values;
	final int[] truth;
	final int rows;
	final int features;

	/**
	 * @param centres {@code k × d} blob centres, ordered by ascending first coordinate
	 * @param sigmas spread of each blob (isotropic)
	 * @param sizes points per blob
	 */
	SyntheticClusters(double[][] centres, double[] sigmas, int[] sizes, long seed) {
		features = centres[0].length;
		int n = 0;
		for (int s : sizes) n += s;
		rows = n;
		values = new float[n * features];
		truth = new int[n];
		Random random = new Random(seed);
		int row = 0;
		for (int j = 0; j < centres.length; j++)
			for (int i = 0; i < sizes[j]; i++, row++) {
				truth[row] = j;
				for (int f = 0; f < features; f++) values[row * features + f] = (float) (centres[j][f] + sigmas[j] * random.nextGaussian());
			}
	}

	FeatureMatrix matrix() {
		return FeatureMatrix.fromArray(values, rows, features);
	}

	/** Fraction of points whose label equals the true blob (labels ordered like the blobs). */
	double accuracy(int[] labels) {
		int right = 0;
		for (int i = 0; i < rows; i++) if (labels[i] == truth[i]) right++;
		return right / (double) rows;
	}
}
