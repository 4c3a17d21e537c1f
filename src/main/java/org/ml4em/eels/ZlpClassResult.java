package org.ml4em.eels;

/**
 * The zero-loss subtraction of one thickness class.
 *
 * @param label the class, numbered over all input images (the first image's classes first, 0 its thinnest)
 * @param logIntensity ln I_total the ZLP was predicted for: the median over the class's pixels
 * @param bands ZLP and inelastic signal of the class's median spectrum, median and 68 % band
 * @param bandGap Eg over the kept replicas, median and 68 % interval, with refused fits counted;
 *     null when no band gap could be fitted
 * @param bandGapProblem why there is no band gap (one sentence), or null
 * @param source which input image the class belongs to (0 for the first)
 * @param setting that image's acquisition setting, one value per condition input (empty for none)
 */
public record ZlpClassResult(int label, double logIntensity, ZlpEnsemble bands, BandGapInterval bandGap, String bandGapProblem, int source,
	double[] setting)
{

	/**
	 * A class of the only input image.
	 *
	 * @param label the class
	 * @param logIntensity ln I_total the ZLP was predicted for
	 * @param bands ZLP and inelastic bands
	 * @param bandGap Eg interval, or null
	 * @param bandGapProblem why there is no band gap, or null
	 */
	public ZlpClassResult(int label, double logIntensity, ZlpEnsemble bands, BandGapInterval bandGap, String bandGapProblem) {
		this(label, logIntensity, bands, bandGap, bandGapProblem, 0, new double[0]);
	}

	/** {@return whether a band gap was found} */
	public boolean hasBandGap() {
		return bandGap != null;
	}
}
