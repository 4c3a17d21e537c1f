package org.ml4em.columns;

/**
 * A column found in an image.
 *
 * @param x pixel column, sub-pixel (0 is the centre of the first pixel)
 * @param y pixel row, sub-pixel
 * @param label the class
 * @param score the detector's confidence; for {@link LogDetector} the response relative to the 90th percentile of candidates
 */
public record DetectedColumn(double x, double y, String label, double score) {

	/** {@return the column as a point to score} */
	public ColumnPoint point() {
		return new ColumnPoint(x, y, label);
	}
}
