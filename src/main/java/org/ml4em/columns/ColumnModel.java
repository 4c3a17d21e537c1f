package org.ml4em.columns;

import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.tf.TileFunction;

/**
 * A trained column finder ready to run: the network as a {@link TileFunction} (a normalised
 * single-channel tile in, per pixel the heat map then one probability per class out, channels
 * fastest) and what running it needs to know.
 *
 * @param network the network; called from one thread at a time
 * @param labels the class of each class channel, in channel order
 * @param minPixelSize smallest pixel size trained on, Å
 * @param maxPixelSize largest pixel size trained on, Å
 * @param sizeMultiple what tile sides must be multiples of
 * @param overlap context, pixels, each tile needs around its core
 */
public record ColumnModel(TileFunction network, List<String> labels, double minPixelSize, double maxPixelSize, int sizeMultiple, int overlap) {

	/** Copies the labels and checks the values. */
	public ColumnModel {
		Objects.requireNonNull(network, "network");
		labels = List.copyOf(labels);
		if (labels.isEmpty()) throw new BadInputException("The column model names no classes.");
		if (!(minPixelSize > 0 && maxPixelSize >= minPixelSize))
			throw new BadInputException("The column model's pixel-size range " + minPixelSize + " … " + maxPixelSize + " Å is not valid.");
		if (sizeMultiple < 1 || overlap < 0) throw new BadInputException("The column model's tiling (" + sizeMultiple + ", " + overlap + ") is not valid.");
	}

	/** {@return output channels per pixel: the heat map and one per class} */
	public int channels() {
		return 1 + labels.size();
	}
}
