package org.ml4em.cluster;

import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings.Covariance;

import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * Gaussian-mixture clustering by expectation–maximisation, with full or diagonal covariances:
 * the fix for clusters of unequal spread, which K-means (equal spherical variances) splits
 * wrongly.
 *
 * <pre>
 * ClusteringSettings s = ClusteringSettings.gaussianMixture(2).withCovariance(Covariance.DIAGONAL);
 * ClusteringResult r = new GaussianMixture(s).fit(FeatureMatrix.fromImage(img, null), Progress.NONE);
 * </pre>
 *
 * Each restart starts from one K-means run with its own seed; EM stops when the mean
 * log-likelihood per point improves by less than the tolerance. The kept restart is the one with
 * the highest log-likelihood; points get the label of their most probable component. The data
 * are centred in double precision first so that second moments keep their digits; a
 * regularisation of 10⁻⁶ × the mean feature variance keeps covariances invertible. Equal settings
 * and data give equal results.
 */
public final class GaussianMixture {

	/** Full covariances cost d² per point and component: beyond this many features use diagonal ones. */
	public static final int MAX_FULL_COVARIANCE_FEATURES = 64;

	private static final double RELATIVE_REGULARISATION = 1e-6;

	private final ClusteringSettings settings;

	/** @param settings method {@link ClusteringSettings.Method#GMM} */
	public GaussianMixture(ClusteringSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Fits the mixture and labels every point.
	 *
	 * @throws BadInputException when the settings do not fit the data
	 * @throws java.util.concurrent.CancellationException if {@code progress} is canceled
	 */
	public ClusteringResult fit(FeatureMatrix points, Progress progress) {
		settings.check(points.rows());
		boolean diagonal = settings.covariance() == Covariance.DIAGONAL;
		if (!diagonal && points.features() > MAX_FULL_COVARIANCE_FEATURES)
			throw new BadInputException("A full-covariance mixture of " + points.features() + " features is too costly (at most " +
				MAX_FULL_COVARIANCE_FEATURES + "); use covariance=diagonal.");
		try (TaskExecutor executor = TaskExecutors.fixedThreadPool(settings.threads())) {
			MixtureData data = new MixtureData(points, RELATIVE_REGULARISATION * KMeans.meanVariance(points));
			RowBlocks blocks = new RowBlocks(points.rows(), executor);
			progress.log("Gaussian mixture on " + device());
			return new Restarts(points, data, blocks, diagonal, progress).run();
		}
	}

	private String device() {
		return "CPU (plain Java, " + settings.threads() + (settings.threads() == 1 ? " thread)" : " threads)");
	}

	/** The points centred in double precision, and the covariance regularisation. */
	private record MixtureData(double[] x, double[] mean, double regularisation) {

		MixtureData(FeatureMatrix points, double regularisation) {
			this(points, points.featureMeans(), regularisation);
		}

		private MixtureData(FeatureMatrix points, double[] mean, double regularisation) {
			this(centred(points, mean), mean, regularisation);
		}

		private static double[] centred(FeatureMatrix points, double[] mean) {
			float[] v = points.values();
			double[] x = new double[v.length];
			for (int i = 0; i < v.length; i++) x[i] = v[i] - mean[i % mean.length];
			return x;
		}
	}

	private final class Restarts {

		private final FeatureMatrix points;
		private final MixtureData data;
		private final RowBlocks blocks;
		private final boolean diagonal;
		private final Progress progress;

		Restarts(FeatureMatrix points, MixtureData data, RowBlocks blocks, boolean diagonal, Progress progress) {
			this.points = points;
			this.data = data;
			this.blocks = blocks;
			this.diagonal = diagonal;
			this.progress = progress;
		}

		ClusteringResult run() {
			GaussianComponents best = null;
			double bestLogLikelihood = Double.NEGATIVE_INFINITY;
			int bestIterations = 0, converged = 0;
			boolean bestConverged = false;
			for (int r = 0; r < settings.restarts(); r++) {
				progress.status("Gaussian mixture restart " + (r + 1) + "/" + settings.restarts() + ": K-means start");
				ClusteringResult start = kMeansStart(r);
				EmRun run = new EmRun(fromLabels(start.labels()), r);
				run.iterate();
				if (run.converged) converged++;
				if (run.logLikelihood > bestLogLikelihood || best == null) {
					best = run.components;
					bestLogLikelihood = run.logLikelihood;
					bestIterations = run.iterations;
					bestConverged = run.converged;
				}
				progress.fraction((r + 1.0) / settings.restarts());
			}
			int[] labels = new int[points.rows()];
			double logLikelihood = statistics(best, labels).logLikelihood;
			double[] centres = new double[best.means.length];
			for (int i = 0; i < centres.length; i++) centres[i] = best.means[i] + data.mean[i % points.features()];
			return new ClusteringResult(labels, centres, settings.k(), points.features(), logLikelihood, "log-likelihood",
				bestIterations, bestConverged, converged, settings.restarts(), device());
		}

		private ClusteringResult kMeansStart(int restart) {
			ClusteringSettings kSettings = ClusteringSettings.kMeans(settings.k()).withRestarts(1)
				.withSeed(settings.seed() * 1_000_003L + restart).withThreads(settings.threads())
				.withBackend(ClusteringSettings.Backend.JAVA).withDevice(org.ml4em.tf.DeviceChoice.CPU);
			return new KMeans(kSettings).fit(points, Progress.NONE);
		}

		/** Components from hard labels: the M-step with responsibilities 0 or 1. */
		private GaussianComponents fromLabels(int[] labels) {
			MixtureStatistics s = new MixtureStatistics(settings.k(), points.features(), diagonal);
			for (int i = 0; i < labels.length; i++) s.add(data.x, i * points.features(), labels[i], 1.0);
			return s.toComponents(points.rows(), data.regularisation);
		}

		/** E-step over all points; writes each point's most probable component into {@code labelsOut} unless null. */
		private MixtureStatistics statistics(GaussianComponents c, int[] labelsOut) {
			int d = points.features();
			List<MixtureStatistics> parts = blocks.map(b -> {
				MixtureStatistics s = new MixtureStatistics(settings.k(), d, diagonal);
				s.accumulate(c, data.x, b.start(), b.end(), labelsOut);
				return s;
			});
			MixtureStatistics total = parts.get(0);
			for (int p = 1; p < parts.size(); p++) total.merge(parts.get(p));
			return total;
		}

		/** One restart's EM iterations. */
		private final class EmRun {

			GaussianComponents components;
			double logLikelihood = Double.NEGATIVE_INFINITY;
			int iterations;
			boolean converged;
			private final int restart;

			EmRun(GaussianComponents start, int restart) {
				this.components = start;
				this.restart = restart;
			}

			void iterate() {
				double previous = Double.NEGATIVE_INFINITY;
				while (iterations < settings.maxIterations() && !converged) {
					progress.checkCanceled();
					MixtureStatistics s = statistics(components, null);
					logLikelihood = s.logLikelihood;
					components = s.toComponents(points.rows(), data.regularisation);
					iterations++;
					converged = Math.abs(logLikelihood - previous) / points.rows() < settings.tolerance();
					previous = logLikelihood;
					if (iterations % 10 == 0) progress.status("Gaussian mixture restart " + (restart + 1) + ": iteration " + iterations);
				}
				// Score the parameters actually kept, not the ones before the last M-step.
				logLikelihood = statistics(components, null).logLikelihood;
			}
		}
	}
}
