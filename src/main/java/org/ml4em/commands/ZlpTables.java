package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpEnsemble;
import org.ml4em.eels.ZlpResult;

/**
 * The zero-loss subtraction's results as tables and plots, one layout for Fiji and for the files
 * of a headless run: {@code spectra_cluster<N>.csv} ({@code energy, zlp_median, zlp_low,
 * zlp_high, inelastic_median, inelastic_low, inelastic_high}) and {@code bandgap.csv}
 * ({@code cluster, eg, eg_low, eg_high, exponent, replicas_kept}).
 */
final class ZlpTables {

	private ZlpTables() {}

	static ResultTable spectra(ZlpClassResult c) {
		ZlpEnsemble b = c.bands();
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < b.energies().length; i++)
			rows.add(List.of(b.energies()[i], b.zlpMedian()[i], b.zlpLow()[i], b.zlpHigh()[i], b.inelasticMedian()[i], b.inelasticLow()[i],
				b.inelasticHigh()[i]));
		return new ResultTable("ZLP and inelastic spectrum, cluster " + c.label(),
			List.of("energy", "zlp_median", "zlp_low", "zlp_high", "inelastic_median", "inelastic_low", "inelastic_high"), rows);
	}

	static ResultTable bandGaps(List<ZlpClassResult> classes, double exponent) {
		return bandGaps(classes, exponent, List.of(), List.of(""));
	}

	/**
	 * The band-gap table; with several input files, each class's file and acquisition setting follow.
	 *
	 * @param r the analysis
	 * @param exponent the onset exponent used
	 * @param inputs the input files' names, the main input first
	 */
	static ResultTable bandGaps(ZlpResult r, double exponent, List<String> inputs) {
		return bandGaps(r.classes(), exponent, r.scaling().names(), inputs);
	}

	private static ResultTable bandGaps(List<ZlpClassResult> classes, double exponent, List<String> conditions, List<String> inputs) {
		List<String> columns = new ArrayList<>(List.of("cluster", "eg", "eg_low", "eg_high", "exponent", "replicas_kept"));
		boolean several = inputs.size() > 1;
		if (several) {
			columns.add("input");
			columns.addAll(conditions);
		}
		List<List<Object>> rows = new ArrayList<>();
		for (ZlpClassResult c : classes) {
			List<Object> row = new ArrayList<>(c.hasBandGap()
				? List.of(c.label(), c.bandGap().median(), c.bandGap().p16(), c.bandGap().p84(), exponent, c.bandGap().counted())
				: List.of(c.label(), Double.NaN, Double.NaN, Double.NaN, exponent, 0));
			if (several) {
				row.add(inputs.get(c.source()));
				for (double v : c.setting())
					row.add(v);
			}
			rows.add(row);
		}
		return new ResultTable("Band gaps", columns, rows);
	}

	static SpectrumPlot plot(String fileName, ZlpClassResult c) {
		ZlpEnsemble b = c.bands();
		return new SpectrumPlot("ZLP subtraction, " + fileName + ", cluster " + c.label() + " (median, 16-84 %)", "Energy loss (eV)", "Counts",
			List.of(new SpectrumPlot.Series("ZLP", b.energies(), SpectrumPlot.positiveOnly(b.zlpMedian()), SpectrumPlot.positiveOnly(b.zlpLow()), SpectrumPlot.positiveOnly(b.zlpHigh())),
				new SpectrumPlot.Series("inelastic", b.energies(), SpectrumPlot.positiveOnly(b.inelasticMedian()), SpectrumPlot.positiveOnly(b.inelasticLow()),
					SpectrumPlot.positiveOnly(b.inelasticHigh()))),
			true);
	}
}
