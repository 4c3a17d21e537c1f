package org.ml4em.eels;

import java.util.SplittableRandom;

import org.ml4em.Progress;

/**
 * A synthetic low-loss spectrum image from {@link SyntheticLowLoss}, computed pixel by pixel on
 * demand (so it may be far larger than memory), with its truth: the t/λ map and the ZLP shift of
 * every pixel. Reading the same pixel twice gives the same spectrum. Thread-safe.
 */
public final class SyntheticSpectrumImage implements SpectrumImage {

	private final SyntheticLowLoss settings;
	private final ThicknessMap thickness;
	private final LowLossModel model;
	private final EnergyAxis energy;

	SyntheticSpectrumImage(SyntheticLowLoss settings, ThicknessMap thickness) {
		this.settings = settings;
		this.thickness = thickness;
		this.model = new LowLossModel(settings, thickness.max());
		this.energy = new EnergyAxis(settings.energyOffset(), settings.energyScale(), settings.channels());
	}

	/** {@return the generator settings} */
	public SyntheticLowLoss settings() {
		return settings;
	}

	/** {@return the true t/λ map} */
	public ThicknessMap thickness() {
		return thickness;
	}

	/**
	 * {@return the true ZLP position of pixel (x, y), eV}
	 *
	 * @param x column
	 * @param y row
	 */
	public double shift(int x, int y) {
		return shift(index(x, y));
	}

	/** {@return a new array with the true ZLP position of every pixel, eV, x fastest} */
	public float[] shiftMap() {
		float[] map = new float[thickness.tOverLambda().length];
		for (int p = 0; p < map.length; p++) map[p] = (float) shift(p);
		return map;
	}

	/**
	 * The noiseless spectrum of a pixel: the expected counts.
	 *
	 * @param x column
	 * @param y row
	 * @param dst receives {@link #channels()} values
	 */
	public void expectedSpectrum(int x, int y, double[] dst) {
		int p = index(x, y);
		model.expected(thickness.tOverLambda()[p], shift(p), dst);
	}

	/**
	 * Computes every spectrum into memory, as float, for data read many times.
	 *
	 * @param progress per row; can cancel
	 * @return the copy
	 */
	public ArraySpectrumImage toArray(Progress progress) {
		return ArraySpectrumImage.copyOf(this, progress);
	}

	// -- SpectrumImage methods --

	@Override
	public int width() {
		return thickness.width();
	}

	@Override
	public int height() {
		return thickness.height();
	}

	@Override
	public int channels() {
		return settings.channels();
	}

	@Override
	public EnergyAxis energyAxis() {
		return energy;
	}

	@Override
	public void spectrum(int x, int y, double[] dst) {
		int p = index(x, y);
		SplittableRandom random = random(p);
		double drift = drift(random);
		model.expected(thickness.tOverLambda()[p], drift, dst);
		if (!settings.noise()) return;
		for (int c = 0; c < channels(); c++) dst[c] = PoissonNoise.sample(dst[c], random);
	}

	private double shift(int pixel) {
		return drift(random(pixel));
	}

	/** The first draw of a pixel's stream is its drift; the noise follows. */
	private double drift(SplittableRandom random) {
		return settings.maxDrift() * (2 * random.nextDouble() - 1);
	}

	private SplittableRandom random(int pixel) {
		return new SplittableRandom(mix(settings.seed() ^ mix(pixel + 0x632BE59BD9B4E019L)));
	}

	/** Stafford's variant 13 of the MurmurHash3 finaliser: decorrelates neighbouring pixels' seeds. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private int index(int x, int y) {
		java.util.Objects.checkIndex(x, width());
		java.util.Objects.checkIndex(y, height());
		return x + y * width();
	}
}
