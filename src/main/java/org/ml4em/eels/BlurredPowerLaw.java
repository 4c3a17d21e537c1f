package org.ml4em.eels;

/**
 * The onset {@code (u)₊^b} (u = E − Eg) convolved with a unit-area Gaussian of standard deviation
 * σ, tabulated once for fast look-up: {@code g(u) = Σ_k w_k·(u − s_k)₊^b} with {@value #NODES}
 * equally spaced nodes s_k over ±4σ and Gaussian weights w_k summing to 1, on a grid of σ/{@value #PER_SIGMA}
 * in u (coarser only when that would take more than {@value #MAX_TABLE} steps) with linear
 * interpolation (g is smooth, so the look-up error is below 10⁻³ of g). Below −4σ
 * the value is 0; the table reaches the largest u asked for at construction, beyond which each
 * value is computed directly.
 */
final class BlurredPowerLaw {

	private static final int NODES = 41, PER_SIGMA = 20, MAX_TABLE = 8192;
	private final double exponent, low, step;
	private final double[] nodes = new double[NODES], weights = new double[NODES], table;

	/**
	 * @param exponent b
	 * @param sigma Gaussian σ, eV, positive
	 * @param maxU largest u to tabulate, eV
	 */
	BlurredPowerLaw(double exponent, double sigma, double maxU) {
		this.exponent = exponent;
		double sum = 0, spacing = 8 * sigma / (NODES - 1);
		for (int k = 0; k < NODES; k++) {
			nodes[k] = -4 * sigma + k * spacing;
			weights[k] = Math.exp(-nodes[k] * nodes[k] / (2 * sigma * sigma));
			sum += weights[k];
		}
		for (int k = 0; k < NODES; k++) weights[k] /= sum;
		low = -4 * sigma;
		// A resolution far finer than the window needs no finer table than 8192 steps across it.
		step = Math.max(sigma / PER_SIGMA, (Math.max(maxU, 0) - low) / MAX_TABLE);
		table = new double[(int) Math.ceil((Math.max(maxU, 0) - low) / step) + 2];
		for (int i = 0; i < table.length; i++) table[i] = direct(low + i * step);
	}

	/** {@return b} */
	double exponent() {
		return exponent;
	}

	/** {@return g(u)} @param u E − Eg, eV */
	double value(double u) {
		double position = (u - low) / step;
		if (position <= 0) return 0;
		int i = (int) position;
		if (i + 1 >= table.length) return direct(u);
		return table[i] + (position - i) * (table[i + 1] - table[i]);
	}

	private double direct(double u) {
		double g = 0;
		for (int k = 0; k < NODES; k++) {
			double d = u - nodes[k];
			if (d > 0) g += weights[k] * Math.pow(d, exponent);
		}
		return g;
	}
}
