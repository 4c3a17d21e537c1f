package org.ml4em.tf;

/**
 * Nearest-centroid assignment of many points as TensorFlow matrix products, the inner step of
 * Lloyd's K-means on a GPU.
 * <p>
 * Squared distances are expanded as {@code |x|² − 2 x·cᵀ + |c|²} so the work is one matrix product
 * per chunk of rows; the per-centroid sums, counts and the inertia are reduced on the device so
 * only {@code k × d} numbers come back per iteration. The points are copied into native tensors
 * once, at construction, and reused by every call.
 *
 * <pre>
 * try (TfNearestCentroids kernel = TfNearestCentroids.create(points, n, d, k, device, threads)) {
 *     double inertia = kernel.accumulate(centroids, sums, counts);
 * }
 * </pre>
 *
 * Not thread-safe: one caller at a time. Distances are computed in float32.
 */
public interface TfNearestCentroids extends AutoCloseable {

	/**
	 * @param data row-major points, {@code n × d} floats; copied, not kept
	 * @param n number of points
	 * @param d features per point
	 * @param k number of centroids every call will pass
	 * @param device where to run, from {@link TensorFlowDevices#resolve}
	 * @param threads CPU threads TensorFlow may use
	 */
	static TfNearestCentroids create(float[] data, int n, int d, int k, ComputeDevice device, int threads) {
		return TensorFlow.engine().nearestCentroids(data, n, d, k, device, threads);
	}

	/** The device this kernel runs on. */
	ComputeDevice device();

	/**
	 * One Lloyd assignment pass: adds each point to the sum and count of its nearest centroid.
	 *
	 * @param centroidValues row-major {@code k × d} centroids
	 * @param sumsOut {@code k × d} per-centroid coordinate sums, overwritten
	 * @param countsOut {@code k} per-centroid point counts, overwritten
	 * @return the inertia: sum of squared distances of the points to their nearest centroid
	 */
	double accumulate(float[] centroidValues, double[] sumsOut, long[] countsOut);

	/**
	 * Writes the index of the nearest centroid of every point into {@code labelsOut} (length n).
	 */
	void assign(float[] centroidValues, int[] labelsOut);

	/** Releases the native tensors, the session and the graph. */
	void close();
}
