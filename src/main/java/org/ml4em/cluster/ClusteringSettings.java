package org.ml4em.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.tf.DeviceChoice;

/**
 * Everything a clustering run needs besides its data. Immutable; build it with
 * {@link #kMeans(int)} or {@link #gaussianMixture(int)} and the {@code with…} methods.
 *
 * @param method K-means or Gaussian mixture
 * @param k number of clusters, at least 1
 * @param restarts independent starts (different seeds); the best one is kept
 * @param maxIterations iteration limit per start
 * @param tolerance K-means: stop when the squared centre shift, summed over clusters, falls
 *            below {@code tolerance × mean feature variance} (scikit-learn's rule); GMM: stop
 *            when the mean log-likelihood per point improves by less than this
 * @param seed seed of the random number generator; equal seeds give equal results
 * @param covariance GMM covariance form
 * @param backend K-means implementation
 * @param device device asked for by the user
 * @param threads CPU threads to use, at least 1
 */
public record ClusteringSettings(Method method, int k, int restarts, int maxIterations, double tolerance, long seed,
	Covariance covariance, Backend backend, DeviceChoice device, int threads)
{
	public static final int DEFAULT_RESTARTS = 10;
	public static final int DEFAULT_MAX_ITERATIONS = 300;
	public static final double DEFAULT_KMEANS_TOLERANCE = 1e-4;
	public static final double DEFAULT_GMM_TOLERANCE = 1e-3;
	public static final long DEFAULT_SEED = 42;

	/** Clustering algorithm. */
	public enum Method {
		KMEANS, GMM;

		/** Parses {@code kmeans|gmm}, any case. */
		public static Method parse(String word) {
			return parseEnum(Method.class, word, "method", "kmeans or gmm");
		}
	}

	/** Covariance form of each Gaussian-mixture component. */
	public enum Covariance {
		FULL, DIAGONAL;

		/** Parses {@code full|diagonal}, any case. */
		public static Covariance parse(String word) {
			return parseEnum(Covariance.class, word, "covariance", "full or diagonal");
		}
	}

	/** K-means implementation: multi-threaded Java, TensorFlow matrix products, or the faster one for the device. */
	public enum Backend {
		AUTO, JAVA, TENSORFLOW;

		/** Parses {@code auto|java|tensorflow}, any case. */
		public static Backend parse(String word) {
			return parseEnum(Backend.class, word, "backend", "auto, java or tensorflow");
		}
	}

	/** K-means with k clusters and default everything else. */
	public static ClusteringSettings kMeans(int k) {
		return new ClusteringSettings(Method.KMEANS, k, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_KMEANS_TOLERANCE,
			DEFAULT_SEED, Covariance.FULL, Backend.AUTO, DeviceChoice.AUTO, defaultThreads());
	}

	/** A full-covariance Gaussian mixture with k components and default everything else. */
	public static ClusteringSettings gaussianMixture(int k) {
		return new ClusteringSettings(Method.GMM, k, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_GMM_TOLERANCE,
			DEFAULT_SEED, Covariance.FULL, Backend.AUTO, DeviceChoice.AUTO, defaultThreads());
	}

	/**
	 * Settings from the words users type in a dialog, a macro or on the command line (the
	 * parameters of {@code K-means Clustering}); defaults for everything else.
	 *
	 * @throws BadInputException naming any word that is not one of the accepted ones
	 */
	public static ClusteringSettings fromWords(String method, int k, String covariance, int restarts, int maxIterations, long seed,
		String backend, String device)
	{
		ClusteringSettings base = Method.parse(method) == Method.GMM ? gaussianMixture(k) : kMeans(k);
		return base.withRestarts(restarts).withMaxIterations(maxIterations).withSeed(seed).withCovariance(Covariance.parse(covariance))
			.withBackend(Backend.parse(backend)).withDevice(DeviceChoice.parse(device));
	}

	/** All processors of this machine. */
	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	public ClusteringSettings withRestarts(int n) {
		return new ClusteringSettings(method, k, n, maxIterations, tolerance, seed, covariance, backend, device, threads);
	}

	public ClusteringSettings withMaxIterations(int n) {
		return new ClusteringSettings(method, k, restarts, n, tolerance, seed, covariance, backend, device, threads);
	}

	public ClusteringSettings withTolerance(double t) {
		return new ClusteringSettings(method, k, restarts, maxIterations, t, seed, covariance, backend, device, threads);
	}

	public ClusteringSettings withSeed(long s) {
		return new ClusteringSettings(method, k, restarts, maxIterations, tolerance, s, covariance, backend, device, threads);
	}

	public ClusteringSettings withCovariance(Covariance c) {
		return new ClusteringSettings(method, k, restarts, maxIterations, tolerance, seed, c, backend, device, threads);
	}

	public ClusteringSettings withBackend(Backend b) {
		return new ClusteringSettings(method, k, restarts, maxIterations, tolerance, seed, covariance, b, device, threads);
	}

	public ClusteringSettings withDevice(DeviceChoice d) {
		return new ClusteringSettings(method, k, restarts, maxIterations, tolerance, seed, covariance, backend, d, threads);
	}

	public ClusteringSettings withThreads(int n) {
		return new ClusteringSettings(method, k, restarts, maxIterations, tolerance, seed, covariance, backend, device, n);
	}

	/**
	 * Checks the settings against the number of points to cluster, collecting every problem
	 * into one message.
	 *
	 * @throws BadInputException listing all problems found
	 */
	public void check(long points) {
		List<String> problems = new ArrayList<>();
		if (k < 1) problems.add("k must be at least 1 (got " + k + ")");
		else if (k > points) problems.add("k=" + k + " is larger than the number of pixels to cluster (" + points + ")");
		if (restarts < 1) problems.add("restarts must be at least 1 (got " + restarts + ")");
		if (maxIterations < 1) problems.add("max_iterations must be at least 1 (got " + maxIterations + ")");
		if (!(tolerance >= 0)) problems.add("the tolerance must be zero or positive (got " + tolerance + ")");
		if (threads < 1) problems.add("threads must be at least 1 (got " + threads + ")");
		if (method == Method.GMM && backend == Backend.TENSORFLOW) problems.add("backend=tensorflow is only available for method=kmeans");
		if (method == Method.GMM && device == DeviceChoice.GPU) problems.add("method=gmm runs on the CPU only; use device=auto or device=cpu");
		if (!problems.isEmpty()) throw new BadInputException(String.join("; ", problems) + ".");
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String word, String key, String accepted) {
		try {
			return Enum.valueOf(type, word.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new BadInputException(key + "='" + word + "' is not known; expected " + accepted + ".");
		}
	}
}
