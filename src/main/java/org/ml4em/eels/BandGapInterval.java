package org.ml4em.eels;

/**
 * The band gap of an ensemble of inelastic spectra (one per Monte Carlo replica of the ZLP model)
 * with its 68 % interval: the median and the 16th and 84th percentiles of the replicas' Eg, over
 * the replicas whose fit succeeded and was reliable. The array is shared; do not modify it.
 *
 * @param median median Eg, eV
 * @param p16 16th percentile of Eg, eV (lower end of the 68 % interval)
 * @param p84 84th percentile of Eg, eV (upper end)
 * @param bandGaps Eg of each counted replica, eV, in replica order
 * @param replicas number of replicas given
 * @param refused replicas whose fit was refused (no onset in the window, invalid values)
 * @param unreliable replicas whose Eg or b ended on the edge of its range (left out too)
 * @param window the window every replica was fitted in
 */
public record BandGapInterval(double median, double p16, double p84, double[] bandGaps, int replicas, int refused, int unreliable, FitWindow window) {

	/** {@return the replicas counted in the interval} */
	public int counted() {
		return bandGaps.length;
	}

	/** {@return the replicas left out: refused plus unreliable} */
	public int failed() {
		return refused + unreliable;
	}

	/** {@return half the width of the 68 % interval, eV: the ±1σ of a Gaussian spread} */
	public double halfWidth() {
		return (p84 - p16) / 2;
	}
}
