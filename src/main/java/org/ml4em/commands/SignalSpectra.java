package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;
import org.ml4em.io.FloatValues;

/**
 * Electron-microscopy signals as {@link SpectrumImage}s and back: the bridge between the file
 * readers of {@code org.ml4em.io} and the EELS engine, which knows nothing of files.
 *
 * <pre>
 * try (EmFile file = EmFiles.open(path)) {
 *     SpectrumImage si = SignalSpectra.of(file.signals().get(0));
 *     ...
 * }
 * </pre>
 */
public final class SignalSpectra {

	private SignalSpectra() {}

	/**
	 * A spectrum image reading the signal's values in place (nothing is copied; the signal's file
	 * must stay open while the view is used).
	 * <p>
	 * The energy axis is {@link EmSignal#energyAxis()}, the first axis calibrated in eV or keV
	 * (keV is converted to eV); it may be stored at any position. The other axes, fastest first,
	 * are x and then y: a single spectrum becomes a 1 × 1 image, a line scan (energy plus one
	 * spatial axis of n pixels) an n × 1 image.
	 *
	 * @param signal a spectrum, line scan or spectrum image with an energy axis
	 * @return the view
	 * @throws BadInputException when the signal has no energy axis, more than two axes besides it,
	 *     or values that are not real numbers
	 */
	public static SpectrumImage of(EmSignal signal) {
		Objects.requireNonNull(signal, "signal");
		List<Axis> axes = signal.axes();
		int e = signal.energyAxis();
		if (e < 0)
			throw new BadInputException("The signal '" + signal.title() + "' has no axis calibrated in eV (axes: " + describe(axes)
				+ "); expected a spectrum or spectrum image with one energy-loss axis in eV.");
		if (axes.size() > 3)
			throw new BadInputException("The signal '" + signal.title() + "' has " + axes.size() + " axes (" + describe(axes)
				+ "); expected a spectrum, a line scan or a spectrum image: an energy axis plus at most two spatial axes.");
		signal.values().requireReal();
		long[] strides = strides(axes);
		List<Integer> spatial = new ArrayList<>();
		for (int d = 0; d < axes.size(); d++)
			if (d != e) spatial.add(d);
		int width = spatial.size() > 0 ? size(axes.get(spatial.get(0))) : 1;
		int height = spatial.size() > 1 ? size(axes.get(spatial.get(1))) : 1;
		long xStride = spatial.size() > 0 ? strides[spatial.get(0)] : 0;
		long yStride = spatial.size() > 1 ? strides[spatial.get(1)] : 0;
		Axis energy = inElectronVolts(axes.get(e));
		EnergyAxis energyAxis = new EnergyAxis(energy.offset(), energy.scale(), size(energy));
		return new StoredSpectrumImage(signal.values(), energyAxis, width, height, xStride, yStride, strides[e]);
	}

	/**
	 * Computes a spectrum image into an EM signal, as a file reader would give it: axes
	 * "Energy loss" in eV (fastest), then x and y in pixels; float32 values in memory.
	 *
	 * @param image the spectrum image, e.g. a synthetic one
	 * @param title the signal's title
	 * @param acquisition the acquisition settings to record with it
	 * @param progress per row; can cancel
	 * @return the signal, of signal type "EELS"
	 * @throws ArithmeticException when the image holds more values than a Java array can
	 */
	public static EmSignal toSignal(SpectrumImage image, String title, AcquisitionInfo acquisition, Progress progress) {
		int width = image.width(), height = image.height(), channels = image.channels();
		float[] values = new float[Math.toIntExact(image.pixels() * channels)];
		double[] s = new double[channels];
		for (int y = 0; y < height; y++) {
			progress.checkCanceled();
			for (int x = 0; x < width; x++) {
				image.spectrum(x, y, s);
				int start = (x + y * width) * channels;
				for (int c = 0; c < s.length; c++) values[start + c] = (float) s[c];
			}
			progress.fraction((y + 1.0) / height);
		}
		EnergyAxis e = image.energyAxis();
		List<Axis> axes = List.of(new Axis("Energy loss", e.channels(), e.scale(), e.offset(), "eV", false),
			new Axis("x", width, 1, 0, "px", true), new Axis("y", height, 1, 0, "px", true));
		return new EmSignal(title, "EELS", axes, new FloatValues(ElementType.FLOAT32, values), acquisition, Map.of());
	}

	/** Storage strides of the axes, fastest first. */
	private static long[] strides(List<Axis> axes) {
		long[] strides = new long[axes.size()];
		long stride = 1;
		for (int d = 0; d < strides.length; d++) {
			strides[d] = stride;
			stride *= axes.get(d).size();
		}
		return strides;
	}

	private static int size(Axis axis) {
		if (axis.size() > Integer.MAX_VALUE - 8)
			throw new BadInputException("The axis '" + axis.name() + "' has " + axis.size() + " samples; at most " + (Integer.MAX_VALUE - 8) + " are supported.");
		return (int) axis.size();
	}

	private static Axis inElectronVolts(Axis axis) {
		if (axis.units().equals("eV")) return axis;
		// keV: the only other unit Axis.isEnergy accepts.
		return new Axis(axis.name(), axis.size(), axis.scale() * 1000, axis.offset() * 1000, "eV", axis.navigate());
	}

	private static String describe(List<Axis> axes) {
		StringBuilder s = new StringBuilder();
		for (Axis a : axes) {
			if (s.length() > 0) s.append(", ");
			s.append(a.name().isEmpty() ? "unnamed" : a.name()).append(" [").append(a.units()).append("] of ").append(a.size());
		}
		return s.toString();
	}
}
