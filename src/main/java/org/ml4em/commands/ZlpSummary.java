package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpEnsemble;
import org.ml4em.eels.ZlpResult;

/** The one-paragraph report of a zero-loss subtraction: replicas kept, device, cutoffs, band gaps. */
final class ZlpSummary {

	private ZlpSummary() {}

	static String of(String fileName, ZlpResult r, BandGapSettings gap) {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
			"EELS Zero-Loss Subtraction of %s: %d of %d replicas kept%s; %d failed fits were trained again from fresh weights; trained in %.1f s on %s. ",
			fileName, r.keptCount(), r.kept().length, rejected(r), r.retried(), r.training().seconds(), r.training().device().description()));
		for (ZlpClassResult c : r.classes()) {
			sb.append(String.format(Locale.ROOT, "Cluster %d: dE1 %.2f eV, dE2 %.2f eV, ", c.label(), r.cutoffs().de1()[c.label()], r.cutoffs().de2()[c.label()]));
			bandGap(sb, c, gap);
		}
		return sb.toString().strip();
	}

	/** Why replicas were left out, in brackets; empty when none was. */
	private static String rejected(ZlpResult r) {
		int outliers = r.kept().length - r.keptCount() - r.unfitted();
		List<String> why = new ArrayList<>();
		if (r.unfitted() > 0)
			why.add(String.format(Locale.ROOT, "%d did not fit their data within the epochs: validation chi2 per point above %.0f; train longer", r.unfitted(),
				ZlpEnsemble.FITTED_CHI2));
		if (outliers > 0)
			why.add(outliers + " had a validation chi2 far above the ensemble's");
		return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
	}

	/**
	 * Appends one class's band gap, or why there is none.
	 *
	 * @param sb the summary so far
	 * @param c the class
	 * @param gap the gap type and onset model used
	 */
	static void bandGap(StringBuilder sb, ZlpClassResult c, BandGapSettings gap) {
		if (c.hasBandGap())
			sb.append(String.format(Locale.ROOT, "Eg %.2f eV (68 %%: %.2f to %.2f, %s%s, %d replicas fitted). ", c.bandGap().median(), c.bandGap().p16(),
				c.bandGap().p84(), gap.type().name().toLowerCase(Locale.ROOT), gap.curved() ? " with the curvature term" : "", c.bandGap().counted()));
		else
			sb.append("no band gap: ").append(c.bandGapProblem()).append(' ');
	}
}
