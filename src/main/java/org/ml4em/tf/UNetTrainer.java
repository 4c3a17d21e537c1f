package org.ml4em.tf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains a {@link UNetShape} network to predict per-pixel probabilities: each output channel is a
 * sigmoid, the loss is the binary cross-entropy against targets in 0 … 1 (soft targets such as
 * Gaussian heat maps are fine), optionally with rare positives weighted up, averaged over pixels
 * and channels, minimised by Adam on the batches the caller gives. The trained network is exported as a SavedModel whose
 * output is the probabilities.
 *
 * <pre>
 * try (UNetTrainer trainer = UNetTrainer.create(new UNetShape(1, 4, 4, 16, 3), 1e-3f, new float[0], 42, device, 2)) {
 *     for (int step = 0; step &lt; 10_000; step++) trainer.step(batch.images(), batch.targets(), 8, 128, 128);
 *     float[] probabilities = trainer.predict(image, 1, 512, 512);
 *     trainer.export(Path.of("model"));
 * }
 * </pre>
 *
 * Arrays are row-major {@code (batch, y, x, channel)}. Not thread-safe: one caller at a time.
 */
public interface UNetTrainer extends AutoCloseable {

	/**
	 * @param shape the network
	 * @param learningRate Adam step size, e.g. 1e-3
	 * @param positiveWeights per output channel, how much more a pixel counts where its target is 1
	 *            than where it is 0 (linear in between), at least 1: for rare classes; empty for
	 *            all 1
	 * @param seed seed of the initial weights
	 * @param device where to train, from {@link TensorFlowDevices#resolve}
	 * @param threads CPU threads TensorFlow may use within one operation
	 */
	static UNetTrainer create(UNetShape shape, float learningRate, float[] positiveWeights, long seed, ComputeDevice device, int threads) {
		return TensorFlow.engine().unetTrainer(shape, learningRate, positiveWeights, seed, device, threads);
	}

	/** The architecture. */
	UNetShape shape();

	/** The device that trains. */
	ComputeDevice device();

	/**
	 * One Adam step on a batch.
	 *
	 * @param images {@code (batch, height, width, inputChannels)}
	 * @param targets {@code (batch, height, width, outputChannels)}, each in 0 … 1
	 * @return the mean cross-entropy before the step
	 */
	float step(float[] images, float[] targets, int batch, int height, int width);

	/**
	 * The mean cross-entropy of the current weights on a batch, without training.
	 *
	 * @param images {@code (batch, height, width, inputChannels)}
	 * @param targets {@code (batch, height, width, outputChannels)}
	 */
	float loss(float[] images, float[] targets, int batch, int height, int width);

	/**
	 * {@return the probabilities {@code (batch, height, width, outputChannels)}} of the current weights
	 *
	 * @param images {@code (batch, height, width, inputChannels)}
	 */
	float[] predict(float[] images, int batch, int height, int width);

	/**
	 * Writes the current network as a SavedModel: input {@code "input"}, output
	 * {@code "output"} (the probabilities), both {@code (batch, y, x, channel)}.
	 * Only the forward pass and its weights go in (no optimizer state, no initial values), so the
	 * model is about 4 bytes per weight.
	 *
	 * @param dir a new or empty folder
	 */
	void export(Path dir) throws IOException;

	/** Closes the session and the graph. */
	void close();
}
