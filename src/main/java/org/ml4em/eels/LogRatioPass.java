package org.ml4em.eels;

import java.util.Arrays;

import org.ml4em.BadInputException;
import org.ml4em.Progress;

/**
 * The one pass over all spectra of {@link ThicknessAnalysis}: per pixel the ZLP position, the
 * zero-loss window, I_ZLP, I_total and t/λ. Every pixel writes only its own slots, so rows can run
 * on any number of threads with the same result.
 */
final class LogRatioPass {

	private final SpectrumImage image;
	private final ThicknessSettings settings;
	private final int width;
	private final int channels;
	private final double scale;
	final float[] peaks;
	final float[] thickness;
	final float[] shift;
	final float[] zlp;
	final float[] total;
	final float[] epsilon;
	private final int[] emptyPerRow;

	LogRatioPass(SpectrumImage image, ThicknessSettings settings) {
		this.image = image;
		this.settings = settings;
		this.width = image.width();
		this.channels = image.channels();
		this.scale = image.energyAxis().scale();
		int n = Math.toIntExact(image.pixels());
		peaks = new float[n];
		thickness = new float[n];
		shift = new float[n];
		zlp = new float[n];
		total = new float[n];
		epsilon = new float[n];
		emptyPerRow = new int[image.height()];
	}

	/** Measures every pixel; automatic windows that found no minimum are left NaN for {@link #fillFallbacks}. */
	void run(Progress progress) {
		ParallelRows.forEach(image.height(), settings.threads(), progress, y -> {
			double[] spectrum = new double[channels];
			for (int x = 0; x < width; x++) measure(x, y, spectrum);
		});
	}

	private void measure(int x, int y, double[] s) {
		int p = x + y * width;
		image.spectrum(x, y, s);
		total[p] = (float) SpectrumSampling.sum(s, channels);
		if (!ZeroLossPeak.hasCounts(s, channels)) emptyPerRow[y]++;
		double peak = ZeroLossPeak.peakIndex(s, channels);
		peaks[p] = (float) peak;
		shift[p] = (float) image.energyAxis().energy(peak);
		double eps = Double.NaN;
		if (!Double.isNaN(peak))
			eps = settings.automaticZlpWindow() ? ZlpWindow.automaticHalfWidth(s, channels, peak, scale, settings.maxZlpSearch()) : settings.zlpHalfWidth();
		evaluate(p, s, peak, eps);
	}

	private void evaluate(int p, double[] s, double peak, double eps) {
		epsilon[p] = (float) eps;
		double izlp = Double.isNaN(eps) ? Double.NaN : ZlpWindow.intensity(s, channels, peak, scale, eps);
		zlp[p] = (float) izlp;
		double itotal = total[p];
		// Without counts in both, the log-ratio has no meaning: such pixels stay NaN.
		thickness[p] = itotal > 0 && izlp > 0 ? (float) Math.log(itotal / izlp) : Float.NaN;
	}

	/** Pixels with a ZLP but no usable ZLP window in the automatic rule. */
	int[] fallbackPixels() {
		int n = 0;
		for (int p = 0; p < peaks.length; p++) if (!Float.isNaN(peaks[p]) && Float.isNaN(epsilon[p])) n++;
		int[] list = new int[n];
		n = 0;
		for (int p = 0; p < peaks.length; p++) if (!Float.isNaN(peaks[p]) && Float.isNaN(epsilon[p])) list[n++] = p;
		return list;
	}

	/**
	 * Gives the pixels where the automatic rule found no minimum the median ε of the others, re-reading
	 * only those spectra.
	 *
	 * @return the median ε in eV
	 * @throws BadInputException when the rule found no minimum in any spectrum
	 */
	double fillFallbacks(int[] fallback, Progress progress) {
		double median = medianEpsilon();
		if (Double.isNaN(median))
			throw new BadInputException(String.format(java.util.Locale.ROOT,
				"No spectrum has a minimum within %.3g eV after its zero-loss peak, so the zero-loss window cannot be found automatically; "
					+ "give its half-width in eV instead.", settings.maxZlpSearch()));
		double[] s = new double[channels];
		for (int i = 0; i < fallback.length; i++) {
			progress.checkCanceled();
			int p = fallback[i];
			image.spectrum(p % width, p / width, s);
			evaluate(p, s, peaks[p], median);
		}
		return median;
	}

	/** {@return the median of the finite ε values, NaN if there are none} */
	double medianEpsilon() {
		float[] v = new float[epsilon.length];
		int n = 0;
		for (float e : epsilon) if (!Float.isNaN(e)) v[n++] = e;
		if (n == 0) return Double.NaN;
		Arrays.sort(v, 0, n);
		return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
	}

	int emptyPixels() {
		return Arrays.stream(emptyPerRow).sum();
	}

	/** {@return the maps, once {@link #run} and, for the automatic window, {@link #fillFallbacks} are done} */
	ThicknessMaps maps(double medianEpsilon, int fallbackPixels) {
		int unevaluated = 0;
		for (float t : thickness) if (Float.isNaN(t)) unevaluated++;
		return new ThicknessMaps(width, image.height(), thickness, shift, zlp, total, epsilon, medianEpsilon,
			settings.automaticZlpWindow(), fallbackPixels, unevaluated);
	}
}
