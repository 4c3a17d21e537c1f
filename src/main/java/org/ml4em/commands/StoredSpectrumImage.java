package org.ml4em.commands;

import java.util.Objects;

import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.io.StoredValues;

/**
 * A spectrum image over values kept in a file (or any {@link StoredValues}), in whatever order
 * the file stores its axes: each spectrum is one strided read, nothing is copied. Built by
 * {@link SignalSpectra#of}.
 */
final class StoredSpectrumImage implements SpectrumImage {

	private final StoredValues values;
	private final EnergyAxis energy;
	private final int width;
	private final int height;
	private final long xStride;
	private final long yStride;
	private final long energyStride;

	StoredSpectrumImage(StoredValues values, EnergyAxis energy, int width, int height, long xStride, long yStride, long energyStride) {
		this.values = values;
		this.energy = energy;
		this.width = width;
		this.height = height;
		this.xStride = xStride;
		this.yStride = yStride;
		this.energyStride = energyStride;
	}

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
		Objects.checkIndex(x, width);
		Objects.checkIndex(y, height);
		values.readStrided(x * xStride + y * yStride, energyStride, dst, channels());
	}
}
