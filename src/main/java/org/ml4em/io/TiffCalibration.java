package org.ml4em.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.ml4em.BadInputException;

/**
 * Pixel size and unit of a TIFF page, both ways, the way ImageJ stores them: the unit goes in
 * an ImageJ description's "unit=" line (ResolutionUnit only knows inch and cm), the pixel size
 * is the reciprocal of XResolution and YResolution. Stateless and thread-safe.
 */
final class TiffCalibration {

	private static final int RESOLUTION_NONE = 1;
	private static final int RESOLUTION_INCH = 2;
	private static final int RESOLUTION_CM = 3;
	/** Screen resolution that many writers store by default; it says nothing about the sample. */
	private static final double DEFAULT_DPI = 72;

	private static final long MAX_RATIONAL = 0xFFFF_FFFFL;
	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

	private TiffCalibration() {}

	/** The calibration of a page, {@link PixelCalibration#UNCALIBRATED} when it has none. */
	static PixelCalibration read(TiffIfd ifd, String description) throws IOException {
		double xres = ifd.number(TiffIfd.X_RESOLUTION, "XResolution");
		double yres = ifd.number(TiffIfd.Y_RESOLUTION, "YResolution");
		if (!valid(xres)) return PixelCalibration.UNCALIBRATED;
		if (!valid(yres)) yres = xres;
		int resolutionUnit = (int) ifd.integer(TiffIfd.RESOLUTION_UNIT, "ResolutionUnit", RESOLUTION_INCH);
		String unit = imageJUnit(description);
		if (unit == null) {
			boolean defaultDpi = resolutionUnit == RESOLUTION_INCH && xres == DEFAULT_DPI && yres == DEFAULT_DPI;
			if (defaultDpi || resolutionUnit == RESOLUTION_NONE) return PixelCalibration.UNCALIBRATED;
			unit = resolutionUnit == RESOLUTION_CM ? "cm" : resolutionUnit == RESOLUTION_INCH ? "inch" : null;
			if (unit == null) return PixelCalibration.UNCALIBRATED;
		}
		return new PixelCalibration(1 / xres, 1 / yres, unit);
	}

	private static boolean valid(double resolution) {
		return resolution > 0 && Double.isFinite(resolution) && Double.isFinite(1 / resolution) && 1 / resolution > 0;
	}

	/**
	 * The "unit=" value of an ImageJ description, null when there is none. ImageJ keeps the tag
	 * ASCII by writing µm as "um" or as the Java escape "\\u00B5m" (both seen in 1.54 files).
	 */
	static String imageJUnit(String description) {
		if (!description.startsWith("ImageJ=")) return null;
		for (String line : description.split("\n")) {
			if (!line.startsWith("unit=")) continue;
			String unit = unescape(line.substring("unit=".length()).trim());
			if (unit.isEmpty()) return null;
			return unit.equals("um") || unit.equals("micron") || unit.equals("microns") ? "\u00B5m" : unit;
		}
		return null;
	}

	private static String unescape(String text) {
		return UNICODE_ESCAPE.matcher(text).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
	}

	/**
	 * An ImageJ description for a stack of {@code planes} slices, with "unit=" when {@code unit}
	 * is not null, as UTF-8 without the terminating NUL.
	 */
	static byte[] description(long planes, String unit) {
		StringBuilder sb = new StringBuilder("ImageJ=").append(TiffWriter.IMAGEJ_VERSION).append('\n');
		if (planes > 1) sb.append("images=").append(planes).append("\nslices=").append(planes).append('\n');
		if (unit != null) sb.append("unit=").append(descriptionUnit(unit)).append('\n');
		if (planes > 1) sb.append("loop=false\n");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** ImageJ's spelling of a unit: "um" for micrometres, and nothing that breaks the line format. */
	private static String descriptionUnit(String unit) {
		String clean = unit.replaceAll("[\\p{Cntrl}]", " ").trim();
		return clean.equals("\u00B5m") || clean.equals("\u03BCm") ? "um" : clean;
	}

	/** ResolutionUnit for a unit: 2 for inch, 3 for cm, 1 (none, the unit is in the description) else. */
	static int resolutionUnit(String unit) {
		return unit.equals("inch") ? RESOLUTION_INCH : unit.equals("cm") ? RESOLUTION_CM : RESOLUTION_NONE;
	}

	/**
	 * Pixels per unit for a pixel size, as the closest TIFF RATIONAL {numerator, denominator}.
	 *
	 * @throws BadInputException when the value lies outside what 32-bit numerators and
	 *         denominators can express
	 */
	static long[] resolution(double pixelSize, String unit, Path file) {
		double perUnit = 1 / pixelSize;
		if (!(perUnit >= 1.0 / MAX_RATIONAL && perUnit <= MAX_RATIONAL)) {
			throw new BadInputException("Cannot write '" + file + "': a pixel size of " + pixelSize + " " + unit
				+ " cannot be stored as a TIFF resolution; express it in a unit where it lies between "
				+ (1.0 / MAX_RATIONAL) + " and " + MAX_RATIONAL + ".");
		}
		return closestRational(perUnit);
	}

	/** Continued-fraction convergents, stopped at the last one whose terms fit in 32 bits. */
	static long[] closestRational(double value) {
		long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
		double x = value;
		for (int i = 0; i < 64; i++) {
			double a = Math.floor(x);
			if (a * h1 + h0 > MAX_RATIONAL || a * k1 + k0 > MAX_RATIONAL) break;
			long h2 = (long) a * h1 + h0;
			long k2 = (long) a * k1 + k0;
			h0 = h1;
			h1 = h2;
			k0 = k1;
			k1 = k2;
			double rest = x - a;
			if (rest < 1e-12 || (double) h1 / k1 == value) break;
			x = 1 / rest;
		}
		return new long[] { h1, k1 };
	}
}
