package org.ml4em.cluster;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.TfNearestCentroids;

/**
 * {@link LloydStep} on TensorFlow. The points are shifted to zero mean first: the kernel expands
 * {@code |x − c|²} as {@code |x|² − 2x·c + |c|²} in float32, which loses digits when the data sit
 * far from the origin (intensities around 1000 with clusters 10 apart); distances do not change
 * under the shift, so centroids are shifted in and sums shifted back out.
 */
final class TensorFlowLloydStep implements LloydStep {

	private final TfNearestCentroids kernel;
	private final double[] mean;
	private final int d;
	private final int k;

	TensorFlowLloydStep(FeatureMatrix points, int k, ComputeDevice device, int threads) {
		this.d = points.features();
		this.k = k;
		this.mean = points.featureMeans();
		kernel = TfNearestCentroids.create(centred(points, mean), points.rows(), d, k, device, threads);
	}

	@Override
	public void reset() {}

	@Override
	public void accumulate(float[] centroids, double[] sums, long[] counts) {
		kernel.accumulate(shift(centroids), sums, counts);
		for (int j = 0; j < k; j++)
			for (int f = 0; f < d; f++) sums[j * d + f] += counts[j] * mean[f];
	}

	@Override
	public double inertia(float[] centroids) {
		return kernel.accumulate(shift(centroids), new double[k * d], new long[k]);
	}

	@Override
	public void assign(float[] centroids, int[] labels) {
		kernel.assign(shift(centroids), labels);
	}

	@Override
	public String description() {
		return kernel.device().toString() + ", TensorFlow";
	}

	@Override
	public void close() {
		kernel.close();
	}

	private float[] shift(float[] centroids) {
		float[] shifted = new float[centroids.length];
		for (int i = 0; i < shifted.length; i++) shifted[i] = (float) (centroids[i] - mean[i % d]);
		return shifted;
	}

	private static float[] centred(FeatureMatrix points, double[] mean) {
		float[] x = points.values();
		float[] c = new float[x.length];
		int d = mean.length;
		for (int i = 0; i < x.length; i++) c[i] = (float) (x[i] - mean[i % d]);
		return c;
	}
}
