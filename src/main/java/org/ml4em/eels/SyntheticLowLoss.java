package org.ml4em.eels;

import java.util.ArrayList;
import java.util.List;

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
 * (its slowly decaying tails are what makes the choice of zero-loss window matter);</li>
 * <li>single-scattering distribution s(E): a Drude energy-loss function
 * {@code E·Γ·Ep² / ((E² − Ep²)² + (E·Γ)²)} (bulk plasmon at Ep, width Γ), times the angular
 * integration factor {@code ln(1 + (β/θ_E)²)} for a 200 kV beam and a 10 mrad collection
 * semi-angle ({@code θ_E = E / (γ·m₀v²)}), times a direct-gap-like onset
 * {@code √((E − Eg)/(E − Eg + 2 eV))} above the band gap Eg, zero below;</li>
 * <li>plural scattering by the Poisson law: the loss distribution is
 * {@code e^{−t}·[δ(E) + Σ_{n≥1} tⁿ/n!·s^{⊗n}(E)]}, every term blurred by the ZLP shape;</li>
 * <li>collected intensity {@code B = beamCounts·e^{−κ·t}}: a fraction of the electrons, growing with
 * thickness, is scattered outside the spectrometer aperture (κ = {@code apertureLoss}), so that
 * ln(I_total) falls with thickness as in measured data;</li>
 * <li>a random ZLP shift per pixel, uniform in ±{@code maxDrift} eV (energy drift), applied to the
 * whole spectrum;</li>
 * <li>Poisson counting noise on every channel (unless switched off).</li>
 * </ul>
 * Everything random comes from a per-pixel stream derived from the seed and the pixel index, so a
 * pixel's spectrum is the same however and how often it is read. Scattering beyond the recorded
 * range plus 10 eV is left out of the normalisation of s(E) (well below 1 % for the defaults).
 *
 * @param energyOffset energy of the first channel, eV
 * @param energyScale eV per channel, positive
 * @param channels number of channels, at least 3
 * @param zlpFwhm ZLP full width at half maximum, eV
 * @param lorentzianFraction η, the Lorentzian share of the ZLP, 0 … 1
 * @param plasmonEnergy Ep, eV
 * @param plasmonWidth Γ, eV
 * @param bandGap Eg, eV (0 for a metal)
 * @param beamCounts electrons per pixel reaching the spectrometer in vacuum
 * @param apertureLoss κ, the fall of ln(I_total) per unit t/λ
 * @param maxDrift largest ZLP shift, eV
 * @param noise whether to add Poisson noise
 * @param seed seed of all random numbers
 */
public record SyntheticLowLoss(double energyOffset, double energyScale, int channels, double zlpFwhm, double lorentzianFraction,
	double plasmonEnergy, double plasmonWidth, double bandGap, double beamCounts, double apertureLoss, double maxDrift, boolean noise,
	long seed)
{
	/** Beam energy of the angular factor, keV. */
	public static final double BEAM_ENERGY_KEV = 200;
	/** Collection semi-angle of the angular factor, rad. */
	public static final double COLLECTION_ANGLE = 0.010;
	private static final double ELECTRON_REST_ENERGY_KEV = 510.999;
	private static final double ONSET_WIDTH = 2;

	/**
	 * {@return the default settings: −5 … +100 eV in 1024 channels, ZLP FWHM 0.6 eV with 2 %
	 * Lorentzian, plasmon at 20 eV (width 4 eV), band gap 3 eV, 10⁵ electrons per pixel, κ = 0.25,
	 * drift ±0.3 eV, Poisson noise, seed 1}
	 */
	public static SyntheticLowLoss defaults() {
		return new SyntheticLowLoss(-5, 105.0 / 1024, 1024, 0.6, 0.02, 20, 4, 3, 1e5, 0.25, 0.3, true, 1);
	}

	/**
	 * {@return a spectrum image of the given thickness map, computed on demand}
	 *
	 * @param map t/λ per pixel
	 */
	public SyntheticSpectrumImage generate(ThicknessMap map) {
		check();
		return new SyntheticSpectrumImage(this, map);
	}

	/** {@return the energy of the last channel, eV} */
	public double lastEnergy() {
		return energyOffset + (channels - 1) * energyScale;
	}

	/**
	 * {@return the (unnormalised) single-scattering distribution at energy loss E: Drude loss
	 * function × angular factor × band-gap onset}
	 *
	 * @param e energy loss, eV
	 */
	public double singleScattering(double e) {
		if (e <= Math.max(bandGap, 0)) return 0;
		double ep2 = plasmonEnergy * plasmonEnergy, d = e * e - ep2;
		double drude = e * plasmonWidth * ep2 / (d * d + e * e * plasmonWidth * plasmonWidth);
		double thetaRatio = COLLECTION_ANGLE * characteristicEnergyScale() / e;
		double onset = Math.sqrt((e - bandGap) / (e - bandGap + ONSET_WIDTH));
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
		return new SyntheticLowLoss(offset, scale, n, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another ZLP shape}
	 *
	 * @param fwhm full width at half maximum, eV
	 * @param lorentzian Lorentzian fraction η
	 */
	public SyntheticLowLoss withZlp(double fwhm, double lorentzian) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, fwhm, lorentzian, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another bulk plasmon}
	 *
	 * @param energy Ep, eV
	 * @param width Γ, eV
	 */
	public SyntheticLowLoss withPlasmon(double energy, double width) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, energy, width, bandGap, beamCounts, apertureLoss, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another band gap}
	 *
	 * @param eV Eg
	 */
	public SyntheticLowLoss withBandGap(double eV) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, eV, beamCounts, apertureLoss, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another beam intensity}
	 *
	 * @param counts electrons per pixel in vacuum
	 */
	public SyntheticLowLoss withBeamCounts(double counts) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, counts, apertureLoss, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another aperture loss}
	 *
	 * @param kappa κ
	 */
	public SyntheticLowLoss withApertureLoss(double kappa) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, kappa, maxDrift, noise, seed);
	}

	/**
	 * {@return these settings with another largest ZLP shift}
	 *
	 * @param eV the drift
	 */
	public SyntheticLowLoss withMaxDrift(double eV) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, eV, noise, seed);
	}

	/**
	 * {@return these settings with or without Poisson noise}
	 *
	 * @param poisson whether to add noise
	 */
	public SyntheticLowLoss withNoise(boolean poisson) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, maxDrift, poisson, seed);
	}

	/**
	 * {@return these settings with another seed}
	 *
	 * @param s the seed
	 */
	public SyntheticLowLoss withSeed(long s) {
		return new SyntheticLowLoss(energyOffset, energyScale, channels, zlpFwhm, lorentzianFraction, plasmonEnergy, plasmonWidth, bandGap, beamCounts, apertureLoss, maxDrift, noise, s);
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
		if (!(bandGap >= 0)) problems.add("the band gap must be zero or positive (got " + bandGap + ")");
		if (!(beamCounts > 0)) problems.add("the beam counts must be positive (got " + beamCounts + ")");
		if (!(apertureLoss >= 0)) problems.add("the aperture loss must be zero or positive (got " + apertureLoss + ")");
		if (!(maxDrift >= 0)) problems.add("the drift must be zero or positive (got " + maxDrift + ")");
		if (!problems.isEmpty()) throw new BadInputException(String.join("; ", problems) + ".");
	}
}
