package org.ml4em.scan;

import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.tf.TileFunction;

/**
 * A trained scan completer ready to run: the generator as a {@link TileFunction} (a tile of
 * {@link CompletionInput} in, the completed tile out, both normalised by {@link IntensityRange})
 * and how to tile it.
 *
 * @param network the network; called from one thread at a time
 * @param sizeMultiple what tile sides must be multiples of
 * @param overlap context, pixels, each tile needs around its core
 */
public record ScanCompleterModel(TileFunction network, int sizeMultiple, int overlap) {

	/** Checks the values. */
	public ScanCompleterModel {
		Objects.requireNonNull(network, "network");
		if (sizeMultiple < 1 || overlap < 0) throw new BadInputException("The scan completer's tiling (" + sizeMultiple + ", " + overlap + ") is not valid.");
	}
}
