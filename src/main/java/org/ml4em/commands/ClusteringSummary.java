package org.ml4em.commands;

import java.util.Locale;

import org.ml4em.cluster.ClusteringResult;
import org.ml4em.cluster.PixelClusterer;
import org.ml4em.cluster.PixelClusterer.PixelClustering;

/** The one-line account of a clustering run that every way in prints. */
public final class ClusteringSummary {

	private ClusteringSummary() {}

	/**
	 * E.g. "K-means, k=3, 262144 pixels x 1 feature: inertia 1.234e+03; 10/10 restarts converged;
	 * ran on CPU (plain Java, 2 threads)." plus the excluded pixel counts when there are any.
	 */
	public static String of(PixelClustering c) {
		ClusteringResult r = c.result();
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s, k=%d, %d pixels x %d feature%s: %s %.6g; %d/%d restarts converged; ran on %s.",
			"inertia".equals(r.scoreName()) ? "K-means" : "Gaussian mixture", r.k(), c.points().rows(), r.features(), r.features() == 1 ? "" : "s",
			r.scoreName(), r.score(), r.convergedRestarts(), r.restarts(), r.device()));
		if (c.points().nonFinitePixels() > 0)
			s.append(' ').append(c.points().nonFinitePixels()).append(" NaN/infinite pixels excluded (label ").append(PixelClusterer.UNLABELLED).append(").");
		if (c.points().maskedPixels() > 0) s.append(' ').append(c.points().maskedPixels()).append(" pixels outside the mask.");
		return s.toString();
	}
}
