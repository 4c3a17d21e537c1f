package org.ml4em.eels;

import java.util.Arrays;

import org.ml4em.BadInputException;
import org.ml4em.Progress;

/**
 * Zero-loss alignment: finds every pixel's ZLP maximum with sub-channel precision (see
 * {@link ZeroLossPeak}) and returns the spectrum image shifted so that each ZLP lies at 0 eV, as
 * a lazy view.
 *
 * <pre>
 * AlignedSpectrumImage aligned = new ZeroLossAligner(2).align(image, progress);
 * float[] shifts = aligned.shiftMap(); // eV, x fastest
 * </pre>
 *
 * One pass reads every spectrum once; only the ZLP positions (one float per pixel) are kept.
 */
public final class ZeroLossAligner {

	private final int threads;

	/** @param threads threads reading spectra, at least 1 */
	public ZeroLossAligner(int threads) {
		if (threads < 1) throw new BadInputException("threads must be at least 1 (got " + threads + ").");
		this.threads = threads;
	}

	/**
	 * Locates every pixel's ZLP and returns the aligned view.
	 *
	 * @param image a low-loss spectrum image whose energy range includes 0 eV
	 * @param progress fraction of rows done; can cancel
	 * @return the aligned view; pixels without a usable ZLP read as NaN there
	 * @throws BadInputException when the energy range cannot hold a ZLP or no pixel has one
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public AlignedSpectrumImage align(SpectrumImage image, Progress progress) {
		requireLowLoss(image);
		int width = image.width(), channels = image.channels();
		float[] peaks = new float[Math.toIntExact(image.pixels())];
		int[] empty = new int[image.height()];
		progress.status("Locating the zero-loss peak of " + image.pixels() + " spectra");
		ParallelRows.forEach(image.height(), threads, progress, y -> {
			double[] spectrum = new double[channels];
			for (int x = 0; x < width; x++) {
				image.spectrum(x, y, spectrum);
				if (!ZeroLossPeak.hasCounts(spectrum, channels)) empty[y]++;
				peaks[x + y * width] = (float) ZeroLossPeak.peakIndex(spectrum, channels);
			}
		});
		return new AlignedSpectrumImage(image, peaks, zeroChannel(image, peaks, Arrays.stream(empty).sum()));
	}

	/**
	 * Refuses spectrum images that cannot hold a zero-loss peak.
	 *
	 * @throws BadInputException when there are fewer than 3 channels, the energy scale is not
	 *     positive, or the energy range does not include 0 eV
	 */
	static void requireLowLoss(SpectrumImage image) {
		EnergyAxis e = image.energyAxis();
		if (image.channels() < 3)
			throw new BadInputException("The spectra have " + image.channels() + " energy channels; locating the zero-loss peak needs at least 3.");
		if (!(e.scale() > 0) || !Double.isFinite(e.offset()))
			throw new BadInputException("The energy axis has a step of " + e.scale() + " eV and an offset of " + e.offset()
				+ " eV; expected a positive step and a finite offset.");
		double first = e.energy(0), last = e.energy(image.channels() - 1);
		if (first > 0 || last < 0)
			throw new BadInputException(String.format(java.util.Locale.ROOT,
				"The energy axis runs from %.4g to %.4g eV and does not include 0 eV, so the spectra hold no zero-loss peak; "
					+ "expected a low-loss spectrum image recorded across 0 eV.", first, last));
	}

	/**
	 * The aligned view's 0 eV channel: the median ZLP position, rounded.
	 *
	 * @param emptyPixels pixels whose spectrum had NaN values or no positive count, for the message
	 * @throws BadInputException when no pixel has a usable ZLP
	 */
	static int zeroChannel(SpectrumImage image, float[] peaks, int emptyPixels) {
		float[] found = new float[peaks.length];
		int n = 0;
		for (float p : peaks) if (!Float.isNaN(p)) found[n++] = p;
		if (n == 0) throw noPeak(image, peaks.length, emptyPixels);
		Arrays.sort(found, 0, n);
		double median = n % 2 == 1 ? found[n / 2] : 0.5 * (found[n / 2 - 1] + found[n / 2]);
		return (int) Math.round(median);
	}

	private static BadInputException noPeak(SpectrumImage image, int pixels, int emptyPixels) {
		EnergyAxis e = image.energyAxis();
		if (emptyPixels == pixels)
			return new BadInputException("All " + pixels + " spectra are empty (no positive count) or contain NaN values; "
				+ "expected low-loss spectra with a zero-loss peak.");
		return new BadInputException(String.format(java.util.Locale.ROOT,
			"No spectrum has a zero-loss peak: in each of the %d spectra with counts the maximum lies on the first or last channel "
				+ "(%.4g or %.4g eV); expected a low-loss spectrum image whose maximum is the zero-loss peak inside the recorded range.",
			pixels - emptyPixels, e.energy(0), e.energy(image.channels() - 1)));
	}
}
