package org.ml4em.eels;

import java.util.Objects;

/**
 * One spectrum image for {@link ZlpAnalysis}: its thickness analysis (with classes) and the
 * acquisition setting it was recorded at.
 *
 * @param thickness the thickness analysis of the image, with clustering
 * @param setting one value per condition input of the analysis (beam energy, exposure, …); empty
 *     when only one setting is fitted
 */
public record ZlpInput(ThicknessResult thickness, double[] setting) {

	/**
	 * Checks the values.
	 *
	 * @param thickness not null
	 * @param setting not null, finite values
	 */
	public ZlpInput {
		Objects.requireNonNull(thickness, "thickness");
		setting = setting.clone();
		for (double v : setting)
			if (!Double.isFinite(v))
				throw new IllegalArgumentException("acquisition setting values must be finite");
	}

	/** {@return an image of the only setting fitted} @param thickness its thickness analysis */
	public static ZlpInput of(ThicknessResult thickness) {
		return new ZlpInput(thickness, new double[0]);
	}
}
