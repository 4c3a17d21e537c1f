package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.eels.ClusterSpectra;
import org.ml4em.eels.ThicknessClusters;

/**
 * The thickness classes of an EELS spectrum image as tables and a plot, one layout for Fiji and
 * for CSV/PNG files:
 * <ul>
 * <li>spectra: {@code energy_eV}, then {@code median_k, p16_k, p84_k} for each class k = 0 … K−1
 * (0 thinnest), one row per energy channel of the aligned spectra;</li>
 * <li>statistics: one row per class: {@code label, pixels, mean_t_over_lambda, centre,
 * sampled_spectra} (centre in the clustering feature's units);</li>
 * <li>plot: the medians with their 16–84 % bands on a logarithmic count scale.</li>
 * </ul>
 */
final class ClusterSpectraTable {

	private ClusterSpectraTable() {}

	static ResultTable spectra(ClusterSpectra s) {
		int k = s.median().length;
		List<String> header = new ArrayList<>(List.of("energy_eV"));
		for (int c = 0; c < k; c++)
			header.addAll(List.of("median_" + c, "p16_" + c, "p84_" + c));
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < s.energies().length; i++) {
			List<Object> row = new ArrayList<>(1 + 3 * k);
			row.add(s.energies()[i]);
			for (int c = 0; c < k; c++) {
				row.add(s.median()[c][i]);
				row.add(s.p16()[c][i]);
				row.add(s.p84()[c][i]);
			}
			rows.add(row);
		}
		return new ResultTable("Cluster spectra", header, rows);
	}

	static ResultTable statistics(ThicknessClusters clusters, ClusterSpectra s) {
		List<List<Object>> rows = new ArrayList<>();
		for (int c = 0; c < clusters.k(); c++)
			rows.add(List.of(c, clusters.pixelCounts()[c], clusters.meanThickness()[c], clusters.centres()[c], s.sampledSpectra()[c]));
		return new ResultTable("Thickness clusters", List.of("label", "pixels", "mean_t_over_lambda", "centre", "sampled_spectra"), rows);
	}

	static SpectrumPlot plot(String fileName, ThicknessClusters clusters, ClusterSpectra s) {
		List<SpectrumPlot.Series> series = new ArrayList<>();
		for (int c = 0; c < clusters.k(); c++)
			series.add(new SpectrumPlot.Series(String.format("class %d: t/λ %.2f, %d px", c, clusters.meanThickness()[c], clusters.pixelCounts()[c]),
				s.energies(), SpectrumPlot.positiveOnly(s.median()[c]), SpectrumPlot.positiveOnly(s.p16()[c]), SpectrumPlot.positiveOnly(s.p84()[c])));
		return new SpectrumPlot("Thickness classes of " + fileName + " (median, 16-84 %)", "Energy loss (eV)", "Counts", series, true);
	}
}
