package org.ml4em.eels;

import java.util.Arrays;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;

/**
 * Band gap with a confidence interval from an ensemble of inelastic spectra: each Monte Carlo
 * replica of the ZLP model gives one subtracted spectrum, each is fitted by {@link BandGapFit} in
 * one common window, and the replicas' Eg give the median and the 16/84 percentile interval (68 %).
 *
 * <pre>
 * // inelastic[r][c]: measured spectrum minus replica r's ZLP, on energies[c]
 * BandGapInterval gap = BandGapEnsemble.fit(BandGapSettings.of(GapType.DIRECT).withResolution(0.6), energies, inelastic, null, 2, Progress.NONE);
 * System.out.printf("Eg = %.2f (+%.2f / -%.2f) eV, %d of %d replicas failed%n", gap.median(), gap.p84() - gap.median(),
 *     gap.median() - gap.p16(), gap.failed(), gap.replicas());
 * </pre>
 *
 * Rules: the window is the settings' window, or, when automatic, the one {@link BandGapFit#automaticWindow}
 * picks for the per-channel median of the replicas (with the per-channel median σ): one window for
 * all, so the spread reflects the replicas and not window choices, unless the caller asks for a
 * reach above the gap drawn per replica (the window choice as a source of uncertainty, see
 * {@link #fit(BandGapSettings, double[], double[][], double[][], double[], int, Progress)}). A replica whose fit is refused
 * (a {@link BadInputException}: no positive signal, invalid values) or unreliable (Eg or b on the
 * edge of its range) is counted and left out — never averaged in. Percentiles interpolate linearly
 * between order statistics (NumPy's default).
 */
public final class BandGapEnsemble {

	private BandGapEnsemble() {}

	/**
	 * Fits every replica.
	 *
	 * @param settings gap type, window (or automatic) and resolution
	 * @param energies eV, strictly increasing, one per channel
	 * @param replicas inelastic spectra {@code [replica][channel]}, at least one
	 * @param sigma σ per replica and channel, the same shape, or null for unweighted fits
	 * @param threads threads fitting replicas, at least 1
	 * @param progress fraction of replicas done; canceled between replicas
	 * @return the median, interval and counts
	 * @throws BadInputException when the automatic window cannot be found on the median spectrum, or
	 *     no replica gives a reliable Eg
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public static BandGapInterval fit(BandGapSettings settings, double[] energies, double[][] replicas, double[][] sigma, int threads,
		Progress progress)
	{
		return fit(settings, energies, replicas, sigma, null, threads, progress);
	}

	/**
	 * Fits every replica, each in a window of its own reach above the gap when the window is
	 * automatic. How far above the gap the power law holds is not known (the bands are parabolic only
	 * near it), and the fitted Eg depends on that choice by a few hundredths of an eV; drawing the
	 * reach per replica puts that dependence into the interval instead of leaving it out as a hidden
	 * bias. Replica r's window starts where the common one does and ends {@code reaches[r]} eV above
	 * the common window's Eg (instead of {@value BandGapFit#AUTOMATIC_ABOVE_EV} eV), within the data.
	 *
	 * @param settings gap type, window (or automatic) and resolution
	 * @param energies eV, strictly increasing, one per channel
	 * @param replicas inelastic spectra {@code [replica][channel]}, at least one
	 * @param sigma σ per replica and channel, the same shape, or null for unweighted fits
	 * @param reaches per replica, eV, positive; null for the common window (and ignored with a fixed window)
	 * @param threads threads fitting replicas, at least 1
	 * @param progress fraction of replicas done; canceled between replicas
	 * @return the median, interval and counts; its window is the common one
	 * @throws BadInputException when the automatic window cannot be found on the median spectrum, or
	 *     no replica gives a reliable Eg
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public static BandGapInterval fit(BandGapSettings settings, double[] energies, double[][] replicas, double[][] sigma, double[] reaches, int threads,
		Progress progress)
	{
		Objects.requireNonNull(settings, "settings");
		if (replicas.length == 0) throw new BadInputException("The ensemble has no replica; at least one inelastic spectrum is needed.");
		checkShape(energies.length, replicas, sigma);
		if (reaches != null && reaches.length != replicas.length)
			throw new BadInputException("The ensemble has " + replicas.length + " replicas but " + reaches.length + " window reaches.");
		BandGapFit fit = new BandGapFit(settings);
		FitWindow window = settings.hasAutomaticWindow() ? fit.automaticWindow(median(energies, replicas, sigma)) : settings.window();
		FitWindow[] windows = new FitWindow[replicas.length];
		double last = energies[energies.length - 1];
		for (int r = 0; r < windows.length; r++) {
			double high = reaches == null || !settings.hasAutomaticWindow() ? Double.NaN
				: Math.min(last, window.high() - BandGapFit.AUTOMATIC_ABOVE_EV + reaches[r]);
			windows[r] = high > window.low() ? new FitWindow(window.low(), high) : window;
		}
		BandGapResult[] results = new BandGapResult[replicas.length];
		ParallelRows.forEach(replicas.length, threads, progress, r -> results[r] = fitOrNull(fit, energies, replicas[r], sigma == null ? null : sigma[r], windows[r]));
		return summary(results, window);
	}

	/** The replica's fit, or null when it is refused. */
	private static BandGapResult fitOrNull(BandGapFit fit, double[] energies, double[] values, double[] sigma, FitWindow window) {
		try {
			return fit.fit(new InelasticSpectrum(energies, values, sigma), window);
		}
		catch (BadInputException refused) {
			return null;
		}
	}

	private static BandGapInterval summary(BandGapResult[] results, FitWindow window) {
		double[] gaps = new double[results.length];
		int counted = 0, refused = 0, unreliable = 0;
		for (BandGapResult r : results) {
			if (r == null) refused++;
			else if (!r.isReliable()) unreliable++;
			else gaps[counted++] = r.bandGap();
		}
		if (counted == 0)
			throw new BadInputException("None of the " + results.length + " replicas gave a reliable band gap in the window " + window + " (" + refused
				+ " refused, " + unreliable + " with Eg or b on the edge of its range).");
		gaps = Arrays.copyOf(gaps, counted);
		double[] sorted = gaps.clone();
		Arrays.sort(sorted);
		return new BandGapInterval(Percentiles.of(sorted, counted, 50), Percentiles.of(sorted, counted, 16), Percentiles.of(sorted, counted, 84), gaps,
			results.length, refused, unreliable, window);
	}

	private static void checkShape(int channels, double[][] replicas, double[][] sigma) {
		if (sigma != null && sigma.length != replicas.length)
			throw new BadInputException("The ensemble has " + replicas.length + " replicas but " + sigma.length + " σ spectra.");
		for (int r = 0; r < replicas.length; r++)
			if (replicas[r].length != channels || (sigma != null && sigma[r].length != channels))
				throw new BadInputException("Replica " + r + " does not have one value (and σ) per energy; " + channels + " are needed.");
	}

	/** The per-channel median spectrum (and median σ) of the replicas, checked as one spectrum. */
	static InelasticSpectrum median(double[] energies, double[][] replicas, double[][] sigma) {
		int n = energies.length;
		double[] values = new double[n], sigmas = sigma == null ? null : new double[n], column = new double[replicas.length];
		for (int c = 0; c < n; c++) {
			values[c] = columnMedian(replicas, c, column);
			if (sigmas != null) sigmas[c] = columnMedian(sigma, c, column);
		}
		return new InelasticSpectrum(energies, values, sigmas);
	}

	/** The median of one channel over the replicas, NaN skipped (a replica with NaN is refused later anyway). */
	private static double columnMedian(double[][] rows, int c, double[] column) {
		int n = 0;
		for (double[] row : rows) if (!Double.isNaN(row[c])) column[n++] = row[c];
		Arrays.sort(column, 0, n);
		return Percentiles.of(column, n, 50);
	}
}
