package org.ml4em.cluster;

import java.util.Objects;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings.Backend;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.TensorFlowDevices;

import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * K-means clustering: Lloyd iterations from greedy k-means++ seeds, several restarts, the
 * restart with the lowest inertia kept.
 *
 * <pre>
 * FeatureMatrix points = FeatureMatrix.fromImage(img, null);
 * ClusteringResult r = new KMeans(ClusteringSettings.kMeans(3).withSeed(7)).fit(points, Progress.NONE);
 * double inertia = r.score();
 * </pre>
 *
 * The assignment passes run either in multi-threaded Java or as TensorFlow matrix products;
 * {@link Backend#AUTO} takes TensorFlow on a GPU and Java on a CPU, where Java is faster (see
 * {@code bench/}). Convergence follows scikit-learn: the squared centre shift, summed over
 * clusters, below {@code tolerance × mean feature variance}. An empty cluster is restarted at
 * the point farthest from its centre. Equal settings and data give equal results. One instance
 * may run several fits one after the other; it keeps no state between them.
 */
public final class KMeans {

	private final ClusteringSettings settings;

	/** @param settings method must be {@link ClusteringSettings.Method#KMEANS} */
	public KMeans(ClusteringSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Clusters the points.
	 *
	 * @throws org.ml4em.BadInputException if the settings do not fit the data (k larger than the
	 *             number of points, …) or the requested device is absent
	 * @throws java.util.concurrent.CancellationException if {@code progress} is canceled
	 */
	public ClusteringResult fit(FeatureMatrix points, Progress progress) {
		settings.check(points.rows());
		try (TaskExecutor executor = TaskExecutors.fixedThreadPool(settings.threads())) {
			RowBlocks blocks = new RowBlocks(points.rows(), executor);
			try (LloydStep step = createStep(points, blocks)) {
				progress.log("K-means on " + step.description());
				return new Restarts(points, step, blocks, progress).run();
			}
		}
	}

	private LloydStep createStep(FeatureMatrix points, RowBlocks blocks) {
		Backend backend = settings.backend();
		DeviceChoice device = settings.device();
		if (backend == Backend.JAVA) {
			if (device == DeviceChoice.GPU)
				throw new BadInputException("backend=java runs on the CPU only; use device=cpu or device=auto with it, or backend=tensorflow for the GPU.");
			return new JavaLloydStep(points, settings.k(), blocks, settings.threads(), "");
		}
		if (backend == Backend.AUTO && device == DeviceChoice.CPU) return new JavaLloydStep(points, settings.k(), blocks, settings.threads(), "");
		ComputeDevice resolved = TensorFlowDevices.resolve(device);
		// On a CPU the Java passes beat TensorFlow's matrix products (bench/kmeans_vs_sklearn.sh).
		if (backend == Backend.AUTO && !resolved.gpu()) return new JavaLloydStep(points, settings.k(), blocks, settings.threads(), resolved.note());
		return new TensorFlowLloydStep(points, settings.k(), resolved, settings.threads());
	}

	/** The restarts of one fit, sharing the data, the pass implementation and the progress sink. */
	private final class Restarts {

		private final FeatureMatrix points;
		private final LloydStep step;
		private final RowBlocks blocks;
		private final Progress progress;
		private final double tolerance;

		Restarts(FeatureMatrix points, LloydStep step, RowBlocks blocks, Progress progress) {
			this.points = points;
			this.step = step;
			this.blocks = blocks;
			this.progress = progress;
			this.tolerance = settings.tolerance() * meanVariance(points);
		}

		ClusteringResult run() {
			SplittableRandom random = new SplittableRandom(settings.seed());
			KMeansPlusPlus seeder = new KMeansPlusPlus(points, blocks);
			Lloyd best = null;
			int converged = 0;
			for (int r = 0; r < settings.restarts(); r++) {
				progress.status("K-means restart " + (r + 1) + "/" + settings.restarts() + ": seeding");
				Lloyd run = new Lloyd(seeder.seed(settings.k(), random.split()), r);
				run.iterate();
				if (run.converged) converged++;
				if (best == null || run.inertia < best.inertia) best = run;
				progress.fraction((r + 1.0) / settings.restarts());
			}
			int[] labels = new int[points.rows()];
			step.assign(best.centres, labels);
			return new ClusteringResult(labels, toDouble(best.centres), settings.k(), points.features(), best.inertia, "inertia",
				best.iterations, best.converged, converged, settings.restarts(), step.description());
		}

		/** One restart's Lloyd iterations. */
		private final class Lloyd {

			float[] centres;
			double inertia;
			int iterations;
			boolean converged;
			private final int restart;

			Lloyd(float[] seeds, int restart) {
				this.centres = seeds;
				this.restart = restart;
			}

			void iterate() {
				int k = settings.k(), d = points.features();
				double[] sums = new double[k * d];
				long[] counts = new long[k];
				step.reset();
				while (iterations < settings.maxIterations() && !converged) {
					progress.checkCanceled();
					step.accumulate(centres, sums, counts);
					float[] next = means(sums, counts);
					converged = shift(centres, next) <= tolerance;
					centres = next;
					iterations++;
					if (iterations % 10 == 0) progress.status("K-means restart " + (restart + 1) + "/" + settings.restarts() + ": iteration " + iterations);
				}
				// The inertia of the final centres, as scikit-learn reports it.
				inertia = step.inertia(centres);
			}

			private float[] means(double[] sums, long[] counts) {
				int k = settings.k(), d = points.features();
				float[] next = new float[k * d];
				for (int j = 0; j < k; j++) {
					if (counts[j] == 0) {
						int far = Distances.farthestPoint(points, centres, k, blocks);
						System.arraycopy(points.values(), far * d, next, j * d, d);
						continue;
					}
					for (int f = 0; f < d; f++) next[j * d + f] = (float) (sums[j * d + f] / counts[j]);
				}
				return next;
			}
		}
	}

	private static double shift(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (double) (a[i] - b[i]) * (a[i] - b[i]);
		return s;
	}

	static double meanVariance(FeatureMatrix points) {
		int d = points.features(), n = points.rows();
		double[] mean = points.featureMeans();
		double[] var = new double[d];
		float[] x = points.values();
		for (int i = 0; i < x.length; i++) {
			double diff = x[i] - mean[i % d];
			var[i % d] += diff * diff;
		}
		double total = 0;
		for (double v : var) total += v / n;
		return total / d;
	}

	static double[] toDouble(float[] v) {
		double[] out = new double[v.length];
		for (int i = 0; i < v.length; i++) out[i] = v[i];
		return out;
	}
}
