package org.ml4em.tf;

/** What the device line of a command's output says on this machine, for tests that run with device=auto. */
public final class ExpectedDevice {

	private ExpectedDevice() {}

	/** "ran on GPU:0" where TensorFlow finds a usable GPU, else "ran on CPU". */
	public static String ranOn() {
		return TensorFlowDevices.gpuUsable() ? "ran on GPU:0" : "ran on CPU";
	}
}
