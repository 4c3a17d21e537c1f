package org.ml4em.tf.engine;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** What a U-Net's output is made of: how its logits become the values a model gives. */
public enum UNetHead {

	/** One probability per output channel: the sigmoid of the logits (the column finder). */
	PROBABILITIES,

	/**
	 * A completed image (the scan completer): input channel 0 is a first guess that holds the
	 * measured values where input channel 1, the mask, is 1; the output is the guess plus the
	 * logits as a correction where nothing was measured, {@code guess + (1 − mask)·logits}, so
	 * measured pixels come out exactly as measured and an untrained network returns its guess.
	 */
	INPAINTING;

	/**
	 * @param input the network's input {@code (batch, y, x, channel)}
	 * @param logits the U-Net's last layer
	 */
	Operand<TFloat32> output(Ops tf, Operand<TFloat32> input, Operand<TFloat32> logits) {
		if (this == PROBABILITIES) return tf.math.sigmoid(logits);
		var guess = channel(tf, input, 0);
		var unmeasured = tf.math.sub(tf.constant(1f), channel(tf, input, 1));
		return tf.math.add(guess, tf.math.mul(unmeasured, logits));
	}

	private static Operand<TFloat32> channel(Ops tf, Operand<TFloat32> input, int c) {
		return tf.slice(input, tf.constant(new int[] { 0, 0, 0, c }), tf.constant(new int[] { -1, -1, -1, 1 }));
	}
}
