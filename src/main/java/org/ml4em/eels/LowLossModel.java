package org.ml4em.eels;

/**
 * The noiseless low-loss spectrum of {@link SyntheticLowLoss} for any t/λ and ZLP shift, with the
 * plural-scattering terms precomputed once.
 * <p>
 * On a fine grid ({@code step} = a quarter channel) the single-scattering distribution s(E) is
 * normalised to unit area, its n-fold self-convolutions s⊗…⊗s are formed for n = 1 … N, and each
 * is convolved with the (unit-area, ±{@code zlpReach} eV) ZLP shape: g_n = z ⊗ s^{⊗n}. A spectrum
 * is then {@code B·scale·[e^{−t} z(E − δ) + Σ_n e^{−t} tⁿ/n! · g_n(E − δ)]}, with the ZLP
 * evaluated exactly and g_n interpolated linearly between grid points.
 */
final class LowLossModel {

	private final SyntheticLowLoss settings;
	private final double step;
	/** Grid index of the first point of {@link #folded}: energy {@code (first + i)·step}. */
	private final int first;
	/** g_n on the grid, n = 1 … N at index n − 1. */
	private final double[][] folded;

	LowLossModel(SyntheticLowLoss settings, double maxThickness) {
		this.settings = settings;
		this.step = settings.energyScale() / 4;
		double low = settings.energyOffset() - settings.maxDrift() - 2 * settings.energyScale();
		double high = settings.lastEnergy() + settings.maxDrift() + 2 * settings.energyScale();
		this.first = (int) Math.floor(low / step);
		int count = (int) Math.ceil(high / step) - first + 1;
		double reach = zlpReach();
		double[] single = singleScattering((int) Math.ceil((high + reach) / step) + 1);
		double[] kernel = zlpKernel((int) Math.ceil(reach / step));
		int orders = orders(maxThickness);
		folded = new double[orders][];
		double[] power = single;
		for (int n = 1; n <= orders; n++) {
			if (n > 1) power = convolveLosses(power, single);
			folded[n - 1] = blur(power, kernel, count);
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
		int orders = folded.length;
		double[] weight = new double[orders];
		double w = Math.exp(-t);
		for (int n = 1; n <= orders; n++) {
			w *= t / n;
			weight[n - 1] = w;
		}
		double beam = settings.beamCounts() * Math.exp(-settings.apertureLoss() * t) * settings.energyScale();
		for (int c = 0; c < settings.channels(); c++) {
			double e = settings.energyOffset() + c * settings.energyScale() - shift;
			double position = e / step - first;
			int i = (int) Math.floor(position);
			double f = position - i, inelastic = 0;
			for (int n = 0; n < orders; n++) inelastic += weight[n] * (folded[n][i] + f * (folded[n][i + 1] - folded[n][i]));
			dst[c] = beam * (Math.exp(-t) * zlp(e) + inelastic);
		}
	}

	/** Unit-area ZLP density at energy e (eV⁻¹): Gaussian core plus a Lorentzian fraction of the same FWHM. */
	double zlp(double e) {
		double fwhm = settings.zlpFwhm(), sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2))), gamma = fwhm / 2;
		double gauss = Math.exp(-e * e / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
		double lorentz = gamma / Math.PI / (e * e + gamma * gamma);
		return (1 - settings.lorentzianFraction()) * gauss + settings.lorentzianFraction() * lorentz;
	}

	/** Beyond this the ZLP tail is dropped from the plural-scattering blur (its Lorentzian wings hold < 0.1 %). */
	private double zlpReach() {
		return Math.max(10, 20 * settings.zlpFwhm());
	}

	/** s(E) at E = i·step, i = 0 … n − 1, unit area. */
	private double[] singleScattering(int n) {
		double[] s = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			s[i] = settings.singleScattering(i * step);
			sum += s[i];
		}
		for (int i = 0; i < n; i++) s[i] /= sum * step;
		return s;
	}

	/** z(m·step) for m = −half … half, summing to 1 so that blurring keeps every order's area. */
	private double[] zlpKernel(int half) {
		double[] k = new double[2 * half + 1];
		double sum = 0;
		for (int m = -half; m <= half; m++) sum += k[m + half] = zlp(m * step);
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
