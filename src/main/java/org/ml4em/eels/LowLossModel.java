package org.ml4em.eels;

/**
 * The noiseless low-loss spectrum of {@link SyntheticLowLoss} for one band gap, any t/λ and ZLP
 * shift, with the plural-scattering terms precomputed once.
 * <p>
 * On a fine grid ({@code step} = a quarter channel) the single-scattering distribution s(E) is
 * normalised to unit area and its n-fold self-convolutions s⊗…⊗s are formed for n = 1 … N. When
 * the ZLP shape does not depend on thickness, each is convolved once with the (unit-area,
 * ±{@code zlpReach} eV) ZLP shape: g_n = z ⊗ s^{⊗n}, and a spectrum is
 * {@code B·scale·[e^{−t} z(E − δ) + Σ_n e^{−t} tⁿ/n! · g_n(E − δ)]}, with the ZLP evaluated exactly
 * and g_n interpolated linearly between grid points. When the ZLP widens with thickness the
 * weighted sum Σ_n e^{−t} tⁿ/n!·s^{⊗n} is blurred per spectrum with that pixel's ZLP instead.
 */
final class LowLossModel {

	private final SyntheticLowLoss settings;
	private final double step;
	/** Grid index of the first recorded point (of {@link #folded}): energy {@code (first + i)·step}. */
	private final int first;
	/** Recorded grid points, plus one for the interpolation. */
	private final int count;
	/** s^{⊗n} from E = 0, n = 1 … N at index n − 1; kept only when the ZLP widens with thickness. */
	private final double[][] powers;
	/** g_n on the recorded grid, n = 1 … N at index n − 1; only when the ZLP is the same everywhere. */
	private final double[][] folded;

	LowLossModel(SyntheticLowLoss settings, double bandGap, double maxThickness) {
		this.settings = settings;
		this.step = settings.energyScale() / 4;
		double low = settings.energyOffset() - settings.maxDrift() - 2 * settings.energyScale();
		double high = settings.lastEnergy() + settings.maxDrift() + 2 * settings.energyScale();
		this.first = (int) Math.floor(low / step);
		this.count = (int) Math.ceil(high / step) - first + 1;
		// The widest ZLP of the image decides how far beyond the recorded range losses must be known.
		double reach = zlpReach(settings.zlpFwhm(maxThickness));
		double[] single = singleScattering(bandGap, (int) Math.ceil((high + reach) / step) + 1);
		double[][] power = new double[orders(maxThickness)][];
		power[0] = single;
		for (int n = 2; n <= power.length; n++) power[n - 1] = convolveLosses(power[n - 2], single);
		if (settings.zlpWidthGrowth() == 0) {
			double[] kernel = zlpKernel(settings.zlpShape(0), (int) Math.ceil(reach / step));
			folded = new double[power.length][];
			for (int n = 0; n < power.length; n++) folded[n] = blur(power[n], kernel, count);
			powers = null;
		} else {
			folded = null;
			powers = power;
		}
	}

	/**
	 * Writes the expected counts of every channel.
	 *
	 * @param t t/λ
	 * @param shift ZLP position in eV
	 * @param dst receives {@code channels} expected counts
	 */
	void expected(double t, double shift, double[] dst) {
		double[] weight = orderWeights(t);
		double[][] terms = folded;
		if (terms == null) {
			// One blur of the summed orders with this thickness's ZLP; its weight is then 1.
			terms = new double[][] { blurredLosses(t, weight) };
			weight = new double[] { 1 };
		}
		ZlpShape zlp = settings.zlpShape(t);
		double beam = settings.beamCounts() * Math.exp(-settings.apertureLoss() * t) * settings.energyScale();
		for (int c = 0; c < settings.channels(); c++) {
			double e = settings.energyOffset() + c * settings.energyScale() - shift;
			double position = e / step - first;
			int i = (int) Math.floor(position);
			double f = position - i, inelastic = 0;
			for (int n = 0; n < terms.length; n++) inelastic += weight[n] * (terms[n][i] + f * (terms[n][i + 1] - terms[n][i]));
			dst[c] = beam * (Math.exp(-t) * zlp.density(e) + inelastic);
		}
	}

	/**
	 * Writes the expected counts of the zero-loss peak alone (the unscattered electrons).
	 *
	 * @param t t/λ
	 * @param shift ZLP position in eV
	 * @param dst receives {@code channels} expected counts
	 */
	void expectedZeroLoss(double t, double shift, double[] dst) {
		ZlpShape zlp = settings.zlpShape(t);
		double beam = settings.beamCounts() * Math.exp(-settings.apertureLoss() * t) * settings.energyScale();
		for (int c = 0; c < settings.channels(); c++) {
			double e = settings.energyOffset() + c * settings.energyScale() - shift;
			dst[c] = beam * (Math.exp(-t) * zlp.density(e));
		}
	}

	/** The Poisson weights e^{−t}·tⁿ/n! of the orders n = 1 … N. */
	private double[] orderWeights(double t) {
		int orders = folded != null ? folded.length : powers.length;
		double[] weight = new double[orders];
		double w = Math.exp(-t);
		for (int n = 1; n <= orders; n++) {
			w *= t / n;
			weight[n - 1] = w;
		}
		return weight;
	}

	/** Σ_n weight_n·s^{⊗n}, blurred with the ZLP of thickness t, on the recorded grid. */
	private double[] blurredLosses(double t, double[] weight) {
		double[] sum = new double[powers[0].length];
		for (int n = 0; n < powers.length; n++)
			for (int i = 0; i < sum.length; i++) sum[i] += weight[n] * powers[n][i];
		int half = (int) Math.ceil(zlpReach(settings.zlpFwhm(t)) / step);
		return blur(sum, zlpKernel(settings.zlpShape(t), half), count);
	}

	/** Beyond this the ZLP tail is dropped from the plural-scattering blur (its Lorentzian wings hold < 0.1 %). */
	private static double zlpReach(double fwhm) {
		return Math.max(10, 20 * fwhm);
	}

	/** s(E) at E = i·step, i = 0 … n − 1, unit area. */
	private double[] singleScattering(double bandGap, int n) {
		double[] s = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			s[i] = settings.singleScattering(i * step, bandGap);
			sum += s[i];
		}
		for (int i = 0; i < n; i++) s[i] /= sum * step;
		return s;
	}

	/** z(m·step) for m = −half … half, summing to 1 so that blurring keeps every order's area. */
	private double[] zlpKernel(ZlpShape zlp, int half) {
		double[] k = new double[2 * half + 1];
		double sum = 0;
		for (int m = -half; m <= half; m++) sum += k[m + half] = zlp.density(m * step);
		for (int m = 0; m < k.length; m++) k[m] /= sum;
		return k;
	}

	/** (a ⊗ b)(E) for loss densities on E ≥ 0, same grid length. */
	private double[] convolveLosses(double[] a, double[] b) {
		double[] out = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			double sum = 0;
			for (int j = 0; j <= i; j++) sum += a[j] * b[i - j];
			out[i] = sum * step;
		}
		return out;
	}

	/** z ⊗ density, on the recorded grid: {@code count} points from grid index {@link #first}. */
	private double[] blur(double[] density, double[] kernel, int count) {
		int half = kernel.length / 2;
		double[] out = new double[count + 1];
		for (int i = 0; i < out.length; i++) {
			int g = first + i;
			double sum = 0;
			for (int m = -half; m <= half; m++) {
				int j = g - m;
				if (j >= 0 && j < density.length) sum += kernel[m + half] * density[j];
			}
			out[i] = sum;
		}
		return out;
	}

	/** Scattering orders to keep: until the Poisson tail beyond them is below 10⁻⁷ at the thickest pixel. */
	private static int orders(double maxThickness) {
		double p = Math.exp(-maxThickness), cumulative = p;
		int n = 0;
		while (1 - cumulative > 1e-7 && n < 60) {
			n++;
			p *= maxThickness / n;
			cumulative += p;
		}
		return Math.max(1, n);
	}
}
