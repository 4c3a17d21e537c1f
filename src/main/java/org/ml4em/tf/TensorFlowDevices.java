package org.ml4em.tf;

import org.ml4em.BadInputException;

/**
 * Resolves a user's {@link DeviceChoice} against the devices TensorFlow can really use on this
 * machine: "GPU" is only ever handed out when an operation actually ran on GPU 0.
 */
public final class TensorFlowDevices {

	private TensorFlowDevices() {}

	/** The TensorFlow runtime version, e.g. "2.18.0"; loads the native library on first use. */
	public static String tensorFlowVersion() {
		return TensorFlow.engine().version();
	}

	/** True when TensorFlow can run an operation on GPU 0. */
	public static boolean gpuUsable() {
		return TensorFlow.engine().gpuUsable();
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
}
