package org.ml4em.eels;

/**
 * The zero-loss subtraction of one thickness class.
 *
 * @param label the class (0 thinnest)
 * @param logIntensity ln I_total the ZLP was predicted for: the median over the class's pixels
 * @param bands ZLP and inelastic signal of the class's median spectrum, median and 68 % band
 * @param bandGap Eg over the kept replicas, median and 68 % interval, with refused fits counted;
 *     null when no band gap could be fitted
 * @param bandGapProblem why there is no band gap (one sentence), or null
 */
public record ZlpClassResult(int label, double logIntensity, ZlpEnsemble bands, BandGapInterval bandGap, String bandGapProblem) {

	/** {@return whether a band gap was found} */
	public boolean hasBandGap() {
		return bandGap != null;
	}
}
