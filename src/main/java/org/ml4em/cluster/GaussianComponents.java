package org.ml4em.cluster;

/**
 * The parameters of a Gaussian mixture in a form fast to evaluate: weights, means and, per
 * component, the Cholesky factor of its covariance (full) or its variances (diagonal), all in
 * double precision and in the centred coordinates the mixture works in.
 */
final class GaussianComponents {

	private static final double LOG_2PI = Math.log(2 * Math.PI);

	final int k;
	final int d;
	final boolean diagonal;
	final double[] logWeights;
	final double[] means;
	/** Full: lower Cholesky factors, {@code k × d × d}; diagonal: variances, {@code k × d}. */
	final double[] factors;
	final double[] logNorms;

	GaussianComponents(int k, int d, boolean diagonal) {
		this.k = k;
		this.d = d;
		this.diagonal = diagonal;
		logWeights = new double[k];
		means = new double[k * d];
		factors = new double[diagonal ? k * d : k * d * d];
		logNorms = new double[k];
	}

	/**
	 * Sets component {@code j} from its weight, mean and covariance ({@code d × d} row-major, or
	 * {@code d} variances when diagonal); {@code regularisation} is added to the diagonal so that
	 * a component squeezed onto a line or a single value stays invertible.
	 */
	void set(int j, double weight, double[] mean, double[] covariance, double regularisation) {
		logWeights[j] = Math.log(Math.max(weight, Double.MIN_NORMAL));
		System.arraycopy(mean, 0, means, j * d, d);
		double logDet = diagonal ? setDiagonal(j, covariance, regularisation) : setCholesky(j, covariance, regularisation);
		logNorms[j] = -0.5 * (d * LOG_2PI + logDet);
	}

	private double setDiagonal(int j, double[] variances, double regularisation) {
		double logDet = 0;
		for (int f = 0; f < d; f++) {
			double v = variances[f] + regularisation;
			factors[j * d + f] = v;
			logDet += Math.log(v);
		}
		return logDet;
	}

	private double setCholesky(int j, double[] cov, double regularisation) {
		int o = j * d * d;
		double logDet = 0;
		for (int r = 0; r < d; r++)
			for (int c = 0; c <= r; c++) {
				double s = cov[r * d + c] + (r == c ? regularisation : 0);
				for (int m = 0; m < c; m++) s -= factors[o + r * d + m] * factors[o + c * d + m];
				if (r == c) {
					// Rounding can leave a tiny negative pivot for a flat component: clamp it.
					double pivot = Math.sqrt(Math.max(s, regularisation));
					factors[o + r * d + r] = pivot;
					logDet += 2 * Math.log(pivot);
				}
				else factors[o + r * d + c] = s / factors[o + c * d + c];
			}
		return logDet;
	}

	/**
	 * Writes {@code log(w_j) + log N(x | μ_j, Σ_j)} of every component for the point at offset
	 * {@code o} of {@code x} (already centred) into {@code out}; {@code work} has length d.
	 */
	void logDensities(double[] x, int o, double[] out, double[] work) {
		for (int j = 0; j < k; j++)
			out[j] = logWeights[j] + logNorms[j] - 0.5 * (diagonal ? diagonalMahalanobis(j, x, o) : fullMahalanobis(j, x, o, work));
	}

	private double diagonalMahalanobis(int j, double[] x, int o) {
		double s = 0;
		for (int f = 0; f < d; f++) {
			double diff = x[o + f] - means[j * d + f];
			s += diff * diff / factors[j * d + f];
		}
		return s;
	}

	private double fullMahalanobis(int j, double[] x, int o, double[] y) {
		int base = j * d * d;
		double s = 0;
		// Forward substitution L y = x − μ; the squared distance is |y|².
		for (int r = 0; r < d; r++) {
			double v = x[o + r] - means[j * d + r];
			for (int c = 0; c < r; c++) v -= factors[base + r * d + c] * y[c];
			y[r] = v / factors[base + r * d + r];
			s += y[r] * y[r];
		}
		return s;
	}
}
