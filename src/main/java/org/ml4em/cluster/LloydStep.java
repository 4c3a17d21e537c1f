package org.ml4em.cluster;

/**
 * The assignment passes of Lloyd's K-means over a fixed set of points, as the centroids
 * ({@code k × d}, row-major) move. Two implementations: plain Java with Hamerly's bounds
 * ({@link JavaLloydStep}) and TensorFlow matrix products ({@link TensorFlowLloydStep}).
 * A pass may keep state from the previous pass of the same restart; {@link #reset()} starts a new
 * restart.
 */
interface LloydStep extends AutoCloseable {

	/** Forgets everything learnt from earlier passes: the next centroids start a new restart. */
	void reset();

	/**
	 * Sums the points nearest to each centroid.
	 *
	 * @param sums {@code k × d}, overwritten with the coordinate sums of each centroid's points
	 * @param counts {@code k}, overwritten with the number of points of each centroid
	 */
	void accumulate(float[] centroids, double[] sums, long[] counts);

	/** The inertia: the sum of squared distances of the points to their nearest centroid. */
	double inertia(float[] centroids);

	/** Writes the index of the nearest centroid of each point into {@code labels}. */
	void assign(float[] centroids, int[] labels);

	/** What runs these passes, for the user ("CPU (plain Java, 2 threads)"). */
	String description();

	@Override
	void close();
}
