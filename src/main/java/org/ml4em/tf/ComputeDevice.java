package org.ml4em.tf;

/**
 * The device that actually runs a computation, as resolved from a {@link DeviceChoice}, with a
 * sentence for the user that says honestly what ran and why.
 *
 * @param gpu true when TensorFlow places the work on GPU 0
 * @param description what ran, e.g. "CPU" or "GPU:0"
 * @param note why this device was chosen ("no GPU found, running on CPU"); empty when the user
 *            got exactly what was asked for
 */
public record ComputeDevice(boolean gpu, String description, String note) {

	/** "CPU (no GPU found, running on CPU)" or just "GPU:0". */
	@Override
	public String toString() {
		return note.isEmpty() ? description : description + " (" + note + ")";
	}
}
