package org.ml4em.commands;

import java.util.Objects;

import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.io.StoredValues;

/**
 * A spectrum image over values kept in a file (or any {@link StoredValues}), in whatever order
 * the file stores its axes; nothing is copied up front. Built by {@link SignalSpectra#of}.
 * <p>
 * When x is stored fastest and energy slowest (energy planes, as DigitalMicrograph writes many
 * spectrum images), one spectrum is scattered over the whole file, one value per plane; reading
 * spectra one by one would then touch every page of a memory-mapped file once per pixel. Instead
 * the first spectrum asked for in a row reads the whole row — one contiguous run per energy
 * plane — into a per-thread buffer (at most {@value #ROW_BUFFER_VALUES} values), from which the
 * other spectra of that row are served; the analyses read row by row.
 */
final class StoredSpectrumImage implements SpectrumImage {

	private final StoredValues values;
	private final EnergyAxis energy;
	private final int width;
	private final int height;
	private final long xStride;
	private final long yStride;
	private final long energyStride;

	static final int ROW_BUFFER_VALUES = 1 << 23;

	/** Per thread: the row held ({@code y}) and its spectra, channel-major. */
	private final ThreadLocal<RowBuffer> rows;

	private static final class RowBuffer {
		int y = -1;
		final double[] values;

		RowBuffer(int size) {
			values = new double[size];
		}
	}

	StoredSpectrumImage(StoredValues values, EnergyAxis energy, int width, int height, long xStride, long yStride, long energyStride) {
		this.values = values;
		this.energy = energy;
		this.width = width;
		this.height = height;
		this.xStride = xStride;
		this.yStride = yStride;
		this.energyStride = energyStride;
		boolean planes = xStride == 1 && energyStride > 1 && (long) width * energy.channels() <= ROW_BUFFER_VALUES && width > 1;
		this.rows = planes ? ThreadLocal.withInitial(() -> new RowBuffer(width * energy.channels())) : null;
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
		if (rows == null) {
			values.readStrided(x * xStride + y * yStride, energyStride, dst, channels());
			return;
		}
		RowBuffer row = rows.get();
		if (row.y != y) {
			for (int c = 0; c < channels(); c++)
				values.read(y * yStride + c * energyStride, row.values, c * width, width);
			row.y = y;
		}
		for (int c = 0; c < channels(); c++)
			dst[c] = row.values[c * width + x];
	}
}
