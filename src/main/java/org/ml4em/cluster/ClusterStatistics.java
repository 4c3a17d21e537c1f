package org.ml4em.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Size, mean and standard deviation of every feature of one cluster.
 *
 * @param label cluster index
 * @param pixels number of points in the cluster
 * @param mean mean of each feature (length d)
 * @param standardDeviation population standard deviation of each feature (length d)
 */
public record ClusterStatistics(int label, long pixels, double[] mean, double[] standardDeviation) {

	/** Statistics of every cluster 0 … k−1 of {@code result}, computed from its hard labels in double precision. */
	public static List<ClusterStatistics> of(FeatureMatrix points, ClusteringResult result) {
		int k = result.k(), d = points.features();
		long[] counts = new long[k];
		double[] sum = new double[k * d];
		float[] x = points.values();
		int[] labels = result.labels();
		for (int i = 0; i < labels.length; i++) {
			counts[labels[i]]++;
			for (int f = 0; f < d; f++) sum[labels[i] * d + f] += x[i * d + f];
		}
		double[] mean = new double[k * d];
		for (int i = 0; i < mean.length; i++) mean[i] = counts[i / d] > 0 ? sum[i / d * d + i % d] / counts[i / d] : Double.NaN;
		double[] squares = new double[k * d];
		for (int i = 0; i < labels.length; i++)
			for (int f = 0; f < d; f++) {
				double diff = x[i * d + f] - mean[labels[i] * d + f];
				squares[labels[i] * d + f] += diff * diff;
			}
		List<ClusterStatistics> stats = new ArrayList<>(k);
		for (int j = 0; j < k; j++) {
			double[] m = java.util.Arrays.copyOfRange(mean, j * d, (j + 1) * d);
			double[] s = new double[d];
			for (int f = 0; f < d; f++) s[f] = counts[j] > 0 ? Math.sqrt(squares[j * d + f] / counts[j]) : Double.NaN;
			stats.add(new ClusterStatistics(j, counts[j], m, s));
		}
		return stats;
	}
}
