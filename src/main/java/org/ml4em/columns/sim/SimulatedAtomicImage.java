package org.ml4em.columns.sim;

import java.util.List;

/**
 * A simulated HAADF-STEM image with its ground truth.
 *
 * @param settings what made it
 * @param pixels detected electrons per pixel, row by row ({@code [x + y·width]})
 * @param columns every lattice site inside the image, with its class, in image coordinates
 */
public record SimulatedAtomicImage(AtomicImageSettings settings, float[] pixels, List<SimulatedColumn> columns) {

	/** {@return the width, pixels} */
	public int width() {
		return settings.width();
	}

	/** {@return the height, pixels} */
	public int height() {
		return settings.height();
	}

	/** {@return how many sites are of a class} @param c the class */
	public long count(ColumnClass c) {
		return columns.stream().filter(s -> s.columnClass() == c).count();
	}
}
