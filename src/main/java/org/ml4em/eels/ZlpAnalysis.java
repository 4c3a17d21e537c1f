package org.ml4em.eels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.tf.MlpShape;
import org.ml4em.tf.MlpShape.Activation;
import org.ml4em.tf.ReplicaData;
import org.ml4em.tf.ReplicaEnsembleTrainer;
import org.ml4em.tf.ReplicaTrainingReport;

/**
 * Zero-loss-peak subtraction with a neural network and Monte Carlo replicas (EELSfitter's method,
 * SCIENCE.md section 2), on a spectrum image already aligned and grouped into thickness classes
 * ({@link ThicknessAnalysis} with clustering):
 * <ol>
 * <li>dE1 and dE2 per class ({@link ZlpCutoffs});</li>
 * <li>each replica's data: one random spectrum per class, ln counts below dE1 with the class's spread
 * as σ, pseudo-data above dE2 ({@link ZlpTrainingSet});</li>
 * <li>all replicas trained together in one TensorFlow graph: inputs (ΔE, ln I_total), hidden layers
 * 10-15-5 (sigmoid, sigmoid, ReLU), output ln I_ZLP; Adam; early stopping on the validation χ²,
 * each replica keeping its best-validation weights ({@link ReplicaEnsembleTrainer});</li>
 * <li>replicas whose fit failed trained again from fresh weights ({@link StalledReplicaRetry}), then
 * outlier replicas rejected ({@link ZlpEnsemble#keep});</li>
 * <li>per class: the ZLP predicted at the class's median ln I_total, subtracted from its median
 * spectrum replica by replica → ZLP and inelastic medians and 68 % bands ({@link ZlpEnsemble});</li>
 * <li>per class: the band gap of every kept replica's inelastic spectrum, blurred by the class's
 * ZLP width as resolution → Eg median and 68 % interval ({@link BandGapEnsemble}); a class whose
 * onset cannot be fitted keeps its bands and says why.</li>
 * </ol>
 */
public final class ZlpAnalysis {

	/** The network of SCIENCE.md: 2 inputs, hidden 10-15-5. */
	public static final MlpShape NETWORK = MlpShape.of(2, new int[] { 10, 15, 5 }, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);

	private final ZlpSettings settings;

	/** @param settings the analysis settings */
	public ZlpAnalysis(ZlpSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Runs the analysis.
	 *
	 * @param thickness the thickness analysis of the spectrum image, with clustering
	 * @param progress status, fraction, cancel
	 * @return cutoffs, model, kept replicas, training report and per-class results
	 * @throws BadInputException when the thickness analysis has no classes, or a step refuses the data
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ZlpResult run(ThicknessResult thickness, Progress progress) {
		if (!thickness.hasClusters())
			throw new BadInputException("the zero-loss subtraction needs thickness classes; run the thickness analysis with clusters.");
		AlignedSpectrumImage aligned = thickness.aligned();
		ClusterSpectra spectra = thickness.clusterSpectra();
		EnergyAxis energy = aligned.energyAxis();
		progress.status("ZLP: choosing dE1 and dE2, drawing " + settings.replicas() + " replicas");
		ZlpCutoffs cutoffs = ZlpCutoffs.of(spectra, energy, settings.de1(), settings.de2(), ZlpSettings.MAX_DE1_SEARCH);
		int[] labels = thickness.clusters().labels();
		float[] total = thickness.maps().totalIntensity();
		ZlpTrainingSet set = ZlpTrainingSet.draw(aligned, total, labels, spectra, cutoffs, settings.replicas(), settings.seed());
		try (ReplicaEnsembleTrainer trainer = new ReplicaEnsembleTrainer(NETWORK, settings.device(), settings.threads())) {
			progress.status("ZLP: training " + settings.replicas() + " replicas on " + trainer.device().description());
			ReplicaTrainingReport first = trainer.train(
				new ReplicaData(set.x(), set.y(), set.sigma(), set.trainWeight(), set.validationWeight()), settings.training(),
				new ProgressRange(progress, 0, 0.7));
			StalledReplicaRetry.Outcome trained = StalledReplicaRetry.run(trainer, set, first, settings.training(), settings.retries(),
				new ProgressRange(progress, 0.7, 0.85));
			ReplicaTrainingReport report = trained.report();
			boolean[] kept = ZlpEnsemble.keep(report.bestValidationChi2());
			if (ZlpEnsemble.count(kept) == 0)
				throw new BadInputException("no replica converged (every validation χ² is infinite or NaN); check the data and dE1/dE2.");
			List<ZlpClassResult> classes = classResults(trainer::predict, set.scaling(), kept, thickness, new ProgressRange(progress, 0.85, 1));
			progress.fraction(1);
			return new ZlpResult(cutoffs, set.scaling(), trained.weights(), kept, report, trained.retried(), classes);
		}
	}

	/**
	 * Steps 5 and 6 alone, with a model that is already trained (this run's, or one saved earlier
	 * and loaded again): per thickness class the ZLP predicted at the class's median ln I_total,
	 * subtracted from its median spectrum, and the band gap of the kept replicas.
	 *
	 * @param model the replica ensemble
	 * @param scaling the model's input scaling
	 * @param kept which of the model's replicas to use
	 * @param thickness the thickness analysis of the spectra, with clustering
	 * @param progress status, fraction, cancel
	 * @return one result per class, thinnest first
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public List<ZlpClassResult> classResults(ZlpPredictor model, ZlpInputScaling scaling, boolean[] kept, ThicknessResult thickness, Progress progress) {
		double[] energies = energies(thickness.aligned().energyAxis());
		List<ZlpClassResult> classes = new ArrayList<>();
		int k = thickness.clusterSpectra().median().length;
		for (int c = 0; c < k; c++) {
			progress.checkCanceled();
			progress.status("ZLP: class " + c + " of " + k + ", subtraction and band gap");
			classes.add(classResult(model, scaling, thickness, kept, energies, c, new ProgressRange(progress, (double) c / k, (c + 1.0) / k)));
		}
		progress.fraction(1);
		return classes;
	}

	/** The ZLP predicted at the class's median ln I_total, subtracted from its median spectrum, and its band gap. */
	private ZlpClassResult classResult(ZlpPredictor model, ZlpInputScaling scaling, ThicknessResult thickness, boolean[] kept,
		double[] energies, int c, Progress progress)
	{
		double logIntensity = medianLogIntensity(thickness.maps().totalIntensity(), thickness.clusters().labels(), c);
		double[] spectrum = thickness.clusterSpectra().median()[c];
		float[][] lnZlp = predict(model, scaling, energies, logIntensity);
		ZlpEnsemble bands = ZlpEnsemble.of(energies, spectrum, lnZlp, kept);
		// A class without a visible onset (a metal, too few counts) still has its ZLP and inelastic bands.
		try {
			return new ZlpClassResult(c, logIntensity, bands, bandGap(energies, spectrum, lnZlp, kept, thickness.aligned(), progress), null);
		}
		catch (BadInputException e) {
			return new ZlpClassResult(c, logIntensity, bands, null, e.getMessage());
		}
	}

	private BandGapInterval bandGap(double[] energies, double[] spectrum, float[][] lnZlp, boolean[] kept, SpectrumImage aligned, Progress progress)
	{
		List<double[]> inelastic = new ArrayList<>();
		for (int r = 0; r < lnZlp.length; r++) {
			if (!kept[r])
				continue;
			double[] s = new double[energies.length];
			for (int i = 0; i < s.length; i++)
				s[i] = spectrum[i] - Math.exp(lnZlp[r][i]);
			inelastic.add(s);
		}
		double peak = ZeroLossPeak.peakIndex(spectrum, spectrum.length);
		double fwhm = ZeroLossPeak.halfMaximumWidth(spectrum, spectrum.length, peak) * aligned.energyAxis().scale();
		BandGapSettings gap = Double.isFinite(fwhm) && fwhm < BandGapSettings.MAX_RESOLUTION_FWHM ? settings.bandGap().withResolution(fwhm)
			: settings.bandGap();
		return BandGapEnsemble.fit(gap, energies, inelastic.toArray(double[][]::new), null, settings.threads(), progress);
	}

	/** ln I_ZLP per replica and channel; −∞ (no ZLP) beyond the modelled range. */
	static float[][] predict(ZlpPredictor model, ZlpInputScaling scaling, double[] energies, double logIntensity) {
		int modelled = 0;
		while (modelled < energies.length && scaling.models(energies[modelled]))
			modelled++;
		float[][] inside = model.predict(scaling.inputs(Arrays.copyOf(energies, modelled), logIntensity));
		float[][] all = new float[inside.length][energies.length];
		for (int r = 0; r < all.length; r++) {
			System.arraycopy(inside[r], 0, all[r], 0, modelled);
			Arrays.fill(all[r], modelled, energies.length, Float.NEGATIVE_INFINITY);
		}
		return all;
	}

	static double[] energies(EnergyAxis axis) {
		double[] e = new double[axis.channels()];
		for (int i = 0; i < e.length; i++)
			e[i] = axis.energy(i);
		return e;
	}

	static double medianLogIntensity(float[] total, int[] labels, int c) {
		double[] values = new double[labels.length];
		int n = 0;
		for (int p = 0; p < labels.length; p++)
			if (labels[p] == c && total[p] > 0)
				values[n++] = Math.log(total[p]);
		Arrays.sort(values, 0, n);
		return Percentiles.of(values, n, 50);
	}
}
