package org.ml4em.eels;

import java.util.Locale;
import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * Fits the band-gap onset {@code I(E) ≈ A·(E − Eg)^b} for E &gt; Eg (0 below), with the
 * curvature term {@code + B·(E − Eg)^(b+1)} where the settings ask for it ({@link OnsetCurvature};
 * by default for indirect gaps), optionally blurred by the energy resolution, to an
 * inelastic spectrum by weighted least squares over a {@link FitWindow}.
 *
 * <pre>
 * InelasticSpectrum s = new InelasticSpectrum(energies, measuredMinusZlp, sigma);
 * BandGapResult direct = new BandGapFit(BandGapSettings.of(GapType.DIRECT)).fit(s); // automatic window
 * BandGapResult free = new BandGapFit(BandGapSettings.of(GapType.FIT).withWindow(new FitWindow(1.5, 4.0)).withResolution(0.6)).fit(s);
 * if (!free.isReliable()) ... // Eg or b ended on the edge of its range
 * </pre>
 *
 * Method: for fixed (Eg, b) the model is linear in A (and B), so the best amplitudes are
 * closed-form, {@code A = Σ w·x·y / Σ w·x²} with {@code x = (E − Eg)₊^b} (or its blur) and
 * w = 1/σ², held at 0 or above (with B, a 2 × 2 solve; see {@link PowerLawOnset}). Eg is
 * searched from the first point of the window (or {@link BandGapSettings#gapBelowData()} below
 * it, when the window starts at the spectrum's first point) up to the energy that leaves
 * {@value #MIN_POINTS_ABOVE} points above it: a scan on a grid of 8 points per channel, then
 * golden-section refinement to 10⁻⁵ eV inside the best grid point's two cells (χ²(Eg) is continuous
 * but kinked wherever Eg crosses a data point, so derivative-free). For {@link GapType#FIT}, b is searched the same
 * way over {@value GapType#MIN_FITTED_EXPONENT} … {@value GapType#MAX_FITTED_EXPONENT} (grid step
 * 0.125, refined to 10⁻⁴), each b with its own best Eg. An optimum within half a channel of an end
 * of its range is flagged ({@link BandGapResult#onWindowEdge()},
 * {@link BandGapResult#exponentAtLimit()}): the data do not bound it there. Stateless apart from
 * its settings, thread-safe.
 * <p>
 * The blur, when a resolution is set, is a Gaussian of that FWHM, or the measured ZLP shape
 * ({@link ResolutionKernel}): without it an onset measured through a 0.6 eV ZLP gives an indirect
 * Eg about 0.2 eV low, and the Gaussian alone misses the wings, which leave it a few hundredths low.
 * <p>
 * Automatic window ({@link #automaticWindow}): the power law describes the onset only near the gap
 * (parabolic bands), so the window is tied to the gap itself — from {@value #AUTOMATIC_BELOW_EV} eV
 * below Eg, so that the flat part and the resolution-blurred start are seen, to
 * {@value #AUTOMATIC_ABOVE_EV} eV above it. To get there:
 * <ol>
 * <li>Smooth with a moving sum S over 0.3 eV, of standard deviation σ_S from the spectrum's σ (or,
 * without σ, from the median absolute second difference of the data).</li>
 * <li>A point "rises" when S &gt; k·σ_S and S is at least a tenth of S 1 eV further up (so neither
 * noise nor the faint tail the resolution's wings spread below the gap counts).</li>
 * <li>Onset: the first point at or above 0.5 eV from which 0.3 eV in a row rise with k = 5; start:
 * from there, step down while points still rise with k = 1.</li>
 * <li>First window: 0.5 eV below the start to 1 eV above the onset. Then fit, re-centre on the
 * fitted Eg, and repeat until the window moves less than 0.01 eV (at most
 * {@value #MAX_RECENTRINGS} fits).</li>
 * </ol>
 * A spectrum in which nothing rises is refused.
 */
public final class BandGapFit {

	/** Fewest points a window must hold. */
	public static final int MIN_POINTS = 6;
	/** Fewest points above Eg: the onset must be seen rising. */
	public static final int MIN_POINTS_ABOVE = 3;
	/** Automatic window: start below the gap, eV. */
	public static final double AUTOMATIC_BELOW_EV = 0.5;
	/** Automatic window: end above the gap, eV. */
	public static final double AUTOMATIC_ABOVE_EV = 1.0;
	/** Automatic window: most fits spent re-centring it. */
	public static final int MAX_RECENTRINGS = 8;
	private static final double WINDOW_SETTLED_EV = 0.01;
	/** Eg scan points per channel: fine enough that the best grid cell holds the global minimum. */
	private static final int GRID_PER_CHANNEL = 8;
	private static final double GAP_TOLERANCE = 1e-5, EXPONENT_STEP = 0.125, EXPONENT_TOLERANCE = 1e-4;

	private final BandGapSettings settings;

	/** @param settings gap type, window and resolution */
	public BandGapFit(BandGapSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** {@return the settings} */
	public BandGapSettings settings() {
		return settings;
	}

	/**
	 * Fits in the settings' window, or one chosen from this spectrum by {@link #automaticWindow}.
	 *
	 * @param spectrum the inelastic spectrum
	 * @return the fit
	 * @throws BadInputException when no onset is found or the fit is impossible (see {@link #fit(InelasticSpectrum, FitWindow)})
	 */
	public BandGapResult fit(InelasticSpectrum spectrum) {
		return fit(spectrum, settings.hasAutomaticWindow() ? automaticWindow(spectrum) : settings.window());
	}

	/**
	 * {@return the window the automatic rule picks for this spectrum and these settings} (see the
	 * class description).
	 *
	 * @param spectrum the inelastic spectrum
	 * @throws BadInputException when the signal never becomes significant or a fit on the way fails
	 */
	public FitWindow automaticWindow(InelasticSpectrum spectrum) {
		FitWindow window = OnsetWindow.find(spectrum);
		for (int i = 0; i < MAX_RECENTRINGS; i++) {
			FitWindow next = OnsetWindow.around(spectrum, fit(spectrum, window).bandGap(), AUTOMATIC_BELOW_EV, AUTOMATIC_ABOVE_EV);
			boolean settled = Math.abs(next.low() - window.low()) < WINDOW_SETTLED_EV && Math.abs(next.high() - window.high()) < WINDOW_SETTLED_EV;
			window = next;
			if (settled) break;
		}
		return window;
	}

	/**
	 * Fits in the given window, whatever the settings say about windows.
	 *
	 * @param spectrum the inelastic spectrum
	 * @param window energies to use; may reach beyond the data, whose points inside it are used
	 * @return the fit
	 * @throws BadInputException when the window lies outside the data, holds fewer than
	 *     {@value #MIN_POINTS} points, holds no positive value, or no rising onset fits
	 */
	public BandGapResult fit(InelasticSpectrum spectrum, FitWindow window) {
		double below = window.low() <= spectrum.energies()[0] ? settings.gapBelowData() : 0;
		PowerLawOnset onset = pointsIn(spectrum, window, below);
		double channel = (onset.energy(onset.size() - 1) - onset.energy(0)) / (onset.size() - 1);
		double lo = onset.energy(0) - below, hi = onset.energy(onset.size() - 1 - MIN_POINTS_ABOVE);
		int grid = GRID_PER_CHANNEL * (onset.size() - MIN_POINTS_ABOVE) + 1 + (int) Math.round(GRID_PER_CHANNEL * below / channel);
		GapType type = settings.type();
		double b = type == GapType.FIT ? bestExponent(onset, lo, hi, grid) : type.exponent();
		double gap = bestGap(onset, b, lo, hi, grid);
		double amplitude = onset.amplitude(gap, b);
		if (!(amplitude > 0)) throw new BadInputException("No rising onset fits the spectrum in the fit window " + window + ".");
		double halfChannel = channel / 2;
		boolean onEdge = gap - lo < halfChannel || hi - gap < halfChannel;
		boolean atLimit = type == GapType.FIT
			&& (b - GapType.MIN_FITTED_EXPONENT < EXPONENT_STEP / 10 || GapType.MAX_FITTED_EXPONENT - b < EXPONENT_STEP / 10);
		return new BandGapResult(gap, b, amplitude, onset.chiSquared(gap, b), onset.size(), window, onEdge, atLimit);
	}

	/** The points of the window, refusing windows the fit cannot use. */
	private PowerLawOnset pointsIn(InelasticSpectrum spectrum, FitWindow window, double gapBelow) {
		double[] e = spectrum.energies();
		int first = -1, count = 0;
		boolean positive = false;
		for (int i = 0; i < e.length; i++) {
			if (!window.contains(e[i])) continue;
			if (first < 0) first = i;
			count++;
			positive |= spectrum.values()[i] > 0;
		}
		if (count == 0) {
			String range = String.format(Locale.ROOT, "%.2f … %.2f eV", e[0], e[e.length - 1]);
			throw new BadInputException("The fit window " + window + " lies outside the spectrum's energies " + range + ".");
		}
		if (count < MIN_POINTS)
			throw new BadInputException("The fit window " + window + " holds " + count + " points of the spectrum; at least " + MIN_POINTS + " are needed.");
		if (!positive) throw new BadInputException("The spectrum has no positive signal in the fit window " + window + ".");
		return new PowerLawOnset(spectrum, first, count, settings.resolutionFwhm(), settings.resolutionKernel(), gapBelow, settings.curved());
	}

	private static double bestGap(PowerLawOnset onset, double b, double lo, double hi, int grid) {
		return GoldenSection.minimise(gap -> onset.chiSquared(gap, b), lo, hi, grid, GAP_TOLERANCE);
	}

	/** The b whose best Eg gives the smallest χ². */
	private static double bestExponent(PowerLawOnset onset, double lo, double hi, int grid) {
		int exponentGrid = (int) Math.round((GapType.MAX_FITTED_EXPONENT - GapType.MIN_FITTED_EXPONENT) / EXPONENT_STEP) + 1;
		return GoldenSection.minimise(b -> onset.chiSquared(bestGap(onset, b, lo, hi, grid), b), GapType.MIN_FITTED_EXPONENT,
			GapType.MAX_FITTED_EXPONENT, exponentGrid, EXPONENT_TOLERANCE);
	}
}
