package org.ml4em.columns;

import java.util.List;

/**
 * What {@link ColumnFinder} found.
 *
 * @param columns the columns, by decreasing score, in pixels of the input image
 * @param heatMap the column probability per pixel of the input image, row-major
 * @param width of the heat map, pixels
 * @param height of the heat map, pixels
 * @param warnings what the user should know about this result (e.g. a pixel size outside the trained range)
 */
public record ColumnFinderResult(List<DetectedColumn> columns, float[] heatMap, int width, int height, List<String> warnings) {

	/** Copies the lists. */
	public ColumnFinderResult {
		columns = List.copyOf(columns);
		warnings = List.copyOf(warnings);
	}

	/** {@return how many columns of a class were found} @param label the class */
	public long count(String label) {
		return columns.stream().filter(c -> c.label().equals(label)).count();
	}
}
