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
 * outlier replicas rejected ({@link ZlpEnsemble#keep}), and so are replicas that did not fit their
 * data within the epochs ({@link ZlpEnsemble#fitted}), however many: when none is left the analysis
 * stops and says so;</li>
 * <li>per class: the ZLP predicted at the class's median ln I_total, subtracted from its median
 * spectrum replica by replica → ZLP and inelastic medians and 68 % bands ({@link ZlpEnsemble});</li>
 * <li>per class: the band gap of every kept replica's inelastic spectrum — the class's mean
 * spectrum, fluctuated by its standard error, minus the replica's ZLP ({@link BandGapReplicas}) —
 * with the modelled ZLP as resolution function, each replica in a window of its own reach, looked
 * for above dE1 only → Eg median and 68 % interval ({@link BandGapEnsemble}); a class whose onset
 * cannot be measured keeps its bands and says why.</li>
 * </ol>
 * Spectrum images of several acquisition settings (beam energy, exposure) can be fitted by one
 * ensemble ({@link #run(List, List, Progress)}): each setting value that differs between them is a
 * further network input ({@link ConditionScaling}), so that the ZLP can be predicted at a setting
 * between those recorded.
 */
public final class ZlpAnalysis {

	/** The network of SCIENCE.md: 2 inputs, hidden 10-15-5. */
	public static final MlpShape NETWORK = network(2);

	/** Fewest channels a replica's fit window reaches above the gap: the fit needs a few to see the rise. */
	private static final int MIN_CHANNELS_ABOVE = 6;

	/**
	 * How far below dE1 the band gap may lie, eV: the onset's data start at dE1, and the power law
	 * blurred by the resolution is extrapolated at most this far below them.
	 */
	public static final double GAP_BELOW_DE1_EV = 0.5;

	private final ZlpSettings settings;

	/** @param settings the analysis settings */
	public ZlpAnalysis(ZlpSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * {@return the network of SCIENCE.md with {@code inputs} inputs: ΔE, ln I_total and one per acquisition condition}
	 *
	 * @param inputs at least 2
	 */
	public static MlpShape network(int inputs) {
		return MlpShape.of(inputs, new int[] { 10, 15, 5 }, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);
	}

	/**
	 * Runs the analysis of one spectrum image.
	 *
	 * @param thickness the thickness analysis of the spectrum image, with clustering
	 * @param progress status, fraction, cancel
	 * @return cutoffs, model, kept replicas, training report and per-class results
	 * @throws BadInputException when the thickness analysis has no classes, or a step refuses the data
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ZlpResult run(ThicknessResult thickness, Progress progress) {
		return run(List.of(ZlpInput.of(thickness)), List.of(), progress);
	}

	/**
	 * Runs the analysis of spectrum images recorded at several acquisition settings, fitted by one
	 * ensemble whose extra inputs are the settings, so that it can give the ZLP at a setting between
	 * them. The classes of all images are numbered one after the other.
	 *
	 * @param inputs the spectrum images with their thickness analyses and settings
	 * @param conditions the name of each setting value, e.g. {@link ConditionScaling#EXPOSURE} (empty for none)
	 * @param progress status, fraction, cancel
	 * @return cutoffs, model, kept replicas, training report and per-class results
	 * @throws BadInputException when a thickness analysis has no classes, or a step refuses the data
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ZlpResult run(List<ZlpInput> inputs, List<String> conditions, Progress progress) {
		progress.status("ZLP: choosing dE1 and dE2, drawing " + settings.replicas() + " replicas");
		List<ZlpTrainingSet.Source> sources = new ArrayList<>();
		for (ZlpInput input : inputs)
			sources.add(source(input));
		ZlpCutoffs cutoffs = ZlpCutoffs.concat(sources.stream().map(ZlpTrainingSet.Source::cutoffs).toList());
		ZlpTrainingSet set = ZlpTrainingSet.draw(sources, conditions, settings.replicas(), settings.seed());
		MlpShape network = network(set.scaling().inputCount());
		try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(network, settings.device(), settings.threads())) {
			progress.status("ZLP: training " + settings.replicas() + " replicas on " + trainer.device().description());
			ReplicaTrainingReport first = trainer.train(
				new ReplicaData(set.x(), set.y(), set.sigma(), set.trainWeight(), set.validationWeight()), settings.training(),
				new ProgressRange(progress, 0, 0.7));
			StalledReplicaRetry.Outcome trained = StalledReplicaRetry.run(trainer, set, first, settings.training(), settings.retries(),
				new ProgressRange(progress, 0.7, 0.85));
			ReplicaTrainingReport report = trained.report();
			double[] chi2 = report.bestValidationChi2();
			boolean[] fitted = ZlpEnsemble.fitted(chi2);
			boolean[] kept = ZlpEnsemble.keep(chi2);
			for (int r = 0; r < kept.length; r++)
				kept[r] &= fitted[r];
			if (ZlpEnsemble.count(kept) == 0)
				throw new BadInputException(noneFitted(chi2));
			List<ZlpClassResult> classes = new ArrayList<>();
			int k = cutoffs.de1().length;
			for (int i = 0; i < inputs.size(); i++) {
				int from = classes.size(), n = sources.get(i).classes();
				classes.addAll(classResults(trainer::predict, set.scaling(), kept, inputs.get(i), i, from, sources.get(i).cutoffs().de1(),
					new ProgressRange(progress, 0.85 + 0.15 * from / k, 0.85 + 0.15 * (from + n) / k)));
			}
			progress.fraction(1);
			return new ZlpResult(cutoffs, set.scaling(), trained.weights(), kept, chi2.length - ZlpEnsemble.count(fitted), report, trained.retried(),
				classes);
		}
	}

	/**
	 * {@return the settings with Eg allowed up to {@value #GAP_BELOW_DE1_EV} eV below dE1, for an
	 * indirect gap and the automatic window} A direct onset rises at once, so the spectrum's first
	 * minimum (the automatic dE1) lies at or below the gap, and a dE1 well above it means an onset
	 * hidden under the ZLP tail: extrapolated from above dE1 it came out 0.35 eV high (a thin film,
	 * truth 2.01 eV, dE1 2.50 eV). An indirect onset starts with zero slope, which pushes the minimum
	 * above the gap even when the onset is strong. A window the user gives bounds Eg as it is.
	 *
	 * @param gap the class's band-gap settings
	 */
	static BandGapSettings withGapBelowDe1(BandGapSettings gap) {
		return gap.type() == GapType.INDIRECT && gap.hasAutomaticWindow() ? gap.withGapBelowData(GAP_BELOW_DE1_EV) : gap;
	}

	/** Why no replica can be used: none gave a number, or none fitted its data within the epochs. */
	private String noneFitted(double[] chi2) {
		double[] finite = Arrays.stream(chi2).filter(Double::isFinite).sorted().toArray();
		if (finite.length == 0)
			return "no replica converged (every validation χ² is infinite or NaN); check the data and dE1/dE2.";
		return String.format(java.util.Locale.ROOT,
			"None of the %d replicas fitted its data within %d epochs: their best validation χ² per point lies between %.3g and %.3g, where a "
				+ "zero-loss peak within the class's spread gives about 1 (at most %.0f is accepted). Train longer (epochs) or with a larger "
				+ "learning rate (now %.3g).",
			chi2.length, settings.training().maxEpochs(), finite[0], finite[finite.length - 1], ZlpEnsemble.FITTED_CHI2,
			settings.training().learningRate());
	}

	/** The training data of one image: its classes and their cutoffs. */
	private ZlpTrainingSet.Source source(ZlpInput input) {
		ThicknessResult thickness = input.thickness();
		if (!thickness.hasClusters())
			throw new BadInputException("the zero-loss subtraction needs thickness classes; run the thickness analysis with clusters.");
		ClusterSpectra spectra = thickness.clusterSpectra();
		EnergyAxis energy = thickness.aligned().energyAxis();
		checkFitWindow(energy);
		ZlpCutoffs cutoffs = ZlpCutoffs.of(spectra, energy, settings.de1(), settings.de2(), ZlpSettings.MAX_DE1_SEARCH);
		return new ZlpTrainingSet.Source(thickness.aligned(), thickness.maps().totalIntensity(), thickness.clusters().labels(), spectra, cutoffs,
			input.setting());
	}

	/** A band-gap window the user gave must lie on the recorded losses, or hours of training end in no band gap. */
	private void checkFitWindow(EnergyAxis energy) {
		FitWindow window = settings.bandGap().window();
		double last = energy.energy(energy.channels() - 1);
		if (window != null && !(window.low() >= 0 && window.high() <= last))
			throw new BadInputException(String.format(java.util.Locale.ROOT,
				"The band-gap fit window %s lies outside the recorded energy losses 0 … %.4g eV; give fit_window inside them, or auto.", window, last));
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
		return classResults(model, scaling, kept, ZlpInput.of(thickness), progress);
	}

	/**
	 * Steps 5 and 6 alone for spectra recorded at one acquisition setting, with dE1 of their classes
	 * chosen by the rule of the training (the band-gap onset is looked for above it, see bandGap).
	 *
	 * @param model the replica ensemble
	 * @param scaling the model's input scaling, with one condition per value of the input's setting
	 * @param kept which of the model's replicas to use
	 * @param input the thickness analysis of the spectra, with clustering, and their setting
	 * @param progress status, fraction, cancel
	 * @return one result per class, thinnest first
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public List<ZlpClassResult> classResults(ZlpPredictor model, ZlpInputScaling scaling, boolean[] kept, ZlpInput input, Progress progress) {
		ThicknessResult thickness = input.thickness();
		double[] de1 = ZlpCutoffs.of(thickness.clusterSpectra(), thickness.aligned().energyAxis(), settings.de1(), settings.de2(),
			ZlpSettings.MAX_DE1_SEARCH).de1();
		return classResults(model, scaling, kept, input, 0, 0, de1, progress);
	}

	/** Steps 5 and 6 for one of the input images: its classes are labelled from {@code firstLabel} on. */
	private List<ZlpClassResult> classResults(ZlpPredictor model, ZlpInputScaling scaling, boolean[] kept, ZlpInput input, int source,
		int firstLabel, double[] de1, Progress progress)
	{
		ThicknessResult thickness = input.thickness();
		double[] energies = energies(thickness.aligned().energyAxis());
		List<ZlpClassResult> classes = new ArrayList<>();
		int k = thickness.clusterSpectra().median().length;
		for (int c = 0; c < k; c++) {
			progress.checkCanceled();
			progress.status("ZLP: class " + (firstLabel + c) + ", subtraction and band gap");
			classes.add(classResult(model, scaling, input, source, kept, energies, de1, c, firstLabel + c,
				new ProgressRange(progress, (double) c / k, (c + 1.0) / k)));
		}
		progress.fraction(1);
		return classes;
	}

	/** The ZLP predicted at the class's median ln I_total, subtracted from its median spectrum, and its band gap. */
	private ZlpClassResult classResult(ZlpPredictor model, ZlpInputScaling scaling, ZlpInput input, int source, boolean[] kept,
		double[] energies, double[] de1, int c, int label, Progress progress)
	{
		ThicknessResult thickness = input.thickness();
		double logIntensity = medianLogIntensity(thickness.maps().totalIntensity(), thickness.clusters().labels(), c);
		double[] spectrum = thickness.clusterSpectra().median()[c];
		float[][] lnZlp = predict(model, scaling, energies, logIntensity, input.setting());
		ZlpEnsemble bands = ZlpEnsemble.of(energies, spectrum, lnZlp, kept);
		// A class without a visible onset (a metal, too few counts) still has its ZLP and inelastic bands.
		BandGapInterval gap = null;
		String problem = null;
		try {
			gap = bandGap(model, scaling, input, kept, energies, c, de1[c], progress);
		}
		catch (BadInputException e) {
			problem = e.getMessage();
		}
		return new ZlpClassResult(label, logIntensity, bands, gap, problem, source, input.setting());
	}

	/**
	 * The band gap of class c: its mean spectrum (not the median, see {@link ClassMeanSpectrum}),
	 * with the ZLP predicted at the class's mean I_total, as Monte Carlo replicas that carry both the
	 * ZLP's and the counting noise's uncertainty ({@link BandGapReplicas}), each fitted with the
	 * modelled ZLP as resolution function ({@link ResolutionKernel}) in a window of its own reach above
	 * the gap ({@link #windowReaches}). Only data above dE1 are fitted: below it the network was
	 * fitted to the spectrum itself, so what is left after subtraction is its misfit, correlated over
	 * many channels and easily taken for a significant rise (a thin film's weak onset under the ZLP
	 * tail gave 1.5 eV for a 3 eV gap this way). An indirect gap may lie up to
	 * {@value #GAP_BELOW_DE1_EV} eV below dE1 ({@link #withGapBelowDe1}). A gap further below ends on
	 * the edge and is reported as not measurable, never as a number; so is a gap that fewer than half
	 * of the replicas can bound.
	 */
	private BandGapInterval bandGap(ZlpPredictor model, ZlpInputScaling scaling, ZlpInput input, boolean[] kept, double[] energies, int c,
		double de1, Progress progress)
	{
		ThicknessResult thickness = input.thickness();
		ClassMeanSpectrum data = ClassMeanSpectrum.of(thickness.aligned(), thickness.clusters().labels(), thickness.maps().totalIntensity(), c);
		float[][] lnZlp = predict(model, scaling, energies, Math.log(data.meanTotalIntensity()), input.setting());
		BandGapReplicas replicas = BandGapReplicas.of(data, lnZlp, kept, settings.seed() + 7919L * c);
		int from = 0;
		while (from < energies.length && energies[from] <= de1) from++;
		// The resolution is the ZLP itself, as modelled where it was fitted to the data (up to dE1).
		double[] zlp = ZlpEnsemble.of(energies, data.mean(), lnZlp, kept).zlpMedian();
		BandGapSettings gap = settings.bandGap().withResolution(ResolutionKernel.of(Arrays.copyOf(energies, from), Arrays.copyOf(zlp, from)));
		gap = withGapBelowDe1(gap);
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

	/**
	 * {@return ln I_ZLP per replica and channel; −∞ (no ZLP) beyond the modelled range} With
	 * acquisition settings as inputs each replica's peak is re-centred on 0 eV ({@link PeakRecentring}).
	 *
	 * @param model the ensemble
	 * @param scaling the ensemble's input scaling
	 * @param energies ΔE of each channel, eV
	 * @param logIntensity ln I_total of the spectrum
	 * @param setting the acquisition setting, one value per condition input
	 */
	static float[][] predict(ZlpPredictor model, ZlpInputScaling scaling, double[] energies, double logIntensity, double[] setting) {
		int modelled = 0;
		while (modelled < energies.length && scaling.models(energies[modelled]))
			modelled++;
		float[][] inside = model.predict(scaling.inputs(Arrays.copyOf(energies, modelled), logIntensity, setting));
		float[][] all = new float[inside.length][energies.length];
		for (int r = 0; r < all.length; r++) {
			if (setting.length > 0) PeakRecentring.recentre(inside[r], modelled, energies);
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
