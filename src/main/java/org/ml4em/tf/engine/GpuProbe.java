package org.ml4em.tf.engine;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Finds out whether TensorFlow can really run on GPU 0.
 * <p>
 * The check places one tiny operation explicitly on {@code /device:GPU:0} with soft placement
 * off: a CPU-only TensorFlow build, a missing CUDA driver and an absent card all make it fail, so
 * "GPU" is only ever reported when a GPU actually ran. The answer is computed once per class
 * loader. Thread-safe.
 */
final class GpuProbe {

	private static volatile Boolean gpuUsable;

	private GpuProbe() {}

	static boolean gpuUsable() {
		Boolean usable = gpuUsable;
		if (usable == null) {
			synchronized (GpuProbe.class) {
				if (gpuUsable == null) gpuUsable = probe();
				usable = gpuUsable;
			}
		}
		return usable;
	}

	static DeviceSpec gpuSpec() {
		return DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();
	}

	private static boolean probe() {
		try (Graph graph = new Graph()) {
			Ops tf = Ops.create(graph).withDevice(gpuSpec());
			var sum = tf.math.add(tf.constant(1f), tf.constant(2f));
			try (Session session = new Session(graph); Result result = session.runner().fetch(sum).run()) {
				return true;
			}
		}
		catch (RuntimeException | UnsatisfiedLinkError e) {
			return false;
		}
	}
}
