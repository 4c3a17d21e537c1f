package org.ml4em.columns;

import java.util.List;

/**
 * What a training of the column finder did.
 *
 * @param validations the validation curve, one entry per check
 * @param bestStep the step whose weights were kept (highest mean class F1)
 * @param steps steps run
 * @param seconds wall time
 * @param device the device that trained, in words
 * @param parameters trained weights of the network
 */
public record ColumnTrainingReport(List<Validation> validations, int bestStep, int steps, double seconds, String device, long parameters) {

	/**
	 * One check on the validation images at a tolerance of {@value ColumnFinderTrainer#TOLERANCE_ANGSTROM} Å.
	 *
	 * @param step steps done
	 * @param loss mean training cross-entropy since the previous check
	 * @param f1 F1 of all columns regardless of class
	 * @param f1ByClass F1 per class, in {@link org.ml4em.columns.sim.ColumnClass} order
	 * @param rmsErrorPm RMS position error of the matched columns, pm
	 */
	public record Validation(int step, double loss, double f1, List<Double> f1ByClass, double rmsErrorPm) {

		/** {@return the mean of the per-class F1}: what checkpoints and the hyper-parameter search are chosen by */
		public double meanClassF1() {
			return f1ByClass.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		}
	}

	/** {@return the check of the kept weights} */
	public Validation best() {
		return validations.stream().filter(v -> v.step() == bestStep).findFirst().orElseThrow();
	}
}
