package org.ml4em.io.dm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ml4em.io.Axis;

/**
 * The calibrated axes of a DM image, named and split into navigation and signal axes the way
 * HyperSpy does it, so that users see the same axes in ML4EM and in Python.
 * <ul>
 * <li>Calibration: entry i of {@code ImageData.Calibrations.Dimension} belongs to dimension i
 * (fastest first); offset = −Origin × Scale; missing entries mean scale 1, offset 0, no unit.
 * <li>Names: the spectral axis is "Energy loss" (EELS, unit eV), "Energy" (EDS, keV) or
 * "Wavelength" (CL, nm) — when several axes have that unit, the slowest; the other axes are
 * "x", "y", "z" from the fastest, and "" beyond three.
 * <li>Navigation: a spectral axis is the signal axis and all others navigate. Otherwise a
 * spectrum (1-D, or 2-D whose Meta Data Format says spectrum) has its fastest axis as signal; a
 * spectrum image of more dimensions its slowest (DM stores spectrum images as a stack of energy
 * planes); an image its two fastest axes.
 * </ul>
 */
final class DmAxes {

	private static final String[] SPATIAL = { "x", "y", "z" };

	private DmAxes() {}

	/**
	 * {@return the axes, fastest first}
	 *
	 * @param shape sizes from ImageData.Dimensions, fastest first
	 * @param imageData the ImageData group
	 * @param signalType the signal type (see {@link DmImage#signalType})
	 * @param format ImageTags.Meta Data.Format, or "Spectrum image" for Orsay's spim files, or null
	 */
	static List<Axis> of(long[] shape, Map<String, Object> imageData, String signalType, String format) {
		List<Map<String, Object>> calibrations = calibrations(imageData);
		String[] units = new String[shape.length];
		for (int d = 0; d < shape.length; d++) {
			String u = d < calibrations.size() ? DmTags.text(calibrations.get(d), "Units") : null;
			units[d] = u == null ? "" : u;
		}
		int spectral = spectralAxis(signalType, units);
		String[] names = names(shape.length, spectral, signalType);
		List<Axis> axes = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			Map<String, Object> c = d < calibrations.size() ? calibrations.get(d) : Map.of();
			double scale = orDefault(DmTags.number(c, "Scale"), 1);
			double origin = orDefault(DmTags.number(c, "Origin"), 0);
			double offset = origin == 0 ? 0 : -origin * scale; // not HyperSpy's −0.0
			axes.add(new Axis(names[d], shape[d], scale, offset, units[d],
				navigate(d, shape.length, spectral, format)));
		}
		return axes;
	}

	/** {@return the index of the spectral axis (energy, wavelength), −1 when there is none} */
	static int spectralAxis(String signalType, String[] units) {
		String unit = switch (signalType) {
			case "EELS" -> "eV";
			case "EDS_TEM", "EDS", "EDX" -> "keV";
			case "CL" -> "nm";
			default -> null;
		};
		// HyperSpy searches from the slowest axis (its first array index).
		for (int d = units.length - 1; d >= 0 && unit != null; d--)
			if (units[d].equals(unit))
				return d;
		return -1;
	}

	private static String[] names(int n, int spectral, String signalType) {
		String[] names = new String[n];
		int next = 0;
		for (int d = 0; d < n; d++) {
			if (d == spectral)
				names[d] = switch (signalType) {
					case "EELS" -> "Energy loss";
					case "CL" -> "Wavelength";
					default -> "Energy";
				};
			else
				names[d] = next < SPATIAL.length ? SPATIAL[next++] : "";
		}
		return names;
	}

	/** {@return whether axis d of n navigates; see the class comment} */
	static boolean navigate(int d, int n, int spectral, String format) {
		if (spectral >= 0)
			return d != spectral;
		boolean spectrumImage = "Spectrum image".equals(format);
		if (n == 1 || n == 2 && (spectrumImage || "Spectrum".equals(format)))
			return d != 0;
		if (spectrumImage)
			return d != n - 1;
		return d >= 2;
	}

	private static List<Map<String, Object>> calibrations(Map<String, Object> imageData) {
		List<Map<String, Object>> list = new ArrayList<>();
		Map<String, Object> dimension = DmTags.group(imageData, "Calibrations", "Dimension");
		if (dimension == null)
			return list;
		for (String name : dimension.keySet()) {
			Map<String, Object> entry = DmTags.group(dimension, name);
			list.add(entry == null ? Map.of() : entry);
		}
		return list;
	}

	private static double orDefault(Double value, double fallback) {
		return value == null ? fallback : value;
	}
}
