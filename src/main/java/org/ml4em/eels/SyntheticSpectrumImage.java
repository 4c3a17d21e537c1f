package org.ml4em.eels;

import java.util.SplittableRandom;

import org.ml4em.Progress;

/**
 * A synthetic low-loss spectrum image from {@link SyntheticLowLoss}, computed pixel by pixel on
 * demand (so it may be far larger than memory), with its truth: the t/λ map, the band gap and the
 * ZLP shift of every pixel, and every pixel's noiseless spectrum and zero-loss peak. Reading the
 * same pixel twice gives the same spectrum. Thread-safe.
 */
public final class SyntheticSpectrumImage implements SpectrumImage {

	private final SyntheticLowLoss settings;
	private final ThicknessMap thickness;
	/** Null for one band gap everywhere: no per-pixel array for images larger than memory. */
	private final BandGapMap gaps;
	/** One model per band-gap region (index 0 alone without a band-gap map). */
	private final LowLossModel[] models;
	private final EnergyAxis energy;

	/** @param gaps band gap per pixel, or null for {@code settings.bandGap()} everywhere */
	SyntheticSpectrumImage(SyntheticLowLoss settings, ThicknessMap thickness, BandGapMap gaps) {
		this.settings = settings;
		this.thickness = thickness;
		this.gaps = gaps;
		double[] regionGaps = gaps != null ? gaps.gaps() : new double[] { settings.bandGap() };
		this.models = new LowLossModel[regionGaps.length];
		for (int r = 0; r < models.length; r++) models[r] = new LowLossModel(settings, regionGaps[r], thickness.max());
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

	/** {@return the true band gap of every pixel} (a new uniform map when one gap was simulated) */
	public BandGapMap bandGaps() {
		return gaps != null ? gaps : BandGapMap.uniform(width(), height(), settings.bandGap());
	}

	/**
	 * {@return the true band gap of pixel (x, y), eV}
	 *
	 * @param x column
	 * @param y row
	 */
	public double bandGap(int x, int y) {
		int p = index(x, y);
		return gaps != null ? gaps.gaps()[gaps.regions()[p]] : settings.bandGap();
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
		model(p).expected(thickness.tOverLambda()[p], shift(p), dst);
	}

	/**
	 * The noiseless zero-loss peak of a pixel: the expected counts of the unscattered electrons. The
	 * expected spectrum minus this is the true inelastic spectrum, what ZLP subtraction aims at.
	 *
	 * @param x column
	 * @param y row
	 * @param dst receives {@link #channels()} values
	 */
	public void expectedZeroLoss(int x, int y, double[] dst) {
		int p = index(x, y);
		model(p).expectedZeroLoss(thickness.tOverLambda()[p], shift(p), dst);
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
		model(p).expected(thickness.tOverLambda()[p], drift, dst);
		// Stream order: drift, then Poisson counts, then read noise; each draw only when switched on.
		if (settings.noise()) for (int c = 0; c < channels(); c++) dst[c] = PoissonNoise.sample(dst[c], random);
		if (settings.readNoise() > 0) for (int c = 0; c < channels(); c++) dst[c] += settings.readNoise() * random.nextGaussian();
	}

	private LowLossModel model(int pixel) {
		return gaps != null ? models[gaps.regions()[pixel]] : models[0];
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
