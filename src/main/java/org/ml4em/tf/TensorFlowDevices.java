package org.ml4em.tf;

import org.ml4em.BadInputException;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;

/**
 * Finds out which devices TensorFlow can really use on this machine and resolves a user's
 * {@link DeviceChoice} against them.
 * <p>
 * The GPU check places one tiny operation explicitly on {@code /device:GPU:0} with soft
 * placement off: a CPU-only TensorFlow build, a missing CUDA driver and an absent card all make
 * it fail, so "GPU" is only ever reported when a GPU actually ran. The answer is computed once
 * per JVM. Thread-safe.
 */
public final class TensorFlowDevices {

	private static volatile Boolean gpuUsable;

	private TensorFlowDevices() {}

	/** The TensorFlow runtime version, e.g. "2.18.0"; loads the native library on first use. */
	public static String tensorFlowVersion() {
		return TensorFlow.version();
	}

	/** True when TensorFlow can run an operation on GPU 0. */
	public static boolean gpuUsable() {
		Boolean usable = gpuUsable;
		if (usable == null) {
			synchronized (TensorFlowDevices.class) {
				if (gpuUsable == null) gpuUsable = probeGpu();
				usable = gpuUsable;
			}
		}
		return usable;
	}

	/**
	 * Resolves what the user asked for against what is present.
	 *
	 * @throws BadInputException when {@code gpu} is requested and no GPU is usable
	 */
	public static ComputeDevice resolve(DeviceChoice choice) {
		boolean gpu = gpuUsable();
		switch (choice) {
			case GPU:
				if (!gpu) throw new BadInputException("device=gpu was requested but TensorFlow finds no usable GPU on this machine " +
					"(a CUDA GPU and the ML4EM GPU build are needed); use device=auto or device=cpu.");
				return new ComputeDevice(true, "GPU:0", "");
			case CPU:
				return new ComputeDevice(false, "CPU", "");
			default:
				return gpu ? new ComputeDevice(true, "GPU:0", "") : new ComputeDevice(false, "CPU", "no GPU found, running on CPU");
		}
	}

	private static boolean probeGpu() {
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

	static DeviceSpec gpuSpec() {
		return DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build();
	}
}
