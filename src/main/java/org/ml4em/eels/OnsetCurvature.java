package org.ml4em.eels;

import java.util.Locale;

import org.ml4em.BadInputException;

/**
 * Whether the band-gap onset model has the curvature term: {@code A·(E − Eg)^b + B·(E − Eg)^(b+1)}
 * instead of the plain power law {@code A·(E − Eg)^b} (EELSfitter's).
 * <p>
 * The power law holds only near the gap (parabolic bands); within the 1 eV above it that a fit
 * window spans, a real onset already bends (the joint density of states saturates, the Drude and
 * angular factors fall), and B, of either sign, takes that bend to first order. An indirect onset
 * starts flat, so its Eg is read from the bend of the data: on the simulator's onset, without
 * noise, the plain law puts it 0.08 eV low, the term 0.015 eV (bench/OnsetShapeBench.java), and
 * in bench/zlp_accuracy.sh the indirect RMS error fell from 0.11 to 0.06 eV. A direct onset's steep
 * start pins Eg: the bend moves it by 0.02–0.04 eV, and the term cost more in noise than it
 * removed (RMS 0.027 → 0.041 eV), hence {@link #AUTO}. With b fitted there is no term: A·u^½ +
 * B·u^{3/2} fits any u^{3/2} onset with b = ½, so b takes the bend itself.
 */
public enum OnsetCurvature {
	/** For indirect gaps only. */
	AUTO,
	/** For direct and indirect gaps. */
	ON,
	/** Never: the plain power law. */
	OFF;

	/** {@return whether a fit of this gap type has the term} @param type the gap type */
	public boolean appliesTo(GapType type) {
		return type != GapType.FIT && (this == ON || this == AUTO && type == GapType.INDIRECT);
	}

	/**
	 * {@return the choice a word names} auto, on or off, any case; blank is auto.
	 *
	 * @param word the parameter's value
	 * @throws BadInputException for any other word
	 */
	public static OnsetCurvature parse(String word) {
		String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
		return switch (w) {
			case "", "auto" -> AUTO;
			case "on", "true", "yes" -> ON;
			case "off", "false", "no" -> OFF;
			default -> throw new BadInputException("onset_curvature='" + word + "' is not known; expected auto (indirect gaps only), on or off.");
		};
	}
}
