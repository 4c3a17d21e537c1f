package org.ml4em.columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.ml4em.BadInputException;

/**
 * Scores found columns against the true ones: each true column is paired with at most one found
 * column closer than the tolerance, and the other way round, closest pairs first (greedy matching
 * of all pairs sorted by distance: on lattices, whose columns are much farther apart than the
 * tolerance, it gives the same pairs as the optimal assignment). Scored for positions alone
 * (class {@value #ALL}) and for each class, where only columns of that class are paired.
 *
 * <pre>
 * List&lt;ClassScore&gt; scores = ColumnMatching.score(truth, found, 0.5 / pixelSize);
 * double f1 = scores.get(0).f1(); // ALL first, then the classes by name
 * </pre>
 */
public final class ColumnMatching {

	/** The label of the score over all columns, whatever their class. */
	public static final String ALL = "all";

	private ColumnMatching() {}

	/**
	 * {@return the score over all columns, then one per class present in either list, by name}
	 *
	 * @param truth the true columns
	 * @param found the found columns
	 * @param tolerance largest distance of a match, pixels, positive
	 * @throws BadInputException when the tolerance is not positive
	 */
	public static List<ClassScore> score(List<ColumnPoint> truth, List<ColumnPoint> found, double tolerance) {
		if (!(tolerance > 0 && Double.isFinite(tolerance)))
			throw new BadInputException("The match tolerance must be a positive distance, got " + tolerance + " pixels.");
		List<ClassScore> scores = new ArrayList<>();
		scores.add(match(ALL, truth, found, tolerance));
		TreeSet<String> labels = new TreeSet<>();
		truth.forEach(p -> labels.add(p.label()));
		found.forEach(p -> labels.add(p.label()));
		for (String label : labels)
			scores.add(match(label, truth.stream().filter(p -> p.label().equals(label)).toList(), found.stream().filter(p -> p.label().equals(label)).toList(),
				tolerance));
		return scores;
	}

	private record Pair(int truth, int found, double distance) {}

	private static ClassScore match(String label, List<ColumnPoint> truth, List<ColumnPoint> found, double tolerance) {
		List<Pair> pairs = candidates(truth, found, tolerance);
		pairs.sort(Comparator.comparingDouble(Pair::distance));
		boolean[] truthUsed = new boolean[truth.size()], foundUsed = new boolean[found.size()];
		int matched = 0;
		double squares = 0;
		for (Pair p : pairs) {
			if (truthUsed[p.truth] || foundUsed[p.found]) continue;
			truthUsed[p.truth] = foundUsed[p.found] = true;
			matched++;
			squares += p.distance * p.distance;
		}
		return new ClassScore(label, truth.size(), found.size(), matched, matched == 0 ? Double.NaN : Math.sqrt(squares / matched));
	}

	/** Every true–found pair closer than the tolerance, found through a grid of tolerance-sized cells. */
	private static List<Pair> candidates(List<ColumnPoint> truth, List<ColumnPoint> found, double tolerance) {
		Map<Long, List<Integer>> cells = new HashMap<>();
		for (int f = 0; f < found.size(); f++)
			cells.computeIfAbsent(cell(found.get(f).x(), found.get(f).y(), tolerance), k -> new ArrayList<>()).add(f);
		List<Pair> pairs = new ArrayList<>();
		for (int t = 0; t < truth.size(); t++) {
			ColumnPoint a = truth.get(t);
			long cx = (long) Math.floor(a.x() / tolerance), cy = (long) Math.floor(a.y() / tolerance);
			for (long dy = -1; dy <= 1; dy++)
				for (long dx = -1; dx <= 1; dx++)
					for (int f : cells.getOrDefault(key(cx + dx, cy + dy), List.of())) {
						double d = Math.hypot(found.get(f).x() - a.x(), found.get(f).y() - a.y());
						if (d <= tolerance) pairs.add(new Pair(t, f, d));
					}
		}
		return pairs;
	}

	private static long cell(double x, double y, double size) {
		return key((long) Math.floor(x / size), (long) Math.floor(y / size));
	}

	private static long key(long cx, long cy) {
		return (cx << 32) ^ (cy & 0xffffffffL);
	}
}
