package org.ml4em.eels;

import java.util.Arrays;
import java.util.Locale;

import org.ml4em.BadInputException;

/**
 * The first guess of the automatic band-gap fit window (see {@link BandGapFit#automaticWindow}):
 * the first place where the inelastic signal is both significant and a real rise, stepped back to
 * where that rise starts.
 * <ol>
 * <li>Smooth: a moving sum S over {@value #SMOOTHING_EV} eV (at least 3 channels, an odd number),
 * with its standard deviation σ_S = √(Σσ²). Without per-point σ, σ is one value for all points,
 * estimated from the data as 1.4826·median|y_{i−1} − 2y_i + y_{i+1}|/√6 over the scanned range
 * (second differences remove a smooth signal and leave the noise).</li>
 * <li>A point belongs to the rise when S exceeds k·σ_S (it is not noise) and S is at least
 * {@value #RISE_FRACTION} of S {@value #HALF_WIDTH_EV} eV further up (it is the rise itself, not
 * the weak tail that the resolution's wings spread below the gap, which at high counts is
 * significant too). On a {@code (E − Eg)^b} onset the second test passes from
 * {@code d/(d + 1 eV) ≥ 0.1^{1/b}} above the gap: at once for b = ½, from 0.27 eV for b = 3/2.</li>
 * <li>Onset: the first point at or above {@value #SCAN_FROM_EV} eV (below, the ZLP tail hides any
 * gap at usual resolutions) from which a whole smoothing length belongs to the rise with
 * k = {@value #SIGNIFICANCE}.</li>
 * <li>Start: from the onset, step down while the points still belong to the rise with k = 1: the
 * last point where the signal is consistent with zero, or only a tail, is where the rise starts.
 * With few counts the onset lies well above the gap and the start close to it.</li>
 * <li>Window: from {@value #BELOW_START_EV} eV below the start to {@value #HALF_WIDTH_EV} eV above the
 * onset, clipped to the data and to ≥ {@value #SCAN_FROM_EV} eV; the fit then re-centres it on its
 * own Eg.</li>
 * </ol>
 * A spectrum whose signal never rises significantly is refused, and so is one that is significantly
 * negative (k = {@value #SIGNIFICANCE}, over a smoothing length) anywhere below its onset.
 */
final class OnsetWindow {

	/** Width of the moving sum, eV. */
	static final double SMOOTHING_EV = 0.3;
	/** Lowest energy scanned, eV. */
	static final double SCAN_FROM_EV = 0.5;
	/** Significance, in standard deviations of the moving sum, that the onset must reach. */
	static final double SIGNIFICANCE = 5;
	/** Least ratio of the signal at the onset to the signal one half-width further up. */
	static final double RISE_FRACTION = 0.1;
	/** Look-ahead of the rise test, and the first window's reach above the onset, eV. */
	static final double HALF_WIDTH_EV = 1.0;
	/** The first window's reach below the start of the rise, eV. */
	static final double BELOW_START_EV = 0.5;

	private OnsetWindow() {}

	/** {@return the first window} @param s the spectrum @throws BadInputException when no onset is found */
	static FitWindow find(InelasticSpectrum s) {
		double[] e = s.energies();
		int start = 0;
		while (start < e.length && e[start] < SCAN_FROM_EV) start++;
		double spacing = (e[e.length - 1] - e[0]) / (e.length - 1);
		int half = Math.max(1, (int) Math.round(SMOOTHING_EV / spacing / 2));
		if (e.length - start < 2 * half + 2)
			throw new BadInputException("The spectrum has too few points above " + SCAN_FROM_EV + " eV to find a band-gap onset.");
		double[][] smoothed = movingSum(s, start, half);
		boolean[] strong = rise(smoothed[0], smoothed[1], e, SIGNIFICANCE), weak = rise(smoothed[0], smoothed[1], e, 1);
		int onset = onset(strong, half);
		if (onset < 0)
			throw new BadInputException("The spectrum shows no significant rise above " + SCAN_FROM_EV + " eV, so no band-gap onset can be found.");
		refuseDeficit(smoothed, e, start, onset, half);
		int first = onset;
		while (first > start && weak[first - 1]) first--;
		double low = Math.max(Math.max(SCAN_FROM_EV, e[0]), e[first] - BELOW_START_EV);
		return new FitWindow(low, Math.min(e[e.length - 1], e[onset] + HALF_WIDTH_EV));
	}

	/**
	 * {@return the window from {@code below} eV under an energy to {@code above} eV over it, clipped
	 * to the data and to ≥ {@value #SCAN_FROM_EV} eV}
	 *
	 * @throws BadInputException when nothing of it is left
	 */
	static FitWindow around(InelasticSpectrum s, double energy, double below, double above) {
		double[] e = s.energies();
		double low = Math.max(Math.max(SCAN_FROM_EV, e[0]), energy - below);
		double high = Math.min(e[e.length - 1], energy + above);
		if (!(high > low)) throw new BadInputException("The band-gap onset found near " + energy + " eV lies outside the spectrum's energies.");
		return new FitWindow(low, high);
	}

	/**
	 * Refuses a spectrum that is significantly negative somewhere below its onset: an inelastic
	 * spectrum cannot be, so the zero-loss peak subtracted from it is too high there (a model not
	 * trained long enough, a wrong dE2), and what rises above that stretch, perhaps only the
	 * plasmon, is no band-gap onset to trust. Significant: a whole smoothing length with S below
	 * −k·σ_S, the mirror of the onset's own test.
	 */
	private static void refuseDeficit(double[][] smoothed, double[] e, int start, int onset, int half) {
		int run = 0;
		for (int i = start; i < onset; i++) {
			run = smoothed[0][i] < -SIGNIFICANCE * smoothed[1][i] ? run + 1 : 0;
			if (run > 2 * half)
				throw new BadInputException(String.format(Locale.ROOT,
					"The inelastic spectrum is significantly negative from %.2f to %.2f eV, below the onset found at %.2f eV: the zero-loss peak "
						+ "subtracted there is too high (a model trained too briefly, or a wrong dE2), so that onset is not trusted as a band gap.",
					e[i - 2 * half], e[i], e[onset]));
		}
	}

	/** S and σ_S at each point from {@code start} (NaN before it and where the moving sum runs off the data). */
	private static double[][] movingSum(InelasticSpectrum s, int start, int half) {
		int n = s.size();
		double[] sum = new double[n], sigma = new double[n];
		Arrays.fill(sum, Double.NaN);
		Arrays.fill(sigma, Double.NaN);
		double noise = s.hasSigma() ? Double.NaN : estimatedNoise(s.values(), start);
		for (int i = start + half; i < n - half; i++) {
			double total = 0, variance = 0;
			for (int j = i - half; j <= i + half; j++) {
				total += s.values()[j];
				variance += s.hasSigma() ? s.sigma()[j] * s.sigma()[j] : noise * noise;
			}
			sum[i] = total;
			sigma[i] = Math.sqrt(variance);
		}
		return new double[][] { sum, sigma };
	}

	/** Whether each point belongs to the rise: S &gt; k·σ_S and S ≥ {@value #RISE_FRACTION} of S one look-ahead further up. */
	private static boolean[] rise(double[] sum, double[] sigma, double[] e, double k) {
		boolean[] rise = new boolean[sum.length];
		int ahead = 0, last = lastValid(sum);
		for (int i = 0; i < sum.length; i++) {
			if (Double.isNaN(sum[i])) continue;
			while (ahead < last && e[ahead] < e[i] + HALF_WIDTH_EV) ahead++;
			rise[i] = sum[i] > k * sigma[i] && sum[i] >= RISE_FRACTION * sum[Math.max(ahead, i)];
		}
		return rise;
	}

	/** First point from which 2·half + 1 points in a row belong to the rise; −1 if none. */
	private static int onset(boolean[] rise, int half) {
		int run = 0;
		for (int i = 0; i < rise.length; i++) {
			run = rise[i] ? run + 1 : 0;
			if (run > 2 * half) return i - 2 * half;
		}
		return -1;
	}

	private static int lastValid(double[] sum) {
		int last = sum.length - 1;
		while (last > 0 && Double.isNaN(sum[last])) last--;
		return last;
	}

	/**
	 * One σ for all points from the median absolute second difference; noiseless data get a floor
	 * of 10⁻⁹ of the largest value, so that any real signal counts as significant.
	 */
	private static double estimatedNoise(double[] y, int start) {
		int n = y.length - start - 2;
		double[] d = new double[Math.max(0, n)];
		double largest = 0;
		for (int i = start; i < y.length; i++) largest = Math.max(largest, Math.abs(y[i]));
		for (int i = 0; i < n; i++) d[i] = Math.abs(y[start + i] - 2 * y[start + i + 1] + y[start + i + 2]);
		Arrays.sort(d);
		double mad = n == 0 ? 0 : Percentiles.of(d, n, 50);
		return Math.max(1.4826 * mad / Math.sqrt(6), 1e-9 * largest + Double.MIN_NORMAL);
	}
}
