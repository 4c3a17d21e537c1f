package org.ml4em.eels;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.BadInputException;

/**
 * Everything {@link ThicknessAnalysis} needs besides the data. Immutable; start from
 * {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param zlpHalfWidth half-width ε of the zero-loss window [−ε, +ε] in eV, or NaN for the
 *     automatic per-pixel rule (first minimum after the ZLP, see {@link ThicknessAnalysis})
 * @param maxZlpSearch the automatic rule looks for the minimum up to this energy, in eV
 * @param clusters number of thickness clusters K; {@link #AUTO} to choose K by BIC;
 *     {@link #NO_CLUSTERING} to compute the maps only
 * @param maxClusters largest K tried when K is chosen automatically
 * @param feature what pixels are clustered by
 * @param seed seed of every random choice (K-means, mixtures, spectrum sampling)
 * @param maxSpectraPerCluster per-cluster percentiles use at most this many spectra (reservoir sample)
 * @param threads threads reading spectra and clustering, at least 1
 */
public record ThicknessSettings(double zlpHalfWidth, double maxZlpSearch, int clusters, int maxClusters,
	ThicknessFeature feature, long seed, int maxSpectraPerCluster, int threads)
{
	/** {@link #clusters()} value: choose K automatically. */
	public static final int AUTO = 0;
	/** {@link #clusters()} value: no clustering, maps only. */
	public static final int NO_CLUSTERING = -1;
	/** HyperSpy's default search window for the elastic threshold, in eV. */
	public static final double DEFAULT_MAX_ZLP_SEARCH = 10;
	/** Largest K tried by the automatic choice. */
	public static final int DEFAULT_MAX_CLUSTERS = 10;
	/** Seed of K-means, the mixtures and the spectrum sampling. */
	public static final long DEFAULT_SEED = 42;
	/** Spectra per class behind the class percentiles: bounds memory at this × channels floats. */
	public static final int DEFAULT_MAX_SPECTRA_PER_CLUSTER = 2000;

	/** {@return automatic ZLP window, ln(I_total) feature, K chosen automatically, all processors} */
	public static ThicknessSettings defaults() {
		return new ThicknessSettings(Double.NaN, DEFAULT_MAX_ZLP_SEARCH, AUTO, DEFAULT_MAX_CLUSTERS, ThicknessFeature.LOG_TOTAL_INTENSITY,
			DEFAULT_SEED, DEFAULT_MAX_SPECTRA_PER_CLUSTER, Runtime.getRuntime().availableProcessors());
	}

	/** {@return whether ε is found per pixel rather than given} */
	public boolean automaticZlpWindow() {
		return Double.isNaN(zlpHalfWidth);
	}

	/**
	 * {@return these settings with a fixed zero-loss window [−ε, +ε]}
	 *
	 * @param epsilon ε in eV
	 */
	public ThicknessSettings withZlpHalfWidth(double epsilon) {
		return new ThicknessSettings(epsilon, maxZlpSearch, clusters, maxClusters, feature, seed, maxSpectraPerCluster, threads);
	}

	/** {@return these settings with the automatic per-pixel zero-loss window} */
	public ThicknessSettings withAutomaticZlpWindow() {
		return withZlpHalfWidth(Double.NaN);
	}

	/**
	 * {@return these settings with another search limit for the automatic window}
	 *
	 * @param eV limit
	 */
	public ThicknessSettings withMaxZlpSearch(double eV) {
		return new ThicknessSettings(zlpHalfWidth, eV, clusters, maxClusters, feature, seed, maxSpectraPerCluster, threads);
	}

	/**
	 * {@return these settings with K clusters, {@link #AUTO} or {@link #NO_CLUSTERING}}
	 *
	 * @param k K
	 */
	public ThicknessSettings withClusters(int k) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, k, maxClusters, feature, seed, maxSpectraPerCluster, threads);
	}

	/**
	 * {@return these settings with another largest K for the automatic choice}
	 *
	 * @param k largest K
	 */
	public ThicknessSettings withMaxClusters(int k) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, clusters, k, feature, seed, maxSpectraPerCluster, threads);
	}

	/**
	 * {@return these settings clustering by another feature}
	 *
	 * @param f the feature
	 */
	public ThicknessSettings withFeature(ThicknessFeature f) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, clusters, maxClusters, f, seed, maxSpectraPerCluster, threads);
	}

	/**
	 * {@return these settings with another seed}
	 *
	 * @param s the seed
	 */
	public ThicknessSettings withSeed(long s) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, clusters, maxClusters, feature, s, maxSpectraPerCluster, threads);
	}

	/**
	 * {@return these settings with another sample size for cluster spectra}
	 *
	 * @param n spectra per cluster
	 */
	public ThicknessSettings withMaxSpectraPerCluster(int n) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, clusters, maxClusters, feature, seed, n, threads);
	}

	/**
	 * {@return these settings with another thread count}
	 *
	 * @param n threads
	 */
	public ThicknessSettings withThreads(int n) {
		return new ThicknessSettings(zlpHalfWidth, maxZlpSearch, clusters, maxClusters, feature, seed, maxSpectraPerCluster, n);
	}

	/**
	 * Checks every value, collecting all problems into one message.
	 *
	 * @throws BadInputException listing the problems
	 */
	public void check() {
		List<String> problems = new ArrayList<>();
		if (!automaticZlpWindow() && !(zlpHalfWidth > 0 && Double.isFinite(zlpHalfWidth)))
			problems.add("the zero-loss half-width must be a positive number of eV or automatic (got " + zlpHalfWidth + ")");
		if (!(maxZlpSearch > 0 && Double.isFinite(maxZlpSearch)))
			problems.add("the zero-loss search limit must be a positive number of eV (got " + maxZlpSearch + ")");
		if (clusters < NO_CLUSTERING) problems.add("clusters must be at least 1, or 0 for automatic, or -1 for none (got " + clusters + ")");
		if (maxClusters < 1) problems.add("the largest number of clusters must be at least 1 (got " + maxClusters + ")");
		if (feature == null) problems.add("a clustering feature is needed");
		if (maxSpectraPerCluster < 1) problems.add("spectra per cluster must be at least 1 (got " + maxSpectraPerCluster + ")");
		if (threads < 1) problems.add("threads must be at least 1 (got " + threads + ")");
		if (!problems.isEmpty()) throw new BadInputException(String.join("; ", problems) + ".");
	}
}
