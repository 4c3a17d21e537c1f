package org.ml4em.columns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores pooled over several images: the counts of each label add up, so an F1 is that of all
 * the images' columns together, and the position errors are pooled in pm (images may differ in
 * pixel size). Not thread-safe.
 */
final class PooledScores {

	private final Map<String, int[]> counts = new LinkedHashMap<>();
	private double squaredPm;
	private int matched;

	/** Adds one image's score under its label. */
	void add(ClassScore s) {
		add(s.label(), s);
	}

	/** Adds one image's score under another label. */
	void add(String label, ClassScore s) {
		int[] c = counts.computeIfAbsent(label, k -> new int[3]);
		c[0] += s.truth();
		c[1] += s.found();
		c[2] += s.matched();
	}

	/** Adds one image's matched pairs to the position error. @param pixelSize Å per pixel of that image */
	void addError(ClassScore s, double pixelSize) {
		if (s.matched() == 0) return;
		squaredPm += s.matched() * Math.pow(s.rmsError() * pixelSize * 100, 2);
		matched += s.matched();
	}

	/** {@return the pooled score of a label; an empty one (F1 1) when it never occurred} */
	ClassScore get(String label) {
		int[] c = counts.getOrDefault(label, new int[3]);
		return new ClassScore(label, c[0], c[1], c[2], Double.NaN);
	}

	/** {@return every label's pooled score, in the order first added} */
	Map<String, ClassScore> all() {
		Map<String, ClassScore> out = new LinkedHashMap<>();
		counts.keySet().forEach(label -> out.put(label, get(label)));
		return out;
	}

	/** {@return the RMS position error of all matched pairs added by {@link #addError}, pm; NaN when none} */
	double rmsErrorPm() {
		return matched == 0 ? Double.NaN : Math.sqrt(squaredPm / matched);
	}
}
