package org.ml4em.eels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ml4em.BadInputException;

/**
 * Generator of physically sensible synthetic low-loss spectrum images with a known t/λ map: test
 * data, the sample image and the demos. Immutable settings; {@link #generate} gives a lazy
 * {@link SyntheticSpectrumImage}.
 *
 * <pre>
 * SyntheticSpectrumImage si = SyntheticLowLoss.defaults().withSeed(7)
 *     .generate(ThicknessMap.stripes(60, 40, 0.2, 0.5, 0.9));
 * float[] truth = si.thickness().tOverLambda();
 * </pre>
 *
 * The model, per pixel of relative thickness t = t/λ:
 * <ul>
 * <li>ZLP: unit-area pseudo-Voigt, a Gaussian core with a Lorentzian fraction η of the same FWHM
 * (its slowly decaying tails are what makes the choice of zero-loss window matter), optionally with
 * an exponential tail towards positive loss (see {@link #withZlpTail}) and a width growing with
 * thickness, {@code FWHM(t) = zlpFwhm·(1 + zlpWidthGrowth·t)} (see {@link #withZlpWidthGrowth});
 * the whole spectrum, elastic and inelastic, is blurred by the pixel's ZLP shape;</li>
 * <li>single-scattering distribution s(E): a Drude energy-loss function
 * {@code E·Γ·Ep² / ((E² − Ep²)² + (E·Γ)²)} (bulk plasmon at Ep, width Γ), times the angular
 * integration factor {@code ln(1 + (β/θ_E)²)} for a 200 kV beam and a 10 mrad collection
 * semi-angle ({@code θ_E = E / (γ·m₀v²)}), times a band-gap onset
 * {@code ((E − Eg)/(E − Eg + w))^b} above the band gap Eg, zero below: b = ½ (the default) is
 * a direct gap, b = 3/2 an indirect one; near the onset it behaves as {@code (E − Eg)^b}, and the
 * saturation width w (2 eV by default) is how far above the gap that power law holds, as the band
 * structure departs from parabolic bands. Eg is one value, or one per region with a
 * {@link BandGapMap};</li>
 * <li>plural scattering by the Poisson law: the loss distribution is
 * {@code e^{−t}·[δ(E) + Σ_{n≥1} tⁿ/n!·s^{⊗n}(E)]}, every term blurred by the ZLP shape;</li>
 * <li>collected intensity {@code B = beamCounts·e^{−κ·t}}: a fraction of the electrons, growing with
 * thickness, is scattered outside the spectrometer aperture (κ = {@code apertureLoss}), so that
 * ln(I_total) falls with thickness as in measured data;</li>
 * <li>a random ZLP shift per pixel, uniform in ±{@code maxDrift} eV (energy drift), applied to the
 * whole spectrum;</li>
 * <li>Poisson counting noise on every channel (unless switched off), then optionally Gaussian read
 * noise of {@code readNoise} counts (see {@link #withReadNoise}).</li>
 * </ul>
 * Everything random comes from a per-pixel stream derived from the seed and the pixel index, so a
 * pixel's spectrum is the same however and how often it is read. Scattering beyond the recorded
 * range plus 10 eV is left out of the normalisation of s(E) (well below 1 % for the defaults).
 * <p>
 * The extensions (onset exponent other than ½ or width other than 2 eV, ZLP tail, ZLP width growth, read noise, band-gap
 * map) are all off in {@link #defaults()}, which gives exactly the spectra it gave before they
 * existed: the bundled sample is generated from it.
 *
 * @param energyOffset energy of the first channel, eV
 * @param energyScale eV per channel, positive
 * @param channels number of channels, at least 3
 * @param zlpFwhm ZLP full width at half maximum, eV (at t/λ = 0)
 * @param lorentzianFraction η, the Lorentzian share of the ZLP, 0 … 1
 * @param plasmonEnergy Ep, eV
 * @param plasmonWidth Γ, eV
 * @param bandGap Eg, eV (0 for a metal)
 * @param beamCounts electrons per pixel reaching the spectrometer in vacuum
 * @param apertureLoss κ, the fall of ln(I_total) per unit t/λ
 * @param maxDrift largest ZLP shift, eV
 * @param noise whether to add Poisson noise
 * @param seed seed of all random numbers
 * @param onsetExponent b of the band-gap onset, 0.1 … 5 (½ direct, 3/2 indirect)
 * @param onsetWidth w of the band-gap onset, eV, positive
 * @param zlpWidthGrowth relative growth of the ZLP FWHM per unit t/λ, ≥ 0
 * @param zlpTailFraction share of the ZLP area in its high-energy tail, 0 … 1
 * @param zlpTailLength decay length of that tail, eV (used when the fraction is positive)
 * @param readNoise standard deviation of the Gaussian read noise, counts, ≥ 0
 */
public record SyntheticLowLoss(double energyOffset, double energyScale, int channels, double zlpFwhm, double lorentzianFraction,
	double plasmonEnergy, double plasmonWidth, double bandGap, double beamCounts, double apertureLoss, double maxDrift, boolean noise,
	long seed, double onsetExponent, double onsetWidth, double zlpWidthGrowth, double zlpTailFraction, double zlpTailLength, double readNoise)
{
	/** Beam energy of the angular factor, keV. */
	public static final double BEAM_ENERGY_KEV = 200;
	/** Collection semi-angle of the angular factor, rad. */
	public static final double COLLECTION_ANGLE = 0.010;
	private static final double ELECTRON_REST_ENERGY_KEV = 510.999;

	/** Onset exponent of a direct gap, the default: b = ½. */
	public static final double DIRECT_ONSET = 0.5;
	/** Onset exponent of an indirect gap: b = 3/2. */
	public static final double INDIRECT_ONSET = 1.5;
	/** Default saturation width w of the band-gap onset, eV. */
	public static final double ONSET_WIDTH = 2;

	/**
	 * {@return the default settings: −5 … +100 eV in 1024 channels, ZLP FWHM 0.6 eV with 2 %
	 * Lorentzian, no tail, no growth with thickness, plasmon at 20 eV (width 4 eV), direct band gap
	 * of 3 eV, 10⁵ electrons per pixel, κ = 0.25, drift ±0.3 eV, Poisson noise and no read noise,
	 * seed 1}
	 */
	public static SyntheticLowLoss defaults() {
		return new SyntheticLowLoss(-5, 105.0 / 1024, 1024, 0.6, 0.02, 20, 4, 3, 1e5, 0.25, 0.3, true, 1, DIRECT_ONSET, ONSET_WIDTH, 0, 0, 0, 0);
	}

	/**
	 * {@return a spectrum image of the given thickness map with the band gap {@link #bandGap()}
	 * everywhere, computed on demand}
	 *
	 * @param map t/λ per pixel
	 */
	public SyntheticSpectrumImage generate(ThicknessMap map) {
		check();
		return new SyntheticSpectrumImage(this, map, null);
	}

	/**
	 * {@return a spectrum image of the given thickness and band-gap maps, computed on demand}
	 * {@link #bandGap()} is not used.
	 *
	 * @param map t/λ per pixel
	 * @param gaps band gap per pixel, the same size as {@code map}
	 * @throws IllegalArgumentException when the maps differ in size
	 */
	public SyntheticSpectrumImage generate(ThicknessMap map, BandGapMap gaps) {
		check();
		if (gaps.width() != map.width() || gaps.height() != map.height())
			throw new IllegalArgumentException("the band-gap map (" + gaps.width() + " x " + gaps.height() + ") and the thickness map (" + map.width()
				+ " x " + map.height() + ") differ in size");
		return new SyntheticSpectrumImage(this, map, gaps);
	}

	/** {@return the energy of the last channel, eV} */
	public double lastEnergy() {
		return energyOffset + (channels - 1) * energyScale;
	}

	/**
	 * {@return the ZLP full width at half maximum at a thickness: {@code zlpFwhm·(1 + zlpWidthGrowth·t)}, eV}
	 *
	 * @param t t/λ
	 */
	public double zlpFwhm(double t) {
		return zlpWidthGrowth == 0 ? zlpFwhm : zlpFwhm * (1 + zlpWidthGrowth * t);
	}

	/** The unit-area ZLP shape at a thickness. */
	ZlpShape zlpShape(double t) {
		return new ZlpShape(zlpFwhm(t), lorentzianFraction, zlpTailFraction, zlpTailLength);
	}

	/**
	 * {@return the (unnormalised) single-scattering distribution at energy loss E for the band gap
	 * {@link #bandGap()}: Drude loss function × angular factor × band-gap onset}
	 *
	 * @param e energy loss, eV
	 */
	public double singleScattering(double e) {
		return singleScattering(e, bandGap);
	}

	/**
	 * {@return the (unnormalised) single-scattering distribution at energy loss E for a given band gap}
	 *
	 * @param e energy loss, eV
	 * @param gap Eg, eV
	 */
	public double singleScattering(double e, double gap) {
		if (e <= Math.max(gap, 0)) return 0;
		double ep2 = plasmonEnergy * plasmonEnergy, d = e * e - ep2;
		double drude = e * plasmonWidth * ep2 / (d * d + e * e * plasmonWidth * plasmonWidth);
		double thetaRatio = COLLECTION_ANGLE * characteristicEnergyScale() / e;
		double u = e - gap;
		// Scaled so that the value 1 eV above the gap does not depend on w: w shapes the onset only, and
		// an infinite w is the plain power law (u / 3)^b. The default keeps its own formula so that it
		// stays bit for bit what generated the sample, Math.sqrt (not pow(·, 0.5)) included.
		double ratio = onsetWidth == ONSET_WIDTH ? u / (u + onsetWidth)
			: Double.isInfinite(onsetWidth) ? u / (1 + ONSET_WIDTH) : u * (1 + onsetWidth) / ((1 + ONSET_WIDTH) * (u + onsetWidth));
		double onset = onsetExponent == DIRECT_ONSET ? Math.sqrt(ratio) : Math.pow(ratio, onsetExponent);
		return drude * Math.log(1 + thetaRatio * thetaRatio) * onset;
	}

	/** γ·m₀v² in eV, so that θ_E = E / (γ·m₀v²). */
	private static double characteristicEnergyScale() {
		double gamma = 1 + BEAM_ENERGY_KEV / ELECTRON_REST_ENERGY_KEV;
		return ELECTRON_REST_ENERGY_KEV * 1000 * (gamma * gamma - 1) / gamma;
	}

	/**
	 * {@return these settings with another energy axis}
	 *
	 * @param offset first channel, eV
	 * @param scale eV per channel
	 * @param n channels
	 */
	public SyntheticLowLoss withEnergyAxis(double offset, double scale, int n) {
		return with(b -> {
			b.energyOffset = offset;
			b.energyScale = scale;
			b.channels = n;
		});
	}

	/**
	 * {@return these settings with another ZLP shape}
	 *
	 * @param fwhm full width at half maximum, eV
	 * @param lorentzian Lorentzian fraction η
	 */
	public SyntheticLowLoss withZlp(double fwhm, double lorentzian) {
		return with(b -> {
			b.zlpFwhm = fwhm;
			b.lorentzianFraction = lorentzian;
		});
	}

	/**
	 * {@return these settings with an exponential ZLP tail towards positive energy loss} The ZLP
	 * becomes {@code (1 − f)·pseudoVoigt(E) + f·tail(E)}, the tail being the Gaussian core convolved
	 * with {@code e^{−E/τ}/τ} for E ≥ 0 (an exponentially modified Gaussian, unit area); its maximum
	 * lies a little above 0 eV, so the peak maximum moves slightly above the drawn shift. Measured
	 * Schottky-source peaks are matched by a few per cent of the area with τ of a few tenths of an eV.
	 *
	 * @param fraction share of the ZLP area in the tail, 0 … 1 (0 switches it off)
	 * @param length τ, eV, positive
	 */
	public SyntheticLowLoss withZlpTail(double fraction, double length) {
		return with(b -> {
			b.zlpTailFraction = fraction;
			b.zlpTailLength = length;
		});
	}

	/**
	 * {@return these settings with a ZLP that widens with thickness: FWHM(t) = zlpFwhm·(1 + g·t/λ)}
	 * Costs one extra blur of each simulated spectrum (a few milliseconds) when g is not 0.
	 *
	 * @param growth g, the relative growth of the FWHM per unit t/λ, ≥ 0 (0 switches it off)
	 */
	public SyntheticLowLoss withZlpWidthGrowth(double growth) {
		return with(b -> b.zlpWidthGrowth = growth);
	}

	/**
	 * {@return these settings with another bulk plasmon}
	 *
	 * @param energy Ep, eV
	 * @param width Γ, eV
	 */
	public SyntheticLowLoss withPlasmon(double energy, double width) {
		return with(b -> {
			b.plasmonEnergy = energy;
			b.plasmonWidth = width;
		});
	}

	/**
	 * {@return these settings with another band gap}
	 *
	 * @param eV Eg
	 */
	public SyntheticLowLoss withBandGap(double eV) {
		return with(b -> b.bandGap = eV);
	}

	/**
	 * {@return these settings with another exponent of the band-gap onset}
	 *
	 * @param b {@link #DIRECT_ONSET} (the default), {@link #INDIRECT_ONSET}, or any value in 0.1 … 5
	 */
	public SyntheticLowLoss withOnsetExponent(double b) {
		return with(s -> s.onsetExponent = b);
	}

	/**
	 * {@return these settings with another saturation width of the band-gap onset} The onset is
	 * {@code (c·u / (u + w))^b} with u = E − Eg and c = (1 + w) / 3, so its value 1 eV above the gap
	 * is the same for every w: it follows {@code (E − Eg)^b} for E − Eg well below w and levels off
	 * above; a small w makes the power law hold only very near the gap, and an infinite w gives the
	 * plain power law {@code (u / 3)^b} everywhere. (With the default w = 2 eV, c = 1.)
	 *
	 * @param eV w, positive, or infinite ({@link #ONSET_WIDTH} by default)
	 */
	public SyntheticLowLoss withOnsetWidth(double eV) {
		return with(b -> b.onsetWidth = eV);
	}

	/**
	 * {@return these settings with another beam intensity}
	 *
	 * @param counts electrons per pixel in vacuum
	 */
	public SyntheticLowLoss withBeamCounts(double counts) {
		return with(b -> b.beamCounts = counts);
	}

	/**
	 * {@return these settings with another aperture loss}
	 *
	 * @param kappa κ
	 */
	public SyntheticLowLoss withApertureLoss(double kappa) {
		return with(b -> b.apertureLoss = kappa);
	}

	/**
	 * {@return these settings with another largest ZLP shift}
	 *
	 * @param eV the drift
	 */
	public SyntheticLowLoss withMaxDrift(double eV) {
		return with(b -> b.maxDrift = eV);
	}

	/**
	 * {@return these settings with or without Poisson noise}
	 *
	 * @param poisson whether to add noise
	 */
	public SyntheticLowLoss withNoise(boolean poisson) {
		return with(b -> b.noise = poisson);
	}

	/**
	 * {@return these settings with Gaussian read noise added to every channel} It comes after the
	 * Poisson noise (if any), so values are no longer whole numbers and may be negative, as in
	 * dark-subtracted detector data.
	 *
	 * @param sigma standard deviation, counts, ≥ 0 (0 switches it off)
	 */
	public SyntheticLowLoss withReadNoise(double sigma) {
		return with(b -> b.readNoise = sigma);
	}

	/**
	 * {@return these settings with another seed}
	 *
	 * @param s the seed
	 */
	public SyntheticLowLoss withSeed(long s) {
		return with(b -> b.seed = s);
	}

	/**
	 * Checks every value, collecting all problems into one message.
	 *
	 * @throws BadInputException listing the problems
	 */
	public void check() {
		List<String> problems = new ArrayList<>();
		if (!(energyScale > 0) || !Double.isFinite(energyOffset)) problems.add("the energy step must be positive and the offset finite");
		if (channels < 3) problems.add("at least 3 channels are needed (got " + channels + ")");
		if (!(zlpFwhm > 0)) problems.add("the ZLP width must be positive (got " + zlpFwhm + ")");
		if (!(lorentzianFraction >= 0 && lorentzianFraction <= 1)) problems.add("the Lorentzian fraction must lie in 0 … 1 (got " + lorentzianFraction + ")");
		if (!(plasmonEnergy > 0 && plasmonWidth > 0)) problems.add("the plasmon energy and width must be positive");
		if (!(bandGap >= 0 && Double.isFinite(bandGap))) problems.add("the band gap must be zero or positive (got " + bandGap + ")");
		if (!(beamCounts > 0)) problems.add("the beam counts must be positive (got " + beamCounts + ")");
		if (!(apertureLoss >= 0)) problems.add("the aperture loss must be zero or positive (got " + apertureLoss + ")");
		if (!(maxDrift >= 0)) problems.add("the drift must be zero or positive (got " + maxDrift + ")");
		if (!(onsetExponent >= 0.1 && onsetExponent <= 5)) problems.add("the onset exponent must lie in 0.1 … 5 (got " + onsetExponent + ")");
		if (!(onsetWidth > 0)) problems.add("the onset width must be positive (got " + onsetWidth + ")");
		if (!(zlpWidthGrowth >= 0 && zlpWidthGrowth < 100)) problems.add("the ZLP width growth must lie in 0 … 100 (got " + zlpWidthGrowth + ")");
		if (!(zlpTailFraction >= 0 && zlpTailFraction <= 1)) problems.add("the ZLP tail fraction must lie in 0 … 1 (got " + zlpTailFraction + ")");
		if (zlpTailFraction > 0 && !(zlpTailLength > 0 && zlpTailLength < 100))
			problems.add("the ZLP tail length must lie between 0 and 100 eV (got " + zlpTailLength + ")");
		if (!(readNoise >= 0 && Double.isFinite(readNoise))) problems.add("the read noise must be zero or positive (got " + readNoise + ")");
		if (!problems.isEmpty()) throw new BadInputException(String.join("; ", problems) + ".");
	}

	private SyntheticLowLoss with(Consumer<Copy> change) {
		Copy copy = new Copy(this);
		change.accept(copy);
		return copy.build();
	}

	/** A mutable copy of the settings, so that each wither names only what it changes. */
	private static final class Copy {
		double energyOffset, energyScale, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, maxDrift;
		double onsetExponent, onsetWidth, zlpWidthGrowth, zlpTailFraction, zlpTailLength, readNoise;
		int channels;
		boolean noise;
		long seed;

		Copy(SyntheticLowLoss s) {
			energyOffset = s.energyOffset;
			energyScale = s.energyScale;
			channels = s.channels;
			zlpFwhm = s.zlpFwhm;
			lorentzianFraction = s.lorentzianFraction;
			plasmonEnergy = s.plasmonEnergy;
			plasmonWidth = s.plasmonWidth;
			bandGap = s.bandGap;
			beamCounts = s.beamCounts;
			apertureLoss = s.apertureLoss;
			maxDrift = s.maxDrift;
			noise = s.noise;
			seed = s.seed;
			onsetExponent = s.onsetExponent;
			onsetWidth = s.onsetWidth;
			zlpWidthGrowth = s.zlpWidthGrowth;
			zlpTailFraction = s.zlpTailFraction;
			zlpTailLength = s.zlpTailLength;
			readNoise = s.readNoise;
		}

		SyntheticLowLoss build() {
			return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts,
				apertureLoss, maxDrift, noise, seed, onsetExponent, onsetWidth, zlpWidthGrowth, zlpTailFraction, zlpTailLength, readNoise);
		}
	}
}
