package org.ml4em.io;

import java.util.Objects;

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
}
