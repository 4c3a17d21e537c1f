package org.ml4em.eels;

import java.util.Objects;

import org.ml4em.Progress;
import org.ml4em.ProgressRange;

/**
 * Thickness analysis of a low-loss spectrum image, the first steps of EELSfitter's method: zero-loss
 * alignment, a t/λ map by the log-ratio method, and clustering of the pixels into thickness classes
 * with the median spectrum of each class.
 *
 * <pre>
 * SpectrumImage si = SignalSpectra.of(signal); // org.ml4em.commands; or any SpectrumImage
 * ThicknessResult r = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3)).run(si, progress);
 * float[] tOverLambda = r.maps().thickness();      // x fastest
 * int[] classes = r.clusters().labels();           // 0 = thinnest, −1 = not evaluated
 * double[] medianOfThinnest = r.clusterSpectra().median()[0];
 * </pre>
 *
 * <b>Alignment.</b> Each pixel's ZLP maximum is found with sub-channel precision by the parabola
 * through the highest channel and its neighbours ({@link ZeroLossPeak}); the shift map is the energy
 * of that maximum in eV. The aligned spectrum image is a lazy view ({@link AlignedSpectrumImage}).
 * <p>
 * <b>Log-ratio thickness.</b> t/λ = ln(I_total / I_ZLP) per pixel (Malis, Cheng and Egerton 1988).
 * I_total is the sum of the counts over the whole recorded spectrum, so the energy range should
 * extend well past the plasmon peaks (several times the plasmon energy for thick areas): intensity
 * beyond the range is missing from I_total and makes t/λ too small. I_ZLP is the sum of the aligned
 * spectrum over the zero-loss window [−ε, +ε]. By default ε is found per pixel, after HyperSpy's
 * "elastic threshold" idea, as the first minimum after the ZLP maximum of the lightly smoothed
 * aligned spectrum: a running mean over 2h + 1 channels, h = max(1, round(FWHM / 4 channels)) —
 * about half the ZLP's full width at half maximum, so that counting noise in the flat tail makes
 * no false early minimum; the search starts half a FWHM after the maximum and steps right until the
 * smoothed value stops falling, up to {@link ThicknessSettings#maxZlpSearch()} eV (default 10).
 * The window is then applied symmetrically. Where no minimum is found, the median ε of the other
 * pixels is used and such pixels are counted ({@link ThicknessMaps#windowFallbackPixels()}).
 * Alternatively the user gives ε in eV. Pixels without counts, with NaN values
 * or without a ZLP are NaN and counted in {@link ThicknessMaps#unevaluatedPixels()}.
 * <p>
 * <b>Clustering</b> ({@link ThicknessClustering}): 1-D K-means with a fixed seed on ln(I_total) or
 * t/λ; K given or chosen by BIC of 1-D Gaussian mixtures over K = 1 … maxClusters; labels by
 * ascending mean t/λ. <b>Class spectra</b> ({@link ClusterSpectra}): per channel median and 16/84 %
 * percentiles of the aligned spectra, from a reservoir sample of at most
 * {@link ThicknessSettings#maxSpectraPerCluster()} spectra per class (default 2000).
 * <p>
 * Memory: the input is read spectrum by spectrum (rows spread over threads; results do not depend
 * on the thread count) — once for the maps, again only for the sampled spectra and for pixels
 * needing the fallback window; held in memory are a few float maps of the image size and one class's
 * sample of spectra.
 */
public final class ThicknessAnalysis {

	private final ThicknessSettings settings;

	/**
	 * @param settings the analysis settings
	 * @throws org.ml4em.BadInputException when a setting is out of range
	 */
	public ThicknessAnalysis(ThicknessSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		settings.check();
	}

	/**
	 * Runs the analysis.
	 *
	 * @param image a low-loss spectrum image whose energy range includes the zero-loss peak
	 * @param progress status and fraction; polled for cancel in every pixel loop
	 * @return maps, aligned view, and (unless clustering is off) classes and class spectra
	 * @throws org.ml4em.BadInputException when the spectra hold no zero-loss peak, all are empty or
	 *     NaN, or K exceeds the evaluated pixels
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ThicknessResult run(SpectrumImage image, Progress progress) {
		ZeroLossAligner.requireLowLoss(image);
		boolean cluster = settings.clusters() != ThicknessSettings.NO_CLUSTERING;
		LogRatioPass pass = new LogRatioPass(image, settings);
		Progress mapsProgress = new ProgressRange(progress, 0, cluster ? 0.6 : 1.0);
		progress.status("Zero-loss alignment and log-ratio thickness");
		pass.run(new ProgressRange(mapsProgress, 0, 0.95));
		// Refuse data without any ZLP before talking about windows.
		int zero = ZeroLossAligner.zeroChannel(image, pass.peaks, pass.emptyPixels());
		ThicknessMaps maps = windows(pass, mapsProgress);
		AlignedSpectrumImage aligned = new AlignedSpectrumImage(image, pass.peaks, zero);
		if (!cluster) return new ThicknessResult(maps, aligned, null, null);
		ThicknessClusters clusters = new ThicknessClustering(settings).cluster(maps, new ProgressRange(progress, 0.6, 0.75));
		ClusterSpectra spectra = ClusterSpectra.of(aligned, clusters.labels(), clusters.k(), settings.maxSpectraPerCluster(),
			settings.seed(), settings.threads(), new ProgressRange(progress, 0.75, 1));
		return new ThicknessResult(maps, aligned, clusters, spectra);
	}

	/** The maps, once pixels where the automatic rule found no window got the median one. */
	private ThicknessMaps windows(LogRatioPass pass, Progress progress) {
		if (!settings.automaticZlpWindow()) return pass.maps(settings.zlpHalfWidth(), 0);
		int[] fallback = pass.fallbackPixels();
		double median = pass.fillFallbacks(fallback, progress);
		if (fallback.length > 0)
			progress.log(fallback.length + " pixels had no minimum after the zero-loss peak; the median window of "
				+ String.format(java.util.Locale.ROOT, "%.3g", median) + " eV was used for them.");
		progress.fraction(1);
		return pass.maps(median, fallback.length);
	}
}
