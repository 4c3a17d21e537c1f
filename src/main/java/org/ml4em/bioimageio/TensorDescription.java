package org.ml4em.bioimageio;

import java.nio.file.Path;
import java.util.List;

/**
 * One input or output tensor of a bioimage.io model, as its {@code rdf.yaml} describes it.
 *
 * @param id its name in the model's signature ({@code id} in format 0.5, {@code name} in 0.4)
 * @param axes one letter per axis in the model's order: {@code b} batch, {@code c} channel,
 *            {@code x y z} space, {@code t} time, {@code i} index (e.g. {@code "byxc"})
 * @param minimumSize smallest y and x size the model takes (inputs; 1 when free)
 * @param sizeStep the y and x sizes it takes are {@code minimumSize + k · sizeStep} (0: only the minimum)
 * @param halo pixels at each edge of an output that are not valid (outputs), the most over y and x
 * @param processing the pre- (inputs) or postprocessing (outputs) steps, in order
 * @param testTensor the description's test tensor, an {@code .npy} file in the model folder
 */
public record TensorDescription(String id, String axes, int[] minimumSize, int[] sizeStep, int halo, List<ProcessingStep> processing, Path testTensor) {

	public TensorDescription {
		processing = List.copyOf(processing);
	}

	/** True when y and x of {@code size} (pixels) are sizes the model takes. */
	public boolean takes(int size) {
		for (int a = 0; a < 2; a++) {
			if (size < minimumSize[a]) return false;
			if (sizeStep[a] == 0 ? size != minimumSize[a] : (size - minimumSize[a]) % sizeStep[a] != 0) return false;
		}
		return true;
	}
}
