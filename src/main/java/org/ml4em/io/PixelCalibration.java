package org.ml4em.io;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The physical size of one pixel: width along x, height along y, both in {@code unit}
 * ("nm", "µm", "pixel"…). Immutable and thread-safe.
 *
 * @param pixelWidth size of a pixel along x, finite and positive
 * @param pixelHeight size of a pixel along y, finite and positive
 * @param unit the length unit of both sizes, not blank
 */
public record PixelCalibration(double pixelWidth, double pixelHeight, String unit) {

	/** One pixel per pixel: what a file without calibration means. */
	public static final PixelCalibration UNCALIBRATED = new PixelCalibration(1, 1, "pixel");

	/**
	 * Checks the values.
	 *
	 * @param pixelWidth size of a pixel along x, finite and positive
	 * @param pixelHeight size of a pixel along y, finite and positive
	 * @param unit the length unit of both sizes, not blank
	 * @throws IllegalArgumentException when a size is not finite and positive or the unit is blank
	 */
	public PixelCalibration {
		Objects.requireNonNull(unit, "unit");
		if (!(pixelWidth > 0 && pixelHeight > 0 && Double.isFinite(pixelWidth) && Double.isFinite(pixelHeight))) {
			throw new IllegalArgumentException("Pixel size " + pixelWidth + " x " + pixelHeight
				+ " is not valid; both sizes must be finite and positive.");
		}
		if (unit.isBlank()) throw new IllegalArgumentException("The calibration unit is blank; expected e.g. \"nm\".");
	}

	private static final Map<String, Double> ANGSTROM_PER_UNIT = Map.of("å", 1.0, "a", 1.0, "angstrom", 1.0, "nm", 10.0, "pm", 0.01, "µm", 1e4,
		"um", 1e4, "micron", 1e4, "microns", 1e4);

	/** {@return the pixel width in Å, or empty when the unit is not a length ImageJ or EM files use (Å, nm, pm, µm)} */
	public OptionalDouble angstromPerPixel() {
		return angstrom(pixelWidth, unit);
	}

	/** {@return a length in Å, or empty when {@code unit} is null or not Å, nm, pm or µm (any spelling ImageJ and EM files use)} */
	public static OptionalDouble angstrom(double length, String unit) {
		Double factor = unit == null ? null : ANGSTROM_PER_UNIT.get(unit.trim().toLowerCase(Locale.ROOT));
		return factor == null || !(length > 0) || !Double.isFinite(length) ? OptionalDouble.empty() : OptionalDouble.of(length * factor);
	}
}
