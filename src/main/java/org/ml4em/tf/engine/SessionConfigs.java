package org.ml4em.tf.engine;

import org.ml4em.tf.ComputeDevice;
import org.tensorflow.proto.ConfigProto;

/** Session settings shared by the graphs ML4EM builds itself. */
final class SessionConfigs {

	private SessionConfigs() {}

	/**
	 * One inter-op thread and {@code threads} intra-op threads: our graphs are single chains of
	 * large operations, so parallelism belongs inside each operation.
	 *
	 * @param softPlacement whether an operation placed on the GPU may fall back to the CPU
	 */
	static ConfigProto withThreads(int threads, boolean softPlacement) {
		return ConfigProto.newBuilder()
			.setIntraOpParallelismThreads(Math.max(1, threads))
			.setInterOpParallelismThreads(1)
			.setAllowSoftPlacement(softPlacement)
			.build();
	}

	/**
	 * {@link #withThreads} with soft placement, for a graph meant to run on {@code device}: a CPU
	 * device hides every GPU from the session ({@code device_count {"GPU": 0}}), because TensorFlow
	 * would otherwise place operations on a visible GPU even when the user asked for the CPU.
	 */
	static ConfigProto forDevice(ComputeDevice device, int threads) {
		ConfigProto.Builder config = withThreads(threads, true).toBuilder();
		if (!device.gpu()) config.putDeviceCount("GPU", 0);
		return config.build();
	}
}
