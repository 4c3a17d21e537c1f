package org.ml4em.eels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * What applying a trained zero-loss-peak ensemble to new spectra needs besides the networks
 * themselves ({@link ZlpPredictor}): the input scaling, which replicas were kept, the aligned energy
 * axis and the thickness classes it was trained on, and the band-gap type used. Written beside the
 * SavedModel as {@code ml4em_zlp.json} by the commands; the arrays are shared, do not modify them.
 * <p>
 * A model describes the ZLP only under the conditions it saw: {@link #checkEnergyAxis} refuses
 * spectra of another dispersion or that stop before the modelled range ends, and
 * {@link #checkLogIntensity} refuses a ln I_total (thickness × beam current × exposure) further
 * than {@link #logIntensityMargin()} outside the trained range.
 *
 * @param scaling how (ΔE, ln I_total) were mapped to the network's inputs
 * @param kept which replicas passed the outlier test, one flag per replica of the networks
 * @param energy the zero-loss-aligned energy axis of the training spectra, eV
 * @param classLogIntensity median ln I_total of each training class, thinnest first
 * @param cutoffs dE1 and dE2 of each training class, eV
 * @param gapType the band-gap type of the training run (the default when the model is applied)
 * @param device what trained the networks, for the record
 */
public record ZlpModel(ZlpInputScaling scaling, boolean[] kept, EnergyAxis energy, double[] classLogIntensity, ZlpCutoffs cutoffs, GapType gapType,
	String device)
{

	/** ln I_total may lie this share of the trained range outside it. */
	public static final double LOG_INTENSITY_MARGIN_FRACTION = 0.25;

	/** ... and at least this much (ln counts; about ±20 % in counts): a one-class model has no range. */
	public static final double MIN_LOG_INTENSITY_MARGIN = 0.2;

	/** New spectra may start this share of the modelled energy range below it (the network extrapolates a little). */
	public static final double ENERGY_MARGIN_FRACTION = 0.1;

	/** Relative difference of energy steps (eV per channel) that still counts as the same dispersion. */
	public static final double STEP_TOLERANCE = 0.01;

	/**
	 * Checks the values.
	 *
	 * @param scaling not null
	 * @param kept at least one replica, at least one kept
	 * @param energy not null
	 * @param classLogIntensity one finite value per class, as many as the cutoffs have
	 * @param cutoffs not null
	 * @param gapType not null
	 * @param device not null
	 * @throws BadInputException when a value does not fit
	 */
	public ZlpModel {
		Objects.requireNonNull(scaling, "scaling");
		Objects.requireNonNull(energy, "energy");
		Objects.requireNonNull(cutoffs, "cutoffs");
		Objects.requireNonNull(gapType, "gapType");
		Objects.requireNonNull(device, "device");
		if (kept.length == 0 || ZlpEnsemble.count(kept) == 0)
			throw new BadInputException("The ZLP model keeps none of its " + kept.length + " replicas; it cannot be applied.");
		if (classLogIntensity.length != cutoffs.de1().length)
			throw new BadInputException("The ZLP model describes " + classLogIntensity.length + " classes but has dE1 for " + cutoffs.de1().length + ".");
		if (!(energy.scale() > 0))
			throw new BadInputException("The ZLP model's energy step is " + energy.scale() + " eV; expected a positive step.");
	}

	/**
	 * {@return the model of a finished training}
	 *
	 * @param result the training's result
	 * @param energy the aligned energy axis it was trained on
	 * @param gapType the band-gap type used
	 */
	public static ZlpModel of(ZlpResult result, EnergyAxis energy, GapType gapType) {
		double[] l = result.classes().stream().mapToDouble(ZlpClassResult::logIntensity).toArray();
		return new ZlpModel(result.scaling(), result.kept().clone(), energy, l, result.cutoffs(), gapType, result.training().device().description());
	}

	/** {@return the number of replicas the networks hold, kept or not} */
	public int replicas() {
		return kept.length;
	}

	/** {@return the number of kept replicas} */
	public int keptCount() {
		return ZlpEnsemble.count(kept);
	}

	/** {@return how far outside the trained ln I_total range the model is still applied, ln counts} */
	public double logIntensityMargin() {
		return Math.max(MIN_LOG_INTENSITY_MARGIN, LOG_INTENSITY_MARGIN_FRACTION * (scaling.logIntensityMax() - scaling.logIntensityMin()));
	}

	/** {@return whether ln I_total lies within the trained range widened by the margin} @param logIntensity ln counts */
	public boolean covers(double logIntensity) {
		double m = logIntensityMargin();
		return logIntensity >= scaling.logIntensityMin() - m && logIntensity <= scaling.logIntensityMax() + m;
	}

	/**
	 * Refuses a ln I_total the model was not trained for.
	 *
	 * @param logIntensity ln counts
	 * @param what what has this intensity, e.g. "cluster 2", for the message
	 * @throws BadInputException when it lies outside the trained range by more than the margin
	 */
	public void checkLogIntensity(double logIntensity, String what) {
		if (!covers(logIntensity))
			throw new BadInputException(String.format(Locale.ROOT,
				"%s has ln I_total = %.2f, outside the range the ZLP model was trained on (%.2f to %.2f, ±%.2f accepted); "
					+ "apply it to spectra of the same conditions (thickness, beam current, exposure) or train a new model.",
				what, logIntensity, scaling.logIntensityMin(), scaling.logIntensityMax(), logIntensityMargin()));
	}

	/**
	 * Refuses aligned spectra of another dispersion, or that do not cover the modelled range.
	 *
	 * @param aligned the zero-loss-aligned energy axis of the new spectra
	 * @throws BadInputException naming the energies that do not fit
	 */
	public void checkEnergyAxis(EnergyAxis aligned) {
		if (!(Math.abs(aligned.scale() - energy.scale()) <= STEP_TOLERANCE * energy.scale()))
			throw new BadInputException(String.format(Locale.ROOT,
				"The spectra have %.4g eV per channel but the ZLP model was trained on %.4g eV per channel; the ZLP in counts per channel "
					+ "depends on the dispersion, so record with the same dispersion or train a new model.", aligned.scale(), energy.scale()));
		double last = aligned.energy(aligned.channels() - 1), first = aligned.energy(0);
		double range = scaling.energyMax() - scaling.energyMin();
		if (last < scaling.energyMax() - 0.5 * energy.scale() || first < scaling.energyMin() - ENERGY_MARGIN_FRACTION * range)
			throw new BadInputException(String.format(Locale.ROOT,
				"The aligned spectra run from %.2f to %.2f eV but the ZLP model describes %.2f to %.2f eV; give spectra that reach at least %.2f eV "
					+ "and start no lower than %.2f eV.", first, last, scaling.energyMin(), scaling.energyMax(), scaling.energyMax(),
				scaling.energyMin() - ENERGY_MARGIN_FRACTION * range));
	}

	@Override
	public String toString() {
		return "ZlpModel[" + keptCount() + " of " + replicas() + " replicas kept, " + scaling + ", classes " + Arrays.toString(classLogIntensity) + "]";
	}
}
