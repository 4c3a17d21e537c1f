package org.ml4em.eels;

import java.util.Locale;

import org.ml4em.BadInputException;

/** The per-pixel number that thickness clustering groups pixels by. */
public enum ThicknessFeature {

	/**
	 * ln(I_total), the log of the counts summed over the whole spectrum (EELSfitter's choice):
	 * thicker areas scatter more electrons outside the spectrometer aperture, so it falls with
	 * thickness at a constant beam current.
	 */
	LOG_TOTAL_INTENSITY("log_intensity"),

	/** t/λ from the log-ratio method; independent of the beam current, noisier at low counts. */
	THICKNESS("thickness");

	private final String word;

	ThicknessFeature(String word) {
		this.word = word;
	}

	/** {@return the word users type for this feature: "log_intensity" or "thickness"} */
	public String word() {
		return word;
	}

	/**
	 * {@return the feature named by a word, any case}
	 *
	 * @param word "log_intensity" or "thickness"
	 * @throws BadInputException for any other word
	 */
	public static ThicknessFeature parse(String word) {
		String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
		for (ThicknessFeature f : values())
			if (f.word.equals(w)) return f;
		throw new BadInputException("feature='" + word + "' is not known; expected log_intensity or thickness.");
	}
}
