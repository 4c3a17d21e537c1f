package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaEnsembleTrainer;

/**
 * Spectra of two exposure times fitted by one ensemble with the exposure as a third input must give
 * the ZLP at an exposure between them: in the simulation a longer exposure collects more electrons
 * and smears the peak wider (energy drift during the exposure), so a model that ignored the setting,
 * or copied one of the two trained ones, would get the width in between wrong.
 * <p>
 * Compared with the replicas' 68 % band: what characterises a ZLP, its width (FWHM) and its
 * intensity (area), and the shape channel by channel. The interpolated peaks came out shifted by up
 * to −0.15 eV before each prediction was re-centred on 0 eV ({@link PeakRecentring}); the truth
 * then lay within the band in only 44 % and 13 % of the channels (92 % and 87 % re-centred).
 */
class ZlpConditionsTest {

	private static final double SCALE = 0.03;

	/** ZLP FWHM of an exposure: drift during the exposure widens the peak, eV. */
	private static double fwhm(double exposure) {
		return 0.3 + 1.5 * exposure;
	}

	private static SyntheticSpectrumImage simulate(double exposure, long seed) {
		return SyntheticLowLoss.defaults().withEnergyAxis(-3, SCALE, 400).withPlasmon(15, 4).withBandGap(2.5).withMaxDrift(0)
			.withZlp(fwhm(exposure), 0.02).withBeamCounts(1e7 * exposure).withSeed(seed).generate(ThicknessMap.stripes(16, 12, 0.3, 0.8));
	}

	private static ThicknessResult thickness(SyntheticSpectrumImage si) {
		return new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2).withThreads(2)).run(si, Progress.NONE);
	}

	@Test
	void interpolatesTheZlpBetweenTwoExposures() {
		double a = 0.05, b = 0.1, c = 0.2;
		List<ZlpInput> inputs = List.of(new ZlpInput(thickness(simulate(a, 11)), new double[] { a }),
			new ZlpInput(thickness(simulate(c, 12)), new double[] { c }));
		ZlpResult result = new ZlpAnalysis(ZlpAnalysisTest.quick().withReplicas(12)).run(inputs, List.of(ConditionScaling.EXPOSURE), Progress.NONE);
		assertEquals(List.of(ConditionScaling.EXPOSURE), result.scaling().names());
		assertEquals(3, result.weights().shape().inputs(), "ΔE, ln I_total and the exposure");
		assertEquals(4, result.classes().size(), "two classes per image, numbered one after the other");
		assertEquals(1, result.classes().get(2).source());
		assertTrue(result.keptCount() >= 9, "replicas kept: " + result.keptCount());

		SyntheticSpectrumImage unseen = simulate(b, 13);
		ThicknessResult t = thickness(unseen);
		double[] energies = ZlpAnalysis.energies(t.aligned().energyAxis());
		try (ReplicaEnsembleTrainer model = ReplicaEnsembleTrainer.create(result.weights().shape(), DeviceChoice.CPU, 2)) {
			model.setWeights(result.weights());
			for (int cls = 0; cls < 2; cls++) {
				int pixel = firstPixel(t.clusters().labels(), cls);
				double[] truth = new double[energies.length];
				unseen.expectedZeroLoss(pixel % unseen.width(), pixel / unseen.width(), truth);
				float[][] lnZlp = ZlpAnalysis.predict(model::predict, result.scaling(), energies, Math.log(t.maps().totalIntensity()[pixel]), new double[] { b });
				double[] width = new double[lnZlp.length], area = new double[lnZlp.length];
				int n = 0;
				for (int r = 0; r < lnZlp.length; r++)
					if (result.kept()[r]) {
						double[] zlp = new double[energies.length];
						for (int i = 0; i < zlp.length; i++)
							zlp[i] = Math.exp(lnZlp[r][i]);
						width[n] = width(zlp);
						area[n++] = Arrays.stream(zlp).sum();
					}
				double[] widthBand = band(width, n), areaBand = band(area, n);
				double trueWidth = width(truth), trueArea = Arrays.stream(truth).sum();
				String what = String.format(Locale.ROOT, "class %d at %.2f s: FWHM %.3f eV, replicas' band %.3f–%.3f; area %.4g, band %.4g–%.4g;"
					+ " truth within the band channel by channel: %.0f %%", cls, b, trueWidth, widthBand[0], widthBand[1], trueArea, areaBand[0],
					areaBand[1], 100 * channelsInBand(truth, ZlpEnsemble.of(energies, truth, lnZlp, result.kept()), energies, result.cutoffs().de1()[cls]));
				System.out.println(what);
				// A FWHM is read off a sampled peak: half a channel is its resolution.
				assertTrue(widthBand[0] - SCALE / 2 <= trueWidth && trueWidth <= widthBand[1] + SCALE / 2, what);
				assertTrue(areaBand[0] <= trueArea && trueArea <= areaBand[1], what);
				assertTrue(fwhm(a) < widthBand[0] && widthBand[1] < fwhm(c), what + ": the width must lie between the trained settings' widths");
				assertTrue(channelsInBand(truth, ZlpEnsemble.of(energies, truth, lnZlp, result.kept()), energies, result.cutoffs().de1()[cls]) >= 0.6, what);
			}
		}
	}

	private static double[] band(double[] values, int n) {
		Arrays.sort(values, 0, n);
		return new double[] { Percentiles.of(values, n, 16), Percentiles.of(values, n, 84) };
	}

	private static double width(double[] zlp) {
		return ZeroLossPeak.halfMaximumWidth(zlp, zlp.length, ZeroLossPeak.peakIndex(zlp, zlp.length)) * SCALE;
	}

	/** Share of the channels up to dE1 with the ZLP above 1 % of its peak where the truth lies in the band (± counting noise). */
	private static double channelsInBand(double[] truth, ZlpEnsemble e, double[] energies, double de1) {
		double peak = Arrays.stream(truth).max().orElseThrow();
		int n = 0, in = 0;
		for (int i = 0; i < truth.length && energies[i] <= de1; i++)
			if (truth[i] >= 0.01 * peak) {
				n++;
				double noise = Math.sqrt(truth[i]);
				if (truth[i] >= e.zlpLow()[i] - noise && truth[i] <= e.zlpHigh()[i] + noise)
					in++;
			}
		return (double) in / n;
	}

	private static int firstPixel(int[] labels, int cls) {
		for (int p = 0; p < labels.length; p++)
			if (labels[p] == cls)
				return p;
		throw new AssertionError("no pixel of class " + cls);
	}
}
