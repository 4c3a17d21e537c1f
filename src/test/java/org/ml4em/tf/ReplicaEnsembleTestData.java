package org.ml4em.tf;

import java.util.Random;

import org.ml4em.tf.MlpShape.Activation;

/**
 * Seeded synthetic data for the ensemble tests: the logarithm of a Gaussian peak over the energy
 * loss, ln I = ln A − ΔE² / (2 s²), with inputs (ΔE, ln A) scaled to [0.1, 0.9] as the ZLP network
 * takes them, and Gaussian noise of σ on ln I. Every fourth point is a validation point.
 */
final class ReplicaEnsembleTestData {

	/** The ZLP network: 2 inputs, hidden 10-15-5 (sigmoid, sigmoid, ReLU), linear output. */
	static final MlpShape ZLP = MlpShape.of(2, new int[] { 10, 15, 5 }, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);

	static final float SIGMA = 0.05f;

	private ReplicaEnsembleTestData() {}

	/**
	 * The arrays a {@link ReplicaData} is built from, kept so tests can change them and compute
	 * χ² on their own.
	 */
	record Arrays(float[][][] x, float[][] y, float[][] sigma, float[][] train, float[][] validation) {
		ReplicaData data() {
			return new ReplicaData(x, y, sigma, train, validation);
		}

		/** Replica r's χ² per weighted point for the given predictions at its own inputs. */
		double chi2(int r, float[] prediction, boolean validationSet) {
			float[] w = validationSet ? validation[r] : train[r];
			double sum = 0, weight = 0;
			for (int n = 0; n < w.length; n++) {
				double d = (prediction[n] - y[r][n]) / sigma[r][n];
				if (w[n] > 0) sum += w[n] * d * d;
				weight += w[n];
			}
			return sum / weight;
		}
	}

	/** ΔE in [−1, 1] eV over {@code points} channels, peak width 0.3 eV, amplitude e^(2 + (r mod 4)/2) for replica r. */
	static ReplicaData gaussianPeaks(int replicas, int points, long seed) {
		return gaussianPeakArrays(replicas, points, seed).data();
	}

	/** The arrays of {@link #gaussianPeaks}. */
	static Arrays gaussianPeakArrays(int replicas, int points, long seed) {
		Random random = new Random(seed);
		Arrays a = new Arrays(new float[replicas][points][2], new float[replicas][points], new float[replicas][points],
			new float[replicas][points], new float[replicas][points]);
		for (int r = 0; r < replicas; r++) {
			double lnA = 2 + 0.5 * (r % 4);
			for (int n = 0; n < points; n++) {
				double e = -1 + 2.0 * n / (points - 1);
				a.x[r][n][0] = (float) scale(e, -1, 1);
				a.x[r][n][1] = (float) scale(lnA, 2, 3.5);
				a.y[r][n] = (float) (lnA - e * e / (2 * 0.3 * 0.3) + SIGMA * random.nextGaussian());
				a.sigma[r][n] = SIGMA;
				boolean isValidation = n % 4 == 3;
				a.train[r][n] = isValidation ? 0 : 1;
				a.validation[r][n] = isValidation ? 1 : 0;
			}
		}
		return a;
	}

	/** Maps [lo, hi] onto [0.1, 0.9], the input range of the ZLP network. */
	static double scale(double v, double lo, double hi) {
		return 0.1 + 0.8 * (v - lo) / (hi - lo);
	}

	/** {@code points} scaled inputs along ΔE at the amplitude of replica 0. */
	static float[][] grid(int points) {
		float[][] x = new float[points][2];
		for (int n = 0; n < points; n++) {
			x[n][0] = (float) scale(-1 + 2.0 * n / (points - 1), -1, 1);
			x[n][1] = (float) scale(2, 2, 3.5);
		}
		return x;
	}
}
