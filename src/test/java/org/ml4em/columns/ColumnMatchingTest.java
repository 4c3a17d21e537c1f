package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

class ColumnMatchingTest {

	@Test
	void scoresMissesFalseFindsAndClassesApart() {
		// A 20 x 20 grid of atoms 10 px apart with 20 dopants; found: all positions shifted by (0.3, 0.4),
		// the 10 last ones missing, 5 false finds between columns, and 4 dopants called atoms.
		List<ColumnPoint> truth = new ArrayList<>(), found = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			String label = i % 20 == 3 ? "dopant" : "atom";
			truth.add(new ColumnPoint(10 * (i % 20), 10 * (i / 20), label));
			if (i >= 390) continue;
			String call = label.equals("dopant") && i < 80 ? "atom" : label;
			found.add(new ColumnPoint(10 * (i % 20) + 0.3, 10 * (i / 20) + 0.4, call));
		}
		for (int k = 0; k < 5; k++) found.add(new ColumnPoint(5 + 10 * k, 5, "atom"));
		List<ClassScore> scores = ColumnMatching.score(truth, found, 2);
		ClassScore all = scores.get(0), atom = scores.get(1), dopant = scores.get(2);
		assertEquals(List.of("all", "atom", "dopant"), scores.stream().map(ClassScore::label).toList());
		assertEquals(390, all.matched());
		assertEquals(390.0 / 395, all.precision(), 1e-12);
		assertEquals(390.0 / 400, all.recall(), 1e-12);
		assertEquals(0.5, all.rmsError(), 1e-9);
		assertEquals(20, dopant.truth());
		assertEquals(16, dopant.found());
		assertEquals(16, dopant.matched());
		// 380 true atoms (370 found as atoms plus 4 dopants called atoms and 5 false finds = 379 found).
		assertEquals(380, atom.truth());
		assertEquals(379, atom.found());
		assertEquals(370, atom.matched());
	}

	@Test
	void eachColumnIsUsedOnceClosestFirst() {
		List<ColumnPoint> truth = List.of(new ColumnPoint(0, 0, "a"), new ColumnPoint(3, 0, "a"));
		// Both finds are within 2 px of the first column; the closer one takes it, the other goes to the second.
		List<ColumnPoint> found = List.of(new ColumnPoint(0.2, 0, "a"), new ColumnPoint(1.5, 0, "a"));
		ClassScore s = ColumnMatching.score(truth, found, 2).get(0);
		assertEquals(2, s.matched());
		assertEquals(Math.sqrt((0.04 + 2.25) / 2), s.rmsError(), 1e-12);
	}

	@Test
	void matchesLargeRandomSetsLikeBruteForce() {
		SplittableRandom r = new SplittableRandom(4);
		List<ColumnPoint> truth = new ArrayList<>(), found = new ArrayList<>();
		for (int i = 0; i < 3000; i++) truth.add(new ColumnPoint(1000 * r.nextDouble(), 1000 * r.nextDouble(), "a"));
		for (ColumnPoint p : truth) if (r.nextDouble() < 0.9) found.add(new ColumnPoint(p.x() + r.nextGaussian(), p.y() + r.nextGaussian(), "a"));
		// The same greedy matching over all pairs, without the grid.
		List<double[]> pairs = new ArrayList<>();
		for (int t = 0; t < truth.size(); t++)
			for (int f = 0; f < found.size(); f++) {
				double d = Math.hypot(found.get(f).x() - truth.get(t).x(), found.get(f).y() - truth.get(t).y());
				if (d <= 3) pairs.add(new double[] { t, f, d });
			}
		pairs.sort((a, b) -> Double.compare(a[2], b[2]));
		boolean[] tu = new boolean[truth.size()], fu = new boolean[found.size()];
		int brute = 0;
		for (double[] p : pairs)
			if (!tu[(int) p[0]] && !fu[(int) p[1]]) {
				tu[(int) p[0]] = fu[(int) p[1]] = true;
				brute++;
			}
		ClassScore s = ColumnMatching.score(truth, found, 3).get(0);
		assertEquals(brute, s.matched());
		assertEquals(1, ColumnMatching.score(List.of(), List.of(), 1).get(0).f1());
		assertTrue(assertThrows(BadInputException.class, () -> ColumnMatching.score(truth, found, 0)).getMessage().contains("positive distance"));
	}
}
