package org.ml4em.cluster;

/**
 * One assignment pass of Lloyd's K-means over a fixed set of points, as a matrix of
 * {@code k × d} centroids comes in. Two implementations: plain Java ({@link JavaLloydStep}) and
 * TensorFlow ({@link TensorFlowLloydStep}).
 */
interface LloydStep extends AutoCloseable {

	/**
	 * Sums the points nearest to each centroid.
	 *
	 * @param centroids row-major {@code k × d}
	 * @param sums {@code k × d}, overwritten with the coordinate sums of each centroid's points
	 * @param counts {@code k}, overwritten with the number of points of each centroid
	 * @return the inertia (sum of squared distances to the nearest centroid)
	 */
	double accumulate(float[] centroids, double[] sums, long[] counts);

	/** Writes the index of the nearest centroid of each point into {@code labels}. */
	void assign(float[] centroids, int[] labels);

	/** What runs these passes, for the user ("CPU (plain Java, 2 threads)"). */
	String description();

	@Override
	void close();
}
