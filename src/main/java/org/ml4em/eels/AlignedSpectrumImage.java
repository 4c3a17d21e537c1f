package org.ml4em.eels;

import java.util.Objects;

/**
 * A lazy, zero-loss-aligned view of a spectrum image: every spectrum is shifted so that its ZLP
 * maximum lies at exactly 0 eV. Nothing is copied; {@link #spectrum} reads the source spectrum
 * and resamples it by linear interpolation.
 * <p>
 * The view's energy axis has the source's scale and size, and its channel
 * {@link #zeroChannel()} is exactly 0 eV. That channel is the median ZLP position of the source,
 * rounded, so the aligned data stay inside the recorded range: a channel whose energy falls
 * outside the source's range for a given pixel is NaN ("not measured"). Pixels without a usable
 * ZLP read as all NaN. Built by {@link ZeroLossAligner} or {@link ThicknessAnalysis}.
 */
public final class AlignedSpectrumImage implements SpectrumImage {

	private final SpectrumImage source;
	private final float[] peakIndex;
	private final int zeroChannel;
	private final EnergyAxis energy;
	private final ThreadLocal<double[]> buffer;

	/**
	 * @param source the unaligned spectrum image
	 * @param peakIndex fractional ZLP channel of each pixel ({@code x + y·width}), NaN where none
	 * @param zeroChannel channel of the view that is 0 eV
	 */
	AlignedSpectrumImage(SpectrumImage source, float[] peakIndex, int zeroChannel) {
		this.source = Objects.requireNonNull(source, "source");
		this.peakIndex = peakIndex;
		this.zeroChannel = zeroChannel;
		EnergyAxis a = source.energyAxis();
		this.energy = new EnergyAxis(-zeroChannel * a.scale(), a.scale(), a.channels());
		this.buffer = ThreadLocal.withInitial(() -> new double[source.channels()]);
	}

	/** {@return the spectrum image this view aligns} */
	public SpectrumImage source() {
		return source;
	}

	/** {@return the channel of this view at exactly 0 eV} */
	public int zeroChannel() {
		return zeroChannel;
	}

	/**
	 * {@return the energy of pixel (x, y)'s ZLP maximum on the source's energy axis, in eV (0 for a
	 * perfectly calibrated spectrometer without drift), or NaN when the pixel has no usable ZLP}
	 *
	 * @param x column
	 * @param y row
	 */
	public double shift(int x, int y) {
		return source.energyAxis().energy(peakIndex[index(x, y)]);
	}

	/**
	 * {@return a new array with {@link #shift} of every pixel, x fastest: {@code [x + y·width]}, in eV}
	 */
	public float[] shiftMap() {
		float[] map = new float[peakIndex.length];
		EnergyAxis a = source.energyAxis();
		for (int p = 0; p < map.length; p++) map[p] = (float) a.energy(peakIndex[p]);
		return map;
	}

	/** {@return the number of pixels without a usable ZLP (they read as NaN)} */
	public int unalignedPixels() {
		int n = 0;
		for (float p : peakIndex) if (Float.isNaN(p)) n++;
		return n;
	}

	// -- SpectrumImage methods --

	@Override
	public int width() {
		return source.width();
	}

	@Override
	public int height() {
		return source.height();
	}

	@Override
	public int channels() {
		return source.channels();
	}

	/** {@return the aligned energy axis: scale and size of the source's, 0 eV at {@link #zeroChannel()}} */
	@Override
	public EnergyAxis energyAxis() {
		return energy;
	}

	@Override
	public void spectrum(int x, int y, double[] dst) {
		float peak = peakIndex[index(x, y)];
		int n = channels();
		if (Float.isNaN(peak)) {
			java.util.Arrays.fill(dst, 0, n, Double.NaN);
			return;
		}
		double[] raw = buffer.get();
		source.spectrum(x, y, raw);
		// Aligned channel c lies (c − zeroChannel) channels from this pixel's own maximum.
		double offset = peak - zeroChannel;
		for (int c = 0; c < n; c++) dst[c] = SpectrumSampling.at(raw, n, c + offset);
	}

	private int index(int x, int y) {
		java.util.Objects.checkIndex(x, width());
		java.util.Objects.checkIndex(y, height());
		return x + y * width();
	}
}
