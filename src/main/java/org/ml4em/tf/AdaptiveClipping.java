package org.ml4em.tf;

/**
 * Chooses a gradient-norm limit from the norms seen so far, in the spirit of Ede and Beanland's
 * adaptive learning-rate clipping: the limit is the running mean plus three running standard
 * deviations (exponential moving averages with decay {@value #DECAY}), so ordinary steps pass
 * untouched and only outliers are scaled down. Until {@value #WARM_UP} norms are seen there is no
 * limit. Not thread-safe.
 */
public final class AdaptiveClipping {

	static final double DECAY = 0.99;
	static final int WARM_UP = 20;

	private double mean, meanSquare;
	private int seen;

	/** {@return the limit for the next step} */
	public float limit() {
		if (seen < WARM_UP) return Float.MAX_VALUE;
		double sd = Math.sqrt(Math.max(0, meanSquare - mean * mean));
		return (float) (mean + 3 * sd);
	}

	/** Records a step's gradient norm, before clipping; non-finite norms are ignored. */
	public void record(double norm) {
		if (!Double.isFinite(norm)) return;
		// The first norms set the averages directly, so they do not start from zero.
		double a = seen < WARM_UP ? 1.0 / (seen + 1) : 1 - DECAY;
		mean += a * (norm - mean);
		meanSquare += a * (norm * norm - meanSquare);
		seen++;
	}
}
