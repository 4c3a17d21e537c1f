package org.ml4em.tf.engine;

import org.ml4em.tf.ReplicaData;

/**
 * The points of an ensemble that count in one χ² (training or validation), gathered replica by
 * replica into arrays of {@code [R, n]} points: only those points go through the network where
 * that χ² is computed, instead of every point masked by a zero weight (a 75/25 split would
 * otherwise spend a quarter of every training step on validation points). Replicas with fewer
 * points are padded with copies of their first point with coefficient 0, which add exactly 0 to
 * the χ² and its gradient.
 *
 * @param x inputs, row-major {@code [R][n][inputs]}
 * @param y targets, row-major {@code [R][n]}
 * @param coefficients factor of each squared residual, {@code w / (σ² Σ w)}, row-major {@code [R][n]}
 * @param points {@code n}, the most points any replica has
 */
record ReplicaPoints(float[] x, float[] y, float[] coefficients, int points) {

	/**
	 * Gathers the points whose coefficient is positive.
	 *
	 * @param data the ensemble's data
	 * @param coefficients {@link ReplicaData#trainingCoefficients()} or {@link ReplicaData#validationCoefficients()}
	 */
	static ReplicaPoints of(ReplicaData data, float[] coefficients) {
		int replicas = data.replicas(), all = data.points(), inputs = data.inputs();
		int n = 1;
		for (int r = 0; r < replicas; r++)
			n = Math.max(n, count(coefficients, r * all, all));
		float[] x = new float[replicas * n * inputs];
		float[] y = new float[replicas * n];
		float[] c = new float[replicas * n];
		for (int r = 0; r < replicas; r++) {
			int kept = 0, first = -1;
			for (int i = r * all; i < (r + 1) * all; i++) {
				if (!(coefficients[i] > 0)) continue;
				if (first < 0) first = i;
				copyPoint(data, i, x, y, r * n + kept);
				c[r * n + kept++] = coefficients[i];
			}
			for (int p = kept; p < n; p++)
				copyPoint(data, first < 0 ? r * all : first, x, y, r * n + p);
		}
		return new ReplicaPoints(x, y, c, n);
	}

	private static int count(float[] coefficients, int from, int length) {
		int count = 0;
		for (int i = from; i < from + length; i++)
			if (coefficients[i] > 0) count++;
		return count;
	}

	private static void copyPoint(ReplicaData data, int from, float[] x, float[] y, int to) {
		int inputs = data.inputs();
		System.arraycopy(data.inputArray(), from * inputs, x, to * inputs, inputs);
		y[to] = data.targetArray()[from];
	}
}
