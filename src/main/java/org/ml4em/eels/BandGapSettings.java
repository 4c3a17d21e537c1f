package org.ml4em.eels;

import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * What a {@link BandGapFit} fits: the gap type, the window (or the automatic rule) and the energy
 * resolution the onset was measured with. Immutable.
 *
 * <pre>
 * BandGapSettings direct = BandGapSettings.of(GapType.DIRECT); // automatic window, no blur
 * BandGapSettings tuned = BandGapSettings.of(GapType.INDIRECT).withWindow(new FitWindow(1.0, 2.5)).withResolution(0.6);
 * </pre>
 *
 * @param type direct, indirect or free exponent
 * @param window the fit window; null to choose it from the data ({@link BandGapFit#automaticWindow})
 * @param resolutionFwhm FWHM of the Gaussian energy resolution the model is blurred with, eV
 *     (normally the ZLP's FWHM); 0 for the plain power law; not used when a kernel is given
 * @param resolutionKernel the measured resolution function (the ZLP's shape) the model is blurred
 *     with instead of the Gaussian, or null
 * @param gapBelowData how far below the spectrum's first energy Eg may lie, eV, when the window
 *     starts there (see {@link #withGapBelowData}); 0: Eg lies within the window
 * @param curvature when the onset model has the curvature term B·(E − Eg)^(b+1) ({@link OnsetCurvature})
 */
public record BandGapSettings(GapType type, FitWindow window, double resolutionFwhm, ResolutionKernel resolutionKernel, double gapBelowData,
	OnsetCurvature curvature) {

	/** Widest resolution accepted, eV: beyond it no band-gap onset can be resolved anyway. */
	public static final double MAX_RESOLUTION_FWHM = 5;

	/**
	 * Checks the values.
	 *
	 * @param type not null
	 * @param window a window or null
	 * @param resolutionFwhm 0 … {@value #MAX_RESOLUTION_FWHM} eV
	 * @param resolutionKernel a kernel or null
	 * @param gapBelowData ≥ 0 eV
	 * @param curvature not null
	 * @throws BadInputException for a resolution outside that range
	 */
	public BandGapSettings {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(curvature, "curvature");
		if (!(resolutionFwhm >= 0 && resolutionFwhm <= MAX_RESOLUTION_FWHM))
			throw new BadInputException("The energy resolution must lie in 0 … " + MAX_RESOLUTION_FWHM + " eV FWHM, got " + resolutionFwhm + ".");
		if (!(gapBelowData >= 0 && Double.isFinite(gapBelowData)))
			throw new IllegalArgumentException("gapBelowData must be finite and not negative: " + gapBelowData);
	}

	/**
	 * Settings with a Gaussian resolution (or none) and the curvature term where it helps ({@link OnsetCurvature#AUTO}).
	 *
	 * @param type not null
	 * @param window a window or null
	 * @param resolutionFwhm 0 … {@value #MAX_RESOLUTION_FWHM} eV
	 */
	public BandGapSettings(GapType type, FitWindow window, double resolutionFwhm) {
		this(type, window, resolutionFwhm, null, 0, OnsetCurvature.AUTO);
	}

	/**
	 * {@return settings for this gap type with the automatic window, no resolution blur and the
	 * curvature term where it helps ({@link OnsetCurvature#AUTO})} @param type the gap type
	 */
	public static BandGapSettings of(GapType type) {
		return new BandGapSettings(type, null, 0);
	}

	/** {@return these settings with a fixed window} @param w the window */
	public BandGapSettings withWindow(FitWindow w) {
		return new BandGapSettings(type, Objects.requireNonNull(w, "window"), resolutionFwhm, resolutionKernel, gapBelowData, curvature);
	}

	/** {@return these settings with the window chosen from each spectrum} */
	public BandGapSettings withAutomaticWindow() {
		return new BandGapSettings(type, null, resolutionFwhm, resolutionKernel, gapBelowData, curvature);
	}

	/** {@return these settings with another gap type} @param t the type */
	public BandGapSettings withType(GapType t) {
		return new BandGapSettings(t, window, resolutionFwhm, resolutionKernel, gapBelowData, curvature);
	}

	/**
	 * {@return these settings with the model blurred by a Gaussian resolution} Without it the fitted
	 * Eg comes out low by a good part of the FWHM for an indirect gap (the blurred onset starts
	 * early): about 0.2 eV at a 0.6 eV ZLP.
	 *
	 * @param fwhm FWHM, eV; 0 for none
	 */
	public BandGapSettings withResolution(double fwhm) {
		return new BandGapSettings(type, window, fwhm, null, gapBelowData, curvature);
	}

	/**
	 * {@return these settings with the model blurred by a measured resolution function} The right
	 * choice when the ZLP is known: its wings and tail blur the onset as well as its core does.
	 *
	 * @param kernel the ZLP's shape
	 */
	public BandGapSettings withResolution(ResolutionKernel kernel) {
		return new BandGapSettings(type, window, resolutionFwhm, Objects.requireNonNull(kernel, "kernel"), gapBelowData, curvature);
	}

	/**
	 * {@return these settings with Eg allowed below the data} For an inelastic spectrum that starts
	 * above the gap: after zero-loss subtraction only energies above dE1 are data (below, the ZLP
	 * model was fitted to the spectrum itself), while an indirect onset, whose slope is zero at Eg,
	 * makes the spectrum's first minimum, and so the automatic dE1, lie above Eg. The model
	 * A(E − Eg)^b blurred by the resolution still describes the data above dE1 for such an Eg, so a
	 * window that starts at the first data point lets Eg go that far below it; an Eg at that limit
	 * is on the edge (not bounded by the data).
	 *
	 * @param eV ≥ 0
	 */
	public BandGapSettings withGapBelowData(double eV) {
		return new BandGapSettings(type, window, resolutionFwhm, resolutionKernel, eV, curvature);
	}

	/** {@return these settings with the curvature term used as c says} @param c not null */
	public BandGapSettings withCurvature(OnsetCurvature c) {
		return new BandGapSettings(type, window, resolutionFwhm, resolutionKernel, gapBelowData, Objects.requireNonNull(c, "curvature"));
	}

	/** {@return whether the fit has the curvature term, for this gap type} */
	public boolean curved() {
		return curvature.appliesTo(type);
	}

	/** {@return whether the window is chosen from the data} */
	public boolean hasAutomaticWindow() {
		return window == null;
	}
}
