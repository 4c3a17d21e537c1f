package org.ml4em.columns;

/**
 * How well found columns match the true ones, for one class or for all together.
 *
 * @param label the class, or {@value ColumnMatching#ALL} for positions regardless of class
 * @param truth true columns
 * @param found found columns
 * @param matched pairs within the tolerance, each column in at most one
 * @param rmsError root-mean-square distance of the matched pairs, pixels (NaN when none matched)
 */
public record ClassScore(String label, int truth, int found, int matched, double rmsError) {

	/** {@return matched / found; 1 when nothing was found and nothing was there, 0 when only the truth is empty} */
	public double precision() {
		return found == 0 ? (truth == 0 ? 1 : 0) : (double) matched / found;
	}

	/** {@return matched / truth; 1 when there was nothing to find} */
	public double recall() {
		return truth == 0 ? 1 : (double) matched / truth;
	}

	/** {@return the harmonic mean of precision and recall, 2·matched / (truth + found)} */
	public double f1() {
		return truth + found == 0 ? 1 : 2.0 * matched / (truth + found);
	}
}
