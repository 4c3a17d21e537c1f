package org.ml4em.eels;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.cluster.ClusteringResult;
import org.ml4em.cluster.ClusteringSettings;
import org.ml4em.cluster.FeatureMatrix;
import org.ml4em.cluster.KMeans;
import org.ml4em.tf.DeviceChoice;

/**
 * Groups pixels into thickness classes by 1-D K-means (the {@link KMeans} engine in plain Java,
 * fixed seed) of one feature per pixel: ln(I_total) or t/λ (see {@link ThicknessFeature}).
 *
 * <pre>
 * ThicknessClusters c = new ThicknessClustering(ThicknessSettings.defaults()).cluster(maps, Progress.NONE);
 * int classOfPixel = c.labels()[x + y * maps.width()]; // 0 = thinnest, −1 = not evaluated
 * </pre>
 *
 * K is given, or chosen by the Bayesian information criterion of 1-D Gaussian mixtures over
 * K = 1 … maxK: {@code BIC(K) = −2·ln L + (3K − 1)·ln n}, the smallest wins (the smaller K on a
 * tie); the mixtures are fitted to at most 10 000 pixels drawn at random with the seed, and K is
 * tried only up to one class per 10 pixels. BIC finds the number of homogeneous regions (each is
 * close to Gaussian in the feature); on a continuous thickness gradient it keeps adding classes,
 * and K is better given. Labels are renumbered by ascending mean t/λ of their pixels, whichever
 * feature was used, so label 0 is always the thinnest class. Pixels whose t/λ or feature is NaN
 * are not clustered and get label −1.
 */
public final class ThicknessClustering {

	private final ThicknessSettings settings;

	/** @param settings uses clusters (≥ 1 or {@link ThicknessSettings#AUTO}), maxClusters, feature, seed, threads */
	public ThicknessClustering(ThicknessSettings settings) {
		settings.check();
		if (settings.clusters() == ThicknessSettings.NO_CLUSTERING)
			throw new BadInputException("Thickness clustering needs clusters >= 1, or 0 to choose the number automatically.");
		this.settings = settings;
	}

	/**
	 * Clusters the evaluated pixels of a thickness measurement.
	 *
	 * @param maps the per-pixel thickness maps
	 * @param progress fraction done; can cancel
	 * @return the labels and per-cluster figures
	 * @throws BadInputException when no pixel was evaluated or K exceeds the evaluated pixels
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ThicknessClusters cluster(ThicknessMaps maps, Progress progress) {
		float[] feature = feature(maps, settings.feature());
		int[] pixel = usablePixels(maps.thickness(), feature);
		if (pixel.length == 0)
			throw new BadInputException("No pixel has a measurable thickness (all " + feature.length + " are NaN), so there is nothing to cluster.");
		float[] points = new float[pixel.length];
		for (int i = 0; i < pixel.length; i++) points[i] = feature[pixel[i]];
		double[] bic = new double[0];
		int k = settings.clusters();
		if (k == ThicknessSettings.AUTO) {
			bic = ClusterCountSelection.criterion(points, settings.maxClusters(), settings.seed(), settings.threads(), new ProgressRange(progress, 0, 0.8));
			k = ClusterCountSelection.best(bic);
			progress.log("Thickness classes chosen by BIC: K = " + k);
		}
		progress.status("K-means of " + pixel.length + " pixels into " + k + " thickness classes");
		ClusteringResult r = new KMeans(kMeansSettings(k)).fit(FeatureMatrix.fromArray(points, points.length, 1), Progress.NONE);
		progress.fraction(1);
		return labelled(maps, pixel, r, bic);
	}

	/**
	 * {@return the clustering feature of every pixel: ln(I_total) or t/λ, NaN where undefined}
	 *
	 * @param maps thickness maps
	 * @param feature which one
	 */
	public static float[] feature(ThicknessMaps maps, ThicknessFeature feature) {
		if (feature == ThicknessFeature.THICKNESS) return maps.thickness();
		float[] total = maps.totalIntensity();
		float[] f = new float[total.length];
		for (int p = 0; p < f.length; p++) f[p] = total[p] > 0 ? (float) Math.log(total[p]) : Float.NaN;
		return f;
	}

	private ClusteringSettings kMeansSettings(int k) {
		// Plain Java on the CPU: 1-D K-means gains nothing from TensorFlow, and must not load it.
		return ClusteringSettings.kMeans(k).withSeed(settings.seed()).withThreads(settings.threads())
			.withBackend(ClusteringSettings.Backend.JAVA).withDevice(DeviceChoice.CPU);
	}

	private static int[] usablePixels(float[] thickness, float[] feature) {
		int n = 0;
		for (int p = 0; p < feature.length; p++) if (Float.isFinite(feature[p]) && Float.isFinite(thickness[p])) n++;
		int[] pixel = new int[n];
		n = 0;
		for (int p = 0; p < feature.length; p++) if (Float.isFinite(feature[p]) && Float.isFinite(thickness[p])) pixel[n++] = p;
		return pixel;
	}

	/** Labels per pixel, renumbered by ascending mean t/λ. */
	private ThicknessClusters labelled(ThicknessMaps maps, int[] pixel, ClusteringResult r, double[] bic) {
		int k = r.k();
		double[] meanT = new double[k];
		long[] counts = new long[k];
		for (int i = 0; i < pixel.length; i++) {
			meanT[r.labels()[i]] += maps.thickness()[pixel[i]];
			counts[r.labels()[i]]++;
		}
		for (int j = 0; j < k; j++) meanT[j] /= counts[j];
		int[] rank = ranks(meanT);
		ClusteringResult ordered = r.relabelled(rank);
		int[] labels = new int[maps.thickness().length];
		java.util.Arrays.fill(labels, -1);
		for (int i = 0; i < pixel.length; i++) labels[pixel[i]] = ordered.labels()[i];
		double[] sortedT = new double[k];
		long[] sortedCounts = new long[k];
		for (int j = 0; j < k; j++) {
			sortedT[rank[j]] = meanT[j];
			sortedCounts[rank[j]] = counts[j];
		}
		return new ThicknessClusters(labels, k, bic.length > 0, bic, settings.feature(), ordered.centres(), sortedT, sortedCounts,
			labels.length - pixel.length);
	}

	/** {@return the rank of each value in ascending order} */
	private static int[] ranks(double[] values) {
		Integer[] order = new Integer[values.length];
		for (int j = 0; j < order.length; j++) order[j] = j;
		java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
		int[] rank = new int[values.length];
		for (int r = 0; r < order.length; r++) rank[order[r]] = r;
		return rank;
	}
}
