package org.ml4em.eels;

import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Numbers;
import org.ml4em.Progress;

/**
 * Applies a trained zero-loss-peak ensemble to new spectra recorded under the same conditions,
 * without training: steps 5 and 6 of {@link ZlpAnalysis} on a new clustered spectrum image, after
 * checking that the model covers it ({@link ZlpModel#checkEnergyAxis},
 * {@link ZlpModel#checkLogIntensity} for every class).
 *
 * <pre>
 * ZlpModel model = ...; // e.g. read from zlp_model/ml4em_zlp.json by the commands
 * try (SavedZlpModel networks = SavedZlpModel.load(Path.of("zlp/zlp_model"), DeviceChoice.AUTO)) {
 *     ThicknessResult t = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(ThicknessSettings.AUTO)).run(si, progress);
 *     List&lt;ZlpClassResult&gt; classes = new ZlpModelApplication(model, ZlpSettings.defaults()).run(networks, t, progress);
 * }
 * </pre>
 *
 * Of the settings only the band-gap fit and the thread count are used.
 */
public final class ZlpModelApplication {

	private final ZlpModel model;
	private final ZlpSettings settings;

	/**
	 * @param model what the ensemble was trained on
	 * @param settings band-gap fit and threads
	 */
	public ZlpModelApplication(ZlpModel model, ZlpSettings settings) {
		this.model = Objects.requireNonNull(model, "model");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * Predicts the ZLP of each class and subtracts it; fits the band gaps.
	 *
	 * @param networks the model's replica ensemble
	 * @param thickness the thickness analysis of the new spectra, with clustering
	 * @param progress status, fraction, cancel
	 * @return one result per class, thinnest first
	 * @throws BadInputException when there are no classes, or the model does not cover the spectra
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public List<ZlpClassResult> run(ZlpPredictor networks, ThicknessResult thickness, Progress progress) {
		return run(networks, ZlpInput.of(thickness), progress);
	}

	/**
	 * Predicts the ZLP of each class at the spectra's acquisition setting and subtracts it; fits the
	 * band gaps. A setting between those the model was trained on is interpolated; one outside is
	 * extrapolated (see {@link #extrapolated}).
	 *
	 * @param networks the model's replica ensemble
	 * @param input the thickness analysis of the new spectra, with clustering, and their setting
	 *     (one value per condition of the model)
	 * @param progress status, fraction, cancel
	 * @return one result per class, thinnest first
	 * @throws BadInputException when there are no classes, the model does not cover the spectra, or
	 *     the setting does not have one value per condition of the model
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public List<ZlpClassResult> run(ZlpPredictor networks, ZlpInput input, Progress progress) {
		check(input.thickness());
		if (input.setting().length != model.scaling().conditions().size())
			throw new BadInputException("The ZLP model was trained with " + model.scaling().names() + " as inputs; give "
				+ (model.scaling().conditions().isEmpty() ? "no acquisition setting." : "one value for each."));
		return new ZlpAnalysis(settings).classResults(networks, model.scaling(), model.kept(), input, progress);
	}

	/**
	 * {@return the conditions whose value lies outside the range the model was trained on, e.g.
	 * "exposure_s 0.5 (trained 0.05 … 0.2)"; empty when the setting is interpolated}
	 *
	 * @param setting one value per condition of the model
	 */
	public List<String> extrapolated(double[] setting) {
		List<String> outside = new java.util.ArrayList<>();
		for (int c = 0; c < setting.length; c++) {
			ConditionScaling s = model.scaling().conditions().get(c);
			if (!s.covers(setting[c]))
				outside.add(s.name() + " " + Numbers.compact(setting[c]) + " (trained " + Numbers.compact(s.min()) + " … "
					+ Numbers.compact(s.max()) + ")");
		}
		return outside;
	}

	/**
	 * Refuses spectra the model does not cover.
	 *
	 * @param thickness the thickness analysis of the new spectra
	 * @throws BadInputException naming the first fault
	 */
	public void check(ThicknessResult thickness) {
		if (!thickness.hasClusters())
			throw new BadInputException("applying a ZLP model needs thickness classes; run the thickness analysis with clusters.");
		model.checkEnergyAxis(thickness.aligned().energyAxis());
		int k = thickness.clusterSpectra().median().length;
		for (int c = 0; c < k; c++)
			model.checkLogIntensity(ZlpAnalysis.medianLogIntensity(thickness.maps().totalIntensity(), thickness.clusters().labels(), c), "cluster " + c);
	}
}
