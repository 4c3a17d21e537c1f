package org.ml4em.tf;

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
}
