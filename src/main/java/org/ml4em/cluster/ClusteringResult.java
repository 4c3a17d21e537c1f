package org.ml4em.cluster;

/**
 * The outcome of one clustering run on a {@link FeatureMatrix}.
 *
 * @param labels cluster index (0 … k−1) of each row of the feature matrix
 * @param centres row-major {@code k × d} cluster centres (means), in the units of the features
 * @param k number of clusters
 * @param features features per point
 * @param score the criterion of the kept restart: inertia (K-means, lower is better) or total
 *            log-likelihood (GMM, higher is better)
 * @param scoreName "inertia" or "log-likelihood"
 * @param iterations iterations run by the kept restart
 * @param converged whether the kept restart met the tolerance before the iteration limit
 * @param convergedRestarts how many restarts met the tolerance
 * @param restarts restarts run
 * @param device what computed it, e.g. "CPU (plain Java, 2 threads)"
 */
public record ClusteringResult(int[] labels, double[] centres, int k, int features, double score, String scoreName,
	int iterations, boolean converged, int convergedRestarts, int restarts, String device)
{
	/** The same result with clusters renumbered: old cluster {@code j} becomes {@code newIndex[j]}. */
	public ClusteringResult relabelled(int[] newIndex) {
		int[] l = new int[labels.length];
		for (int i = 0; i < l.length; i++) l[i] = newIndex[labels[i]];
		double[] c = new double[centres.length];
		for (int j = 0; j < k; j++)
			System.arraycopy(centres, j * features, c, newIndex[j] * features, features);
		return new ClusteringResult(l, c, k, features, score, scoreName, iterations, converged, convergedRestarts, restarts, device);
	}

	/**
	 * Renumbers the clusters by ascending centre of the first feature, so that the same data give
	 * the same labels whatever the seed.
	 */
	public ClusteringResult orderedByFirstFeature() {
		Integer[] order = new Integer[k];
		for (int j = 0; j < k; j++) order[j] = j;
		java.util.Arrays.sort(order, (a, b) -> Double.compare(centres[a * features], centres[b * features]));
		int[] newIndex = new int[k];
		for (int rank = 0; rank < k; rank++) newIndex[order[rank]] = rank;
		return relabelled(newIndex);
	}
}
