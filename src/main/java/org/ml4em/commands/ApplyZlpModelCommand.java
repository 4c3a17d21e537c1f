package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Numbers;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.GapType;
import org.ml4em.eels.SavedZlpModel;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.ConditionScaling;
import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpInput;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpModelApplication;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.tf.DeviceChoice;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Apply ZLP Model}: applies a zero-loss-peak ensemble saved by EELS
 * Zero-Loss Subtraction ({@code zlp_model/}, {@link ZlpModelFolder}) to new spectra recorded under
 * the same conditions, without training: aligns them, groups them into thickness classes, predicts
 * each class's ZLP with the loaded networks ({@link ZlpModelApplication}) and writes the same files
 * as the training command.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Apply ZLP Model"
 * "model='zlp/zlp_model',input='new.dm4',per_pixel=true,output='zlp_new'"} writes
 * {@code zlp_new/spectra_cluster<N>.csv}, {@code .png}, {@code zlp_new/bandgap.csv} and, with
 * {@code per_pixel=true}, {@code zlp_new/bandgap_map.tif}. Spectra of another dispersion, that stop
 * before the modelled range ends, or whose intensity lies far outside the trained range are refused.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Apply ZLP Model", label = "Apply ZLP Model", headless = true,
	description = "Applies a saved zero-loss-peak ensemble to new spectra of the same conditions, without retraining: ZLP and inelastic spectra with bands, band gaps.")
public class ApplyZlpModelCommand extends ZlpResultCommand {

	@Parameter(label = "ZLP model folder", style = "directory", persist = false, description = "the zlp_model folder written by EELS Zero-Loss Subtraction")
	private File model;

	@Parameter(label = "Thickness clusters", description = "number of thickness classes, or auto (chosen by BIC)")
	private String clusters = "auto";

	@Parameter(label = "Per-pixel results", description = "also every pixel: band gap (bandgap_map.tif: eg, eg_low, eg_high) and ZLP and inelastic spectra with bands (pixel_spectra/)")
	private boolean per_pixel = false;

	@Parameter(label = "Band gap type", choices = { "model", "direct", "indirect", "fit" },
		description = "model: the type the model was trained with; or the exponent b of A(E-Eg)^b: 0.5, 1.5, or fitted")
	private String gap_type = "model";

	@Parameter(label = "Band-gap fit window (eV)", description = "auto, or from-to, e.g. 1.5-3.5")
	private String fit_window = "auto";

	@Parameter(label = "Onset curvature term", choices = { "auto", "on", "off" },
		description = "fit A(E-Eg)^b + B(E-Eg)^(b+1): B takes the bend of the onset inside the window (less bias, wider interval); auto: for indirect gaps; off: the plain power law")
	private String onset_curvature = "auto";

	@Parameter(label = "Beam energy (keV, 0 = from the file)", min = "0", persist = false,
		description = "for a model trained on several beam energies: the setting to predict the ZLP at")
	private double beam_energy = 0;

	@Parameter(label = "Exposure (s, 0 = from the file)", min = "0", persist = false,
		description = "for a model trained on several exposures: the setting to predict the ZLP at")
	private double exposure = 0;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "Random seed", persist = false)
	private long seed = 42;

	@Override
	protected String analyse(Progress progress) throws IOException {
		if (model == null)
			throw new BadInputException("No ZLP model given; expected model=<the zlp_model folder written by EELS Zero-Loss Subtraction>.");
		ZlpModel description = ZlpModelFolder.read(model.toPath());
		ZlpSettings settings = settings(description);
		int k = EelsThicknessMapCommand.parseClusters(clusters);
		if (k == ThicknessSettings.NO_CLUSTERING)
			throw new BadInputException("clusters='" + clusters + "': applying the ZLP model needs thickness classes; give a number or auto.");
		try (EmFile file = openInput()) {
			EmSignal signal = file.signal();
			SpectrumImage image = SignalSpectra.of(signal);
			setPixelSize(EelsThicknessMapCommand.pixelSize(signal));
			ThicknessResult thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(k).withSeed(seed))
				.run(image, new ProgressRange(progress, 0, 0.3));
			ZlpModelApplication application = new ZlpModelApplication(description, settings);
			// Refuse before the TensorFlow model is loaded: that takes a few seconds.
			application.check(thickness);
			ZlpInput input = new ZlpInput(thickness, setting(description, signal.acquisition()));
			try (SavedZlpModel networks = SavedZlpModel.load(model.toPath(), settings.device())) {
				List<ZlpClassResult> classes = application.run(networks, input, new ProgressRange(progress, 0.3, per_pixel ? 0.5 : 1));
				ZlpOutputs.PixelResults pixels = per_pixel ? ZlpOutputs.pixelResults(networks, description, input, classes, settings.bandGap(),
					settings.threads(), seed, new ProgressRange(progress, 0.5, 1)) : null;
				publish(description, networks.device().description(), classes, pixels, signal.acquisition(), settings.bandGap());
				appendSummary(settingNote(description, application, input.setting()));
			}
			return getSummary();
		}
	}

	/** The value of each of the model's conditions: the parameter when given, else the file's metadata. */
	private double[] setting(ZlpModel description, AcquisitionInfo metadata) {
		List<ConditionScaling> conditions = description.scaling().conditions();
		double[] v = new double[conditions.size()];
		for (int c = 0; c < v.length; c++) {
			String name = conditions.get(c).name();
			boolean beam = ConditionScaling.BEAM_ENERGY.equals(name);
			if (!beam && !ConditionScaling.EXPOSURE.equals(name))
				throw new BadInputException("The ZLP model has the condition " + name + ", which this ML4EM does not know; update ML4EM.");
			double given = beam ? beam_energy : exposure;
			Double recorded = beam ? metadata.beamEnergyKeV() : metadata.exposureSeconds();
			if (given > 0)
				v[c] = given;
			else if (recorded != null && recorded > 0)
				v[c] = recorded;
			else
				throw new BadInputException("The ZLP model was trained on several " + (beam ? "beam energies" : "exposures") + " and the file does not say its "
					+ (beam ? "beam energy; give beam_energy=<keV>." : "exposure; give exposure=<s>."));
		}
		return v;
	}

	/** Where the ZLP was predicted, and a warning when that is outside the trained settings. */
	private static String settingNote(ZlpModel description, ZlpModelApplication application, double[] setting) {
		if (setting.length == 0)
			return "";
		List<String> parts = new java.util.ArrayList<>();
		for (int c = 0; c < setting.length; c++)
			parts.add(description.scaling().names().get(c) + " = " + Numbers.compact(setting[c]));
		List<String> outside = application.extrapolated(setting);
		return " ZLP predicted at " + String.join(", ", parts) + (outside.isEmpty() ? " (within the trained settings)."
			: "; extrapolated beyond the trained settings, trust the bands less: " + String.join("; ", outside) + ".");
	}

	private ZlpSettings settings(ZlpModel description) {
		GapType type = gap_type == null || gap_type.isBlank() || gap_type.trim().equalsIgnoreCase("model") ? description.gapType()
			: EelsZeroLossCommand.parseGapType(gap_type);
		return ZlpSettings.defaults().withBandGap(EelsZeroLossCommand.bandGap(type, fit_window, onset_curvature)).withDevice(DeviceChoice.parse(device)).withSeed(seed);
	}

	private void publish(ZlpModel description, String ranOn, List<ZlpClassResult> classes, ZlpOutputs.PixelResults pixels, AcquisitionInfo acquisition,
		BandGapSettings gap)
	{
		ResultTable table = ZlpTables.bandGaps(classes, gap.type().exponent());
		publish(table, ZlpOutputs.classFiles(inputName(), classes, table), summary(inputName(), description, ranOn, classes, gap), pixels, acquisition);
	}

	private String summary(String name, ZlpModel description, String ranOn, List<ZlpClassResult> classes, BandGapSettings gap) {
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Apply ZLP Model to %s: %d of %d replicas of %s (trained on %s), predicted on %s. ",
			name, description.keptCount(), description.replicas(), model.getName(), description.device(), ranOn));
		for (ZlpClassResult c : classes) {
			sb.append(String.format(Locale.ROOT, "Cluster %d (ln I_total %.2f): ", c.label(), c.logIntensity()));
			ZlpSummary.bandGap(sb, c, gap);
		}
		return sb.toString().strip();
	}

	// -- Setters for Java callers --

	/** @param model the zlp_model folder */
	public void setModel(File model) {
		this.model = model;
	}

	/** @param clusters a number of classes or "auto" */
	public void setClusters(String clusters) {
		this.clusters = clusters;
	}

	/** @param perPixel whether to fit the band gap of every pixel too */
	public void setPerPixel(boolean perPixel) {
		this.per_pixel = perPixel;
	}

	/** @param device auto, cpu or gpu */
	public void setDevice(String device) {
		this.device = device;
	}
}
