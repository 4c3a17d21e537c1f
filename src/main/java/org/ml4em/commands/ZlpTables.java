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

	static ResultTable bandGaps(ZlpResult r, double exponent) {
		return bandGaps(r.classes(), exponent);
	}

	static ResultTable bandGaps(List<ZlpClassResult> classes, double exponent) {
		List<List<Object>> rows = new ArrayList<>();
		for (ZlpClassResult c : classes)
			rows.add(c.hasBandGap()
				? List.of(c.label(), c.bandGap().median(), c.bandGap().p16(), c.bandGap().p84(), exponent, c.bandGap().counted())
				: List.of(c.label(), Double.NaN, Double.NaN, Double.NaN, exponent, 0));
		return new ResultTable("Band gaps", List.of("cluster", "eg", "eg_low", "eg_high", "exponent", "replicas_kept"), rows);
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
