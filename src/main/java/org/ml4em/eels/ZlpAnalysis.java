package org.ml4em.eels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

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
 * <li>per class: the band gap of every kept replica's inelastic spectrum — the class's mean
 * spectrum, fluctuated by its standard error, minus the replica's ZLP ({@link BandGapReplicas}) —
 * with the modelled ZLP as resolution function, each replica in a window of its own reach, looked
 * for above dE1 only → Eg median and 68 % interval ({@link BandGapEnsemble}); a class whose onset
 * cannot be measured keeps its bands and says why.</li>
 * </ol>
 */
public final class ZlpAnalysis {

	/** The network of SCIENCE.md: 2 inputs, hidden 10-15-5. */
	public static final MlpShape NETWORK = MlpShape.of(2, new int[] { 10, 15, 5 }, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);

	/** Fewest channels a replica's fit window reaches above the gap: the fit needs a few to see the rise. */
	private static final int MIN_CHANNELS_ABOVE = 6;

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
			double[] energies = energies(energy);
			List<ZlpClassResult> classes = new ArrayList<>();
			int k = spectra.median().length;
			for (int c = 0; c < k; c++) {
				progress.checkCanceled();
				progress.status("ZLP: class " + c + " of " + k + ", subtraction and band gap");
				classes.add(classResult(trainer, set.scaling(), thickness, kept, energies, c, cutoffs.de1()[c],
					new ProgressRange(progress, 0.85 + 0.15 * c / k, 0.85 + 0.15 * (c + 1) / k)));
			}
			progress.fraction(1);
			return new ZlpResult(cutoffs, set.scaling(), trained.weights(), kept, report, trained.retried(), classes);
		}
	}

	/** The ZLP predicted at the class's median ln I_total, subtracted from its median spectrum, and its band gap. */
	private ZlpClassResult classResult(ReplicaEnsembleTrainer trainer, ZlpInputScaling scaling, ThicknessResult thickness, boolean[] kept,
		double[] energies, int c, double de1, Progress progress)
	{
		double logIntensity = medianLogIntensity(thickness.maps().totalIntensity(), thickness.clusters().labels(), c);
		double[] spectrum = thickness.clusterSpectra().median()[c];
		float[][] lnZlp = predict(trainer, scaling, energies, logIntensity);
		ZlpEnsemble bands = ZlpEnsemble.of(energies, spectrum, lnZlp, kept);
		// A class without a visible onset (a metal, too few counts) still has its ZLP and inelastic bands.
		try {
			return new ZlpClassResult(c, logIntensity, bands, bandGap(trainer, scaling, thickness, kept, energies, c, de1, progress), null);
		}
		catch (BadInputException e) {
			return new ZlpClassResult(c, logIntensity, bands, null, e.getMessage());
		}
	}

	/**
	 * The band gap of class c: its mean spectrum (not the median, see {@link ClassMeanSpectrum}),
	 * with the ZLP predicted at the class's mean I_total, as Monte Carlo replicas that carry both the
	 * ZLP's and the counting noise's uncertainty ({@link BandGapReplicas}), each fitted with the
	 * modelled ZLP as resolution function ({@link ResolutionKernel}) in a window of its own reach above
	 * the gap ({@link #windowReaches}). The onset is looked for only above dE1: below it the network
	 * was fitted to the spectrum itself, so what is left after subtraction is its misfit, correlated
	 * over many channels and easily taken for a significant rise (a thin film's weak onset under the
	 * ZLP tail gave 1.5 eV for a 3 eV gap this way). A gap at or below dE1 therefore ends on the
	 * window's edge and is reported as not measurable, never as a number; so is a gap that fewer than
	 * half of the replicas can bound.
	 */
	private BandGapInterval bandGap(ReplicaEnsembleTrainer trainer, ZlpInputScaling scaling, ThicknessResult thickness, boolean[] kept,
		double[] energies, int c, double de1, Progress progress)
	{
		ClassMeanSpectrum data = ClassMeanSpectrum.of(thickness.aligned(), thickness.clusters().labels(), thickness.maps().totalIntensity(), c);
		float[][] lnZlp = predict(trainer, scaling, energies, Math.log(data.meanTotalIntensity()));
		BandGapReplicas replicas = BandGapReplicas.of(data, lnZlp, kept, settings.seed() + 7919L * c);
		int from = 0;
		while (from < energies.length && energies[from] <= de1) from++;
		// The resolution is the ZLP itself, as modelled where it was fitted to the data (up to dE1).
		double[] zlp = ZlpEnsemble.of(energies, data.mean(), lnZlp, kept).zlpMedian();
		BandGapSettings gap = settings.bandGap().withResolution(ResolutionKernel.of(Arrays.copyOf(energies, from), Arrays.copyOf(zlp, from)));
		double[] reaches = windowReaches(replicas.values().length, energies[1] - energies[0], settings.seed() + 7919L * c + 1);
		if (energies.length - from < BandGapFit.MIN_POINTS)
			throw new BadInputException(String.format(java.util.Locale.ROOT, "dE1 = %.2f eV leaves too few channels above it to look for a band-gap onset.", de1));
		String where = String.format(java.util.Locale.ROOT, " The onset is looked for above dE1 = %.2f eV; below it the ZLP model is fitted to the spectrum itself.",
			de1);
		BandGapInterval interval;
		try {
			interval = BandGapEnsemble.fit(gap, from(energies, from), from(replicas.values(), from), from(replicas.sigma(), from), reaches, settings.threads(),
				progress);
		}
		catch (BadInputException e) {
			throw new BadInputException(e.getMessage() + where);
		}
		// The failed replicas are part of the distribution (mostly an Eg at or below the window's start);
		// when they are the majority, the median and interval of the rest describe a biased subset.
		if (2 * interval.counted() < interval.replicas())
			throw new BadInputException("Only " + interval.counted() + " of " + interval.replicas() + " replicas gave a reliable band gap in the window "
				+ interval.window() + ", too few for a median and interval." + where);
		return interval;
	}

	/**
	 * How far above the gap each replica's fit window reaches: uniform in 0.5 … 1.5 times the
	 * automatic window's reach (how far the power law holds is unknown, see
	 * {@link BandGapEnsemble}), at least {@value #MIN_CHANNELS_ABOVE} channels.
	 */
	private static double[] windowReaches(int replicas, double channel, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] reaches = new double[replicas];
		for (int r = 0; r < replicas; r++)
			reaches[r] = Math.max(MIN_CHANNELS_ABOVE * channel, BandGapFit.AUTOMATIC_ABOVE_EV * (0.5 + random.nextDouble()));
		return reaches;
	}

	private static double[] from(double[] values, int first) {
		return Arrays.copyOfRange(values, first, values.length);
	}

	private static double[][] from(double[][] rows, int first) {
		double[][] cut = new double[rows.length][];
		for (int r = 0; r < rows.length; r++) cut[r] = from(rows[r], first);
		return cut;
	}

	/** ln I_ZLP per replica and channel; −∞ (no ZLP) beyond the modelled range. */
	private static float[][] predict(ReplicaEnsembleTrainer trainer, ZlpInputScaling scaling, double[] energies, double logIntensity) {
		int modelled = 0;
		while (modelled < energies.length && scaling.models(energies[modelled]))
			modelled++;
		float[][] inside = trainer.predict(scaling.inputs(Arrays.copyOf(energies, modelled), logIntensity));
		float[][] all = new float[inside.length][energies.length];
		for (int r = 0; r < all.length; r++) {
			System.arraycopy(inside[r], 0, all[r], 0, modelled);
			Arrays.fill(all[r], modelled, energies.length, Float.NEGATIVE_INFINITY);
		}
		return all;
	}

	private static double[] energies(EnergyAxis axis) {
		double[] e = new double[axis.channels()];
		for (int i = 0; i < e.length; i++)
			e[i] = axis.energy(i);
		return e;
	}

	private static double medianLogIntensity(float[] total, int[] labels, int c) {
		double[] values = new double[labels.length];
		int n = 0;
		for (int p = 0; p < labels.length; p++)
			if (labels[p] == c && total[p] > 0)
				values[n++] = Math.log(total[p]);
		Arrays.sort(values, 0, n);
		return Percentiles.of(values, n, 50);
	}
}
