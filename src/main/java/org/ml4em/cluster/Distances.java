package org.ml4em.cluster;

/** Squared Euclidean distances between rows of row-major float matrices. */
final class Distances {

	private Distances() {}

	/** Squared distance between row {@code a} of {@code x} (at offset {@code ao}) and row {@code b} of {@code c}. */
	static float squared(float[] x, int ao, float[] c, int bo, int d) {
		float dist = 0;
		for (int f = 0; f < d; f++) {
			float diff = x[ao + f] - c[bo + f];
			dist += diff * diff;
		}
		return dist;
	}

	/** Index of the row of {@code c} ({@code k × d}) nearest to the point at offset {@code o} of {@code x}. */
	static int nearest(float[] x, int o, float[] c, int k, int d) {
		int best = 0;
		float bestDist = Float.MAX_VALUE;
		for (int j = 0; j < k; j++) {
			float dist = squared(x, o, c, j * d, d);
			if (dist < bestDist) {
				bestDist = dist;
				best = j;
			}
		}
		return best;
	}

	/** Row index of the point farthest from its nearest centroid: where an empty cluster is restarted. */
	static int farthestPoint(FeatureMatrix points, float[] c, int k, RowBlocks blocks) {
		float[] x = points.values();
		int d = points.features();
		return blocks.map(b -> {
			int far = b.start();
			float farDist = -1;
			for (int i = b.start(); i < b.end(); i++) {
				float dist = squared(x, i * d, c, nearest(x, i * d, c, k, d) * d, d);
				if (dist > farDist) {
					farDist = dist;
					far = i;
				}
			}
			return new double[] { far, farDist };
		}).stream().max((p, q) -> Double.compare(p[1], q[1])).map(p -> (int) p[0]).orElse(0);
	}
}
