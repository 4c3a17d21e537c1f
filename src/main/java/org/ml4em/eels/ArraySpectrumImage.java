package org.ml4em.eels;

import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;

/**
 * A spectrum image held in memory as floats, energy fastest: the value of channel {@code c} of
 * pixel {@code (x, y)} is at {@code (x + y·width)·channels + c}. Meant for computed and synthetic
 * data; measured data stay in their file (see {@code org.ml4em.commands.SignalSpectra}).
 * <p>
 * Reading is thread-safe; {@link #setSpectrum} is not, and must not run while others read.
 */
public final class ArraySpectrumImage implements SpectrumImage {

	private final int width;
	private final int height;
	private final EnergyAxis energy;
	private final float[] values;

	/**
	 * Wraps values without copying them.
	 *
	 * @param width pixels along x, at least 1
	 * @param height pixels along y, at least 1
	 * @param energy energy axis in eV; its number of channels is the spectra's
	 * @param values {@code width·height·channels} values, energy fastest
	 * @throws IllegalArgumentException when the sizes disagree
	 */
	public ArraySpectrumImage(int width, int height, EnergyAxis energy, float[] values) {
		this.energy = Objects.requireNonNull(energy, "energy");
		this.values = Objects.requireNonNull(values, "values");
		if (width < 1 || height < 1)
			throw new IllegalArgumentException("a spectrum image needs at least 1 x 1 pixels, got " + width + " x " + height);
		if ((long) width * height * energy.channels() != values.length)
			throw new IllegalArgumentException(width + " x " + height + " x " + energy.channels() + " values expected, got " + values.length);
		this.width = width;
		this.height = height;
	}

	/**
	 * An image of zeros, to be filled with {@link #setSpectrum}.
	 *
	 * @param width pixels along x
	 * @param height pixels along y
	 * @param energy energy axis in eV
	 * @return the new image
	 * @throws BadInputException when it would hold more values than a Java array can
	 */
	public static ArraySpectrumImage zeros(int width, int height, EnergyAxis energy) {
		long n = (long) width * height * energy.channels();
		if (n > Integer.MAX_VALUE - 8)
			throw new BadInputException("A spectrum image of " + width + " x " + height + " x " + energy.channels()
				+ " values is too large to hold in memory; at most " + (Integer.MAX_VALUE - 8) + " values can be.");
		return new ArraySpectrumImage(width, height, energy, new float[(int) Math.max(n, 0)]);
	}

	/**
	 * Copies any spectrum image into memory, e.g. to read a computed one many times.
	 *
	 * @param source the spectrum image to copy
	 * @param progress reports progress per row, can cancel
	 * @return the copy
	 * @throws BadInputException when the copy would not fit in a Java array
	 */
	public static ArraySpectrumImage copyOf(SpectrumImage source, Progress progress) {
		ArraySpectrumImage copy = zeros(source.width(), source.height(), source.energyAxis());
		double[] spectrum = new double[source.channels()];
		for (int y = 0; y < source.height(); y++) {
			progress.checkCanceled();
			for (int x = 0; x < source.width(); x++) {
				source.spectrum(x, y, spectrum);
				copy.setSpectrum(x, y, spectrum);
			}
			progress.fraction((y + 1.0) / source.height());
		}
		return copy;
	}

	/**
	 * Replaces the spectrum of one pixel (stored as float).
	 *
	 * @param x column
	 * @param y row
	 * @param src {@link #channels()} values from index 0
	 */
	public void setSpectrum(int x, int y, double[] src) {
		int start = start(x, y);
		for (int c = 0; c < channels(); c++)
			values[start + c] = (float) src[c];
	}

	// -- SpectrumImage methods --

	@Override
	public int width() {
		return width;
	}

	@Override
	public int height() {
		return height;
	}

	@Override
	public int channels() {
		return energy.channels();
	}

	@Override
	public EnergyAxis energyAxis() {
		return energy;
	}

	@Override
	public void spectrum(int x, int y, double[] dst) {
		int start = start(x, y);
		for (int c = 0; c < channels(); c++)
			dst[c] = values[start + c];
	}

	private int start(int x, int y) {
		Objects.checkIndex(x, width);
		Objects.checkIndex(y, height);
		return (x + y * width) * channels();
	}
}
