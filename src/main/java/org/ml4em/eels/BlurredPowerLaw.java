package org.ml4em.eels;

/**
 * The onset {@code (u)₊^b} (u = E − Eg) convolved with a unit-area resolution function, tabulated
 * once for fast look-up: {@code g(u) = Σ_k w_k·(u − s_k)₊^b} with nodes s_k and weights w_k summing
 * to 1. For a Gaussian of standard deviation σ: {@value #NODES} equally spaced nodes over ±4σ, a grid
 * of σ/{@value #PER_SIGMA} in u; for a measured {@link ResolutionKernel}: its nodes, each cell split
 * into {@value #KERNEL_SPLIT} by linear interpolation (so that a peak a few channels wide is not a
 * comb), and a grid of a fifth of the node spacing. The grid is coarser only when it would take more
 * than {@value #MAX_TABLE} steps; look-up interpolates linearly (g is smooth, so the error is below
 * 10⁻³ of g). Below the first node the value is 0; the table reaches the largest u asked for at
 * construction, beyond which each value is computed directly.
 */
final class BlurredPowerLaw {

	private static final int NODES = 41, PER_SIGMA = 20, MAX_TABLE = 8192, KERNEL_SPLIT = 4;
	private final double exponent, low, step;
	private final double[] nodes, weights, table;

	/**
	 * @param exponent b
	 * @param sigma Gaussian σ, eV, positive
	 * @param maxU largest u to tabulate, eV
	 */
	BlurredPowerLaw(double exponent, double sigma, double maxU) {
		this(exponent, gaussian(sigma), sigma / PER_SIGMA, maxU);
	}

	/**
	 * @param exponent b
	 * @param kernel the measured resolution function
	 * @param maxU largest u to tabulate, eV
	 */
	BlurredPowerLaw(double exponent, ResolutionKernel kernel, double maxU) {
		this(exponent, split(kernel), (kernel.energies()[1] - kernel.energies()[0]) / 5, maxU);
	}

	private BlurredPowerLaw(double exponent, double[][] nodesAndWeights, double finestStep, double maxU) {
		this.exponent = exponent;
		nodes = nodesAndWeights[0];
		weights = nodesAndWeights[1];
		low = nodes[0];
		// A resolution far finer than the window needs no finer table than 8192 steps across it.
		step = Math.max(finestStep, (Math.max(maxU, 0) - low) / MAX_TABLE);
		table = new double[(int) Math.ceil((Math.max(maxU, 0) - low) / step) + 2];
		for (int i = 0; i < table.length; i++) table[i] = direct(low + i * step);
	}

	private static double[][] gaussian(double sigma) {
		double[] nodes = new double[NODES], weights = new double[NODES];
		double sum = 0, spacing = 8 * sigma / (NODES - 1);
		for (int k = 0; k < NODES; k++) {
			nodes[k] = -4 * sigma + k * spacing;
			weights[k] = Math.exp(-nodes[k] * nodes[k] / (2 * sigma * sigma));
			sum += weights[k];
		}
		for (int k = 0; k < NODES; k++) weights[k] /= sum;
		return new double[][] { nodes, weights };
	}

	/** The kernel's nodes with each cell split by linear interpolation, weights renormalised. */
	private static double[][] split(ResolutionKernel kernel) {
		double[] e = kernel.energies(), w = kernel.weights();
		int n = (e.length - 1) * KERNEL_SPLIT + 1;
		double[] nodes = new double[n], weights = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			int cell = Math.min(i / KERNEL_SPLIT, e.length - 2);
			double f = (double) (i - cell * KERNEL_SPLIT) / KERNEL_SPLIT;
			nodes[i] = e[cell] + f * (e[cell + 1] - e[cell]);
			weights[i] = w[cell] + f * (w[cell + 1] - w[cell]);
			sum += weights[i];
		}
		for (int i = 0; i < n; i++) weights[i] /= sum;
		return new double[][] { nodes, weights };
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
		for (int k = 0; k < nodes.length; k++) {
			double d = u - nodes[k];
			if (d > 0) g += weights[k] * Math.pow(d, exponent);
		}
		return g;
	}
}
