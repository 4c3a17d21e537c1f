package org.ml4em.cluster;

/**
 * Responsibility-weighted sufficient statistics of a Gaussian mixture over a block of points
 * (the E-step), and the M-step that turns them into new components. Not thread-safe: one per
 * block, merged afterwards.
 */
final class MixtureStatistics {

	final int k;
	final int d;
	final boolean diagonal;
	final double[] weights;
	final double[] firstMoments;
	/** Full: {@code k × d × d} second moments; diagonal: {@code k × d}. */
	final double[] secondMoments;
	double logLikelihood;

	MixtureStatistics(int k, int d, boolean diagonal) {
		this.k = k;
		this.d = d;
		this.diagonal = diagonal;
		weights = new double[k];
		firstMoments = new double[k * d];
		secondMoments = new double[diagonal ? k * d : k * d * d];
	}

	/** Adds the point at offset {@code o} of {@code x} to component {@code j} with responsibility {@code r}. */
	void add(double[] x, int o, int j, double r) {
		weights[j] += r;
		for (int a = 0; a < d; a++) {
			double ra = r * x[o + a];
			firstMoments[j * d + a] += ra;
			if (diagonal) secondMoments[j * d + a] += ra * x[o + a];
			else for (int b = 0; b <= a; b++) secondMoments[(j * d + a) * d + b] += ra * x[o + b];
		}
	}

	/**
	 * E-step over rows {@code [start, end)}: adds every point to every component with its
	 * responsibility and sums the log-likelihood; writes the most probable component of each row
	 * into {@code labelsOut} when it is not null.
	 */
	void accumulate(GaussianComponents c, double[] x, int start, int end, int[] labelsOut) {
		double[] logP = new double[k];
		double[] work = new double[d];
		for (int i = start; i < end; i++) {
			c.logDensities(x, i * d, logP, work);
			int best = 0;
			for (int j = 1; j < k; j++) if (logP[j] > logP[best]) best = j;
			double sum = 0;
			for (int j = 0; j < k; j++) sum += Math.exp(logP[j] - logP[best]);
			double logSum = logP[best] + Math.log(sum);
			logLikelihood += logSum;
			if (labelsOut != null) labelsOut[i] = best;
			for (int j = 0; j < k; j++) {
				double r = Math.exp(logP[j] - logSum);
				if (r > 1e-12) add(x, i * d, j, r);
			}
		}
	}

	/** Adds another block's statistics to these. */
	void merge(MixtureStatistics other) {
		for (int j = 0; j < k; j++) weights[j] += other.weights[j];
		for (int i = 0; i < firstMoments.length; i++) firstMoments[i] += other.firstMoments[i];
		for (int i = 0; i < secondMoments.length; i++) secondMoments[i] += other.secondMoments[i];
		logLikelihood += other.logLikelihood;
	}

	/**
	 * M-step: weights, means and covariances from the statistics of {@code n} points. A component
	 * that lost all its points keeps a tiny weight and a unit-scaled covariance at the origin
	 * rather than producing NaN.
	 */
	GaussianComponents toComponents(int n, double regularisation) {
		GaussianComponents c = new GaussianComponents(k, d, diagonal);
		for (int j = 0; j < k; j++) {
			double w = Math.max(weights[j], 1e-10);
			double[] mean = new double[d];
			for (int a = 0; a < d; a++) mean[a] = firstMoments[j * d + a] / w;
			c.set(j, w / n, mean, covariance(j, w, mean), regularisation);
		}
		return c;
	}

	private double[] covariance(int j, double w, double[] mean) {
		if (diagonal) {
			double[] v = new double[d];
			for (int a = 0; a < d; a++) v[a] = Math.max(0, secondMoments[j * d + a] / w - mean[a] * mean[a]);
			return v;
		}
		double[] cov = new double[d * d];
		for (int a = 0; a < d; a++)
			for (int b = 0; b <= a; b++) {
				double v = secondMoments[(j * d + a) * d + b] / w - mean[a] * mean[b];
				cov[a * d + b] = v;
				cov[b * d + a] = v;
			}
		return cov;
	}
}
