package org.ml4em.eels;

/**
 * Pixels grouped into thickness classes. Arrays are shared; do not modify them.
 *
 * @param labels cluster of each pixel ({@code [x + y·width]}), 0 … k − 1 by ascending mean t/λ
 *     (0 is the thinnest), −1 for pixels that could not be evaluated
 * @param k number of clusters
 * @param automatic whether k was chosen by the criterion
 * @param criterion Bayesian information criterion of a 1-D Gaussian mixture for K = 1, 2, … at
 *     index K − 1 (lower is better); empty when k was given
 * @param feature what the pixels were clustered by
 * @param centres K-means centre of each cluster, in feature units (ln counts or t/λ)
 * @param meanThickness mean t/λ of each cluster's pixels
 * @param pixelCounts number of pixels in each cluster
 * @param unlabelledPixels pixels labelled −1
 */
public record ThicknessClusters(int[] labels, int k, boolean automatic, double[] criterion, ThicknessFeature feature,
	double[] centres, double[] meanThickness, long[] pixelCounts, int unlabelledPixels)
{}
