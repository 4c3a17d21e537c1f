package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.cluster.ClusterStatistics;
import org.ml4em.cluster.PixelClusterer.PixelClustering;

/**
 * The per-cluster results table, in one layout for every way in (Fiji results window, IJ1
 * ResultsTable, CSV): {@code label, pixels, mean…, std…} and, for K-means, each cluster's share
 * of the inertia. With one feature the columns are {@code mean} and {@code std}; with several,
 * {@code mean_1 … mean_d} and {@code std_1 … std_d}. One row per cluster, in label order.
 */
public final class ClusterTable {

	/** Title of the table window. */
	public static final String TITLE = "Cluster statistics";

	private ClusterTable() {}

	/** Builds the table of a clustering. */
	public static ResultTable of(PixelClustering clustering) {
		int d = clustering.points().features();
		boolean kMeans = "inertia".equals(clustering.result().scoreName());
		List<String> header = new ArrayList<>(List.of("label", "pixels"));
		for (int f = 1; f <= d; f++) header.add(d == 1 ? "mean" : "mean_" + f);
		for (int f = 1; f <= d; f++) header.add(d == 1 ? "std" : "std_" + f);
		if (kMeans) header.add("inertia");
		List<List<Object>> rows = new ArrayList<>();
		for (ClusterStatistics c : clustering.clusters()) {
			List<Object> row = new ArrayList<>(List.of(c.label(), c.pixels()));
			for (double m : c.mean()) row.add(m);
			for (double s : c.standardDeviation()) row.add(s);
			if (kMeans) row.add(withinClusterSquares(c));
			rows.add(row);
		}
		return new ResultTable(TITLE, header, rows);
	}

	/** Sum of squared distances of a cluster's pixels to its mean: pixels × Σ variance. */
	private static double withinClusterSquares(ClusterStatistics c) {
		double s = 0;
		for (double sd : c.standardDeviation()) s += sd * sd;
		return c.pixels() * s;
	}
}
