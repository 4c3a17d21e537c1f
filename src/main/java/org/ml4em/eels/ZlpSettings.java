package org.ml4em.eels;

import org.ml4em.BadInputException;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * Everything {@link ZlpAnalysis} needs besides the data.
 *
 * @param replicas Monte Carlo replicas (100 by default; 500 for publication)
 * @param de1 dE1 in eV for every class, NaN for automatic (see {@link ZlpCutoffs})
 * @param de2 dE2 in eV for every class, NaN for 3 · dE1
 * @param bandGap gap type and fit window; the resolution is set from each class's ZLP width
 * @param device where the network trains
 * @param training learning rate, epochs, early stopping, weight seed
 * @param seed seed of the replicas' data
 * @param threads CPU threads
 * @param retries how many times replicas whose fit failed are trained again from fresh weights
 */
public record ZlpSettings(int replicas, double de1, double de2, BandGapSettings bandGap, DeviceChoice device,
	ReplicaTrainingSettings training, long seed, int threads, int retries)
{

	/** Retries of failed replicas unless told otherwise. */
	public static final int DEFAULT_RETRIES = 2;

	/** Replicas unless told otherwise. */
	public static final int DEFAULT_REPLICAS = 100;

	/**
	 * Adam's learning rate unless told otherwise. Ten times EELSfitter's 10⁻³: at 10⁻³ most replicas
	 * were still improving after 20 000 epochs, with training χ² per point from 1.5 to several hundred,
	 * and their ZLP tails 30 % off below dE1; at 10⁻² the same replicas reach χ² per point 0.4–1.3
	 * (bench/zlp_accuracy.sh: direct-gap RMS error 0.025 eV instead of 0.067 eV). At 3·10⁻² a gap
	 * below dE1 was once reported as a wrong value instead of being refused.
	 */
	public static final float DEFAULT_LEARNING_RATE = 1e-2f;

	/** The automatic dE1 is looked for up to this energy after the peak, eV. */
	public static final double MAX_DE1_SEARCH = 10;

	/**
	 * Checks the values.
	 *
	 * @param replicas at least 1
	 * @param de1 positive or NaN
	 * @param de2 greater than dE1, or NaN
	 * @param bandGap not null
	 * @param device not null
	 * @param training not null
	 * @param seed any
	 * @param threads at least 1
	 * @param retries at least 0
	 */
	public ZlpSettings {
		if (replicas < 1)
			throw new BadInputException("replicas=" + replicas + "; expected at least 1.");
		if (!Double.isNaN(de1) && !(de1 > 0))
			throw new BadInputException("de1=" + de1 + " eV; expected a positive energy, or automatic.");
		if (!Double.isNaN(de2) && !(de2 > (Double.isNaN(de1) ? 0 : de1)))
			throw new BadInputException("de2=" + de2 + " eV; expected an energy above de1.");
		if (threads < 1)
			throw new IllegalArgumentException("threads must be at least 1");
		if (retries < 0)
			throw new IllegalArgumentException("retries must be at least 0");
	}

	/**
	 * {@return 100 replicas, automatic dE1/dE2, direct gap with the automatic window, device auto,
	 * learning rate {@value #DEFAULT_LEARNING_RATE}, all processors}
	 */
	public static ZlpSettings defaults() {
		return new ZlpSettings(DEFAULT_REPLICAS, Double.NaN, Double.NaN, BandGapSettings.of(GapType.DIRECT), DeviceChoice.AUTO,
			ReplicaTrainingSettings.defaults().withLearningRate(DEFAULT_LEARNING_RATE), 42, Runtime.getRuntime().availableProcessors(), DEFAULT_RETRIES);
	}

	/** {@return these settings with another number of replicas} @param n replicas */
	public ZlpSettings withReplicas(int n) {
		return new ZlpSettings(n, de1, de2, bandGap, device, training, seed, threads, retries);
	}

	/** {@return these settings with given dE1 and dE2 (NaN: automatic)} @param e1 eV @param e2 eV */
	public ZlpSettings withCutoffs(double e1, double e2) {
		return new ZlpSettings(replicas, e1, e2, bandGap, device, training, seed, threads, retries);
	}

	/** {@return these settings with another band-gap fit} @param b gap type and window */
	public ZlpSettings withBandGap(BandGapSettings b) {
		return new ZlpSettings(replicas, de1, de2, b, device, training, seed, threads, retries);
	}

	/** {@return these settings with another device} @param d device choice */
	public ZlpSettings withDevice(DeviceChoice d) {
		return new ZlpSettings(replicas, de1, de2, bandGap, d, training, seed, threads, retries);
	}

	/** {@return these settings with other training settings} @param t training */
	public ZlpSettings withTraining(ReplicaTrainingSettings t) {
		return new ZlpSettings(replicas, de1, de2, bandGap, device, t, seed, threads, retries);
	}

	/** {@return these settings with another data seed} @param s seed */
	public ZlpSettings withSeed(long s) {
		return new ZlpSettings(replicas, de1, de2, bandGap, device, training, s, threads, retries);
	}

	/** {@return these settings with another number of retries of failed replicas} @param n retries */
	public ZlpSettings withRetries(int n) {
		return new ZlpSettings(replicas, de1, de2, bandGap, device, training, seed, threads, n);
	}

	/** {@return these settings with another thread count} @param n threads */
	public ZlpSettings withThreads(int n) {
		return new ZlpSettings(replicas, de1, de2, bandGap, device, training, seed, n, retries);
	}
}
