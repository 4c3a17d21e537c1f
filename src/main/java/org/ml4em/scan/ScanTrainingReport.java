package org.ml4em.scan;

import java.util.List;

/**
 * What a training of the scan completer did.
 *
 * @param validations the validation curve, one entry per check
 * @param bestStep the step whose weights were kept (largest mean PSNR gain over harmonic inpainting)
 * @param steps steps run
 * @param seconds wall time
 * @param device the device that trained, in words
 * @param parameters trained weights of the generator
 */
public record ScanTrainingReport(List<Validation> validations, int bestStep, int steps, double seconds, String device, long parameters) {

	/**
	 * One check on the fixed validation patches: spirals of nominal coverage 1/16 and 1/100, in turn.
	 *
	 * @param step steps done
	 * @param reconstruction mean ln(MSE) of the training batches since the previous check
	 * @param adversarial mean generator LSGAN term since the previous check
	 * @param critic mean critic loss since the previous check
	 * @param gainDb mean PSNR of the network minus that of harmonic inpainting, dB, over all validation patches
	 * @param gainDb16 the same over the 1/16 patches
	 * @param gainDb100 the same over the 1/100 patches
	 */
	public record Validation(int step, double reconstruction, double adversarial, double critic, double gainDb, double gainDb16, double gainDb100) {}

	/** {@return the check of the kept weights} */
	public Validation best() {
		return validations.stream().filter(v -> v.step() == bestStep).findFirst().orElseThrow();
	}
}
