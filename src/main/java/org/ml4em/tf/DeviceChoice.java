package org.ml4em.tf;

import java.util.Locale;

import org.ml4em.BadInputException;

/** The device a user asks for: {@code auto} (GPU when one is usable, else CPU), {@code cpu} or {@code gpu}. */
public enum DeviceChoice {
	AUTO, CPU, GPU;

	/**
	 * Parses the user's word ({@code auto|cpu|gpu}, any case).
	 *
	 * @throws BadInputException for any other word, naming the accepted ones
	 */
	public static DeviceChoice parse(String word) {
		if (word == null || word.isBlank()) return AUTO;
		try {
			return valueOf(word.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("device='" + word + "' is not known; expected auto, cpu or gpu.");
		}
	}

	/** The lower-case word users type. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}
}
