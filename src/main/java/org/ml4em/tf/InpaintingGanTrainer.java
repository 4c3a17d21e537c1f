package org.ml4em.tf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains a U-Net generator that adds a correction to a first guess where nothing was measured, to
 * complete sparsely sampled images, against a small convolutional critic, with least-squares GAN losses (Mao et al.
 * 2017) as in Ede and Beanland's partial-scan completion.
 * <p>
 * Generator loss: the mean over the batch of ln(MSE + 10⁻⁶) of each completed image against its
 * target, plus {@code adversarialWeight} · mean (D(completed) − 1)². The logarithm makes each
 * image's loss its PSNR up to sign and scale, so a flat, clean image whose errors are small counts
 * as much as a noisy one, and training improves what the PSNR measures. Critic loss:
 * ½ mean (D(target) − 1)² + ½ mean D(completed)². Both take one Adam step per batch, from the same
 * forward pass.
 * <p>
 * Gradient clipping: the generator's gradients are scaled down to a global norm of at most the
 * {@code clip} given to {@link #step}, so a rare batch with a huge gradient (an image nearly without
 * samples) cannot throw the weights away; {@link AdaptiveClipping} chooses it from the norms seen.
 * <p>
 * Arrays are row-major {@code (batch, y, x, channel)}: inputs have 2 channels (first guess, mask),
 * targets and outputs 1. Not thread-safe.
 */
public interface InpaintingGanTrainer extends AutoCloseable {

	/**
	 * @param shape the generator: 2 input channels, 1 output channel
	 * @param startModel a SavedModel folder written by {@link #export} for the same shape, whose
	 *            weights the generator starts from (to continue a training; the critic starts
	 *            afresh); null to start from random weights
	 * @param adversarialWeight weight of the adversarial term against the reconstruction term; 0 trains the critic but ignores it
	 * @param seed seed of the initial weights
	 * @param device where to train
	 * @param threads CPU threads TensorFlow may use within one operation
	 * @throws org.ml4em.BadInputException when {@code startModel} is not such a model
	 */
	static InpaintingGanTrainer create(UNetShape shape, Path startModel, float adversarialWeight, long seed, ComputeDevice device, int threads) {
		return TensorFlow.engine().inpaintingTrainer(shape, startModel, adversarialWeight, seed, device, threads);
	}

	/** What one step measured, before its update. */
	record StepLosses(float reconstruction, float adversarial, float critic, float gradientNorm) {}

	/** The generator's architecture. */
	UNetShape shape();

	/** The device that trains. */
	ComputeDevice device();

	/**
	 * One Adam step of the generator and of the critic on a batch.
	 *
	 * @param inputs {@code (batch, height, width, 2)}: first guess, mask
	 * @param targets {@code (batch, height, width, 1)}
	 * @param clipNorm the largest global norm the generator's gradient may have; larger ones are scaled down to it
	 * @param learningRate Adam step size of both networks for this step
	 */
	StepLosses step(float[] inputs, float[] targets, int batch, int height, int width, float clipNorm, float learningRate);

	/** {@return the completed images {@code (batch, height, width, 1)}} @param inputs {@code (batch, height, width, 2)} */
	float[] predict(float[] inputs, int batch, int height, int width);

	/**
	 * Writes the generator as a SavedModel of its forward pass: input {@code (batch, y, x, 2)} (first
	 * guess, mask), output the completed image {@code (batch, y, x, 1)}; the critic is left out.
	 *
	 * @param dir a new or empty folder
	 */
	void export(Path dir) throws IOException;

	/** Closes the session and the graph. */
	void close();
}
