package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.FitWindow;
import org.ml4em.eels.GapType;
import org.ml4em.eels.OnsetCurvature;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.ZlpAnalysis;
import org.ml4em.eels.ZlpInput;
import org.ml4em.eels.TrainedZlpModel;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpResult;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.EmFile;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > EELS Zero-Loss Subtraction}: the zero-loss peak of a low-loss spectrum
 * image modelled by a neural network with Monte Carlo replicas, per thickness class: ZLP and
 * inelastic spectrum with 68 % bands, and the band gap with its interval ({@link ZlpAnalysis}).
 * <p>
 * Headless: {@code ./ml4em --headless --run "EELS Zero-Loss Subtraction"
 * "input='si.dm4',replicas=100,output='zlp'"} writes {@code zlp/spectra_cluster<N>.csv},
 * {@code zlp/bandgap.csv}, {@code zlp/spectra_cluster<N>.png} and the model {@code zlp/zlp_model/}
 * ({@link ZlpModelFolder}; Apply ZLP Model uses it again); with {@code per_pixel=true} also
 * {@code zlp/bandgap_map.tif} ({@link ZlpOutputs}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>EELS Zero-Loss Subtraction", label = "EELS Zero-Loss Subtraction", headless = true,
	description = "Neural-network zero-loss peak with Monte Carlo replicas: ZLP and inelastic spectra with uncertainty bands, band gap with confidence interval.")
public class EelsZeroLossCommand extends ZlpResultCommand {

	@Parameter(label = "Thickness clusters", description = "number of thickness classes, or auto (chosen by BIC)")
	private String clusters = "auto";

	@Parameter(label = "Replicas", min = "1", description = "Monte Carlo replicas; 100 for a look, 500 for publication")
	private int replicas = ZlpSettings.DEFAULT_REPLICAS;

	@Parameter(label = "dE1 (eV, 0 = automatic)", min = "0", description = "end of the fitted ZLP; automatic: the knee of each class's median spectrum")
	private double de1 = 0;

	@Parameter(label = "dE2 (eV, 0 = automatic)", min = "0", description = "start of the pseudo-data; automatic: 3 x dE1")
	private double de2 = 0;

	@Parameter(label = "Band gap type", choices = { "direct", "indirect", "fit" }, description = "exponent b of A(E-Eg)^b: 0.5, 1.5, or fitted")
	private String gap_type = "direct";

	@Parameter(label = "Band-gap fit window (eV)", description = "auto, or from-to, e.g. 1.5-3.5")
	private String fit_window = "auto";

	@Parameter(label = "Onset curvature term", choices = { "auto", "on", "off" },
		description = "fit A(E-Eg)^b + B(E-Eg)^(b+1): B takes the bend of the onset inside the window (less bias, wider interval); auto: for indirect gaps; off: the plain power law")
	private String onset_curvature = "auto";

	@Parameter(label = "More spectrum images (other settings)", required = false, persist = false,
		description = "further files recorded at other beam energies or exposure times, separated by ';': fitted together with the input, the settings as extra network inputs")
	private String more_spectra = "";

	@Parameter(label = "Conditions", required = false, persist = false, description = "settings that become network inputs: auto (those that differ between the files), none, beam_energy, exposure, or beam_energy,exposure")
	private String conditions = "auto";

	@Parameter(label = "Beam energies (keV, one per file)", required = false, persist = false, description = "overrides the files' metadata, e.g. 200,300; blank: from the files")
	private String beam_energies = "";

	@Parameter(label = "Exposures (s, one per file)", required = false, persist = false, description = "overrides the files' metadata, e.g. 0.05,0.2; blank: from the files")
	private String exposures = "";

	@Parameter(label = "Per-pixel results", description = "also every pixel: band gap (bandgap_map.tif: eg, eg_low, eg_high) and ZLP and inelastic spectra with bands (pixel_spectra/)")
	private boolean per_pixel = false;

	@Parameter(label = "Epochs (most)", min = "1", persist = false, description = "training stops earlier when the validation error stops improving")
	private int epochs = ReplicaTrainingSettings.DEFAULT_MAX_EPOCHS;

	@Parameter(label = "Learning rate", min = "0", persist = false, description = "Adam's step size; 0.01 converges within the epochs where EELSfitter's 0.001 does not")
	private float learning_rate = ZlpSettings.DEFAULT_LEARNING_RATE;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "Random seed", persist = false)
	private long seed = 42;

	@Parameter(label = "Save the model to (new folder)", required = false, persist = false, style = "save",
		description = "in Fiji: where the trained ensemble goes, for Apply ZLP Model; headless runs write it into output='<folder>'/zlp_model")
	private File model_folder;

	@Override
	protected String analyse(Progress progress) throws IOException {
		ZlpSettings settings = settings();
		int k = EelsThicknessMapCommand.parseClusters(clusters);
		if (k == ThicknessSettings.NO_CLUSTERING)
			throw new BadInputException("clusters='" + clusters + "': the zero-loss subtraction needs thickness classes; give a number or auto.");
		if (model_folder != null && Files.exists(model_folder.toPath()))
			throw new BadInputException("model_folder='" + model_folder + "' already exists; choose a new folder, so that no model is overwritten.");
		List<File> files = spectrumFiles();
		List<EmFile> open = new ArrayList<>();
		try {
			for (File f : files)
				open.add(f.equals(input()) ? openInput() : open(f));
			AcquisitionSettings acquisition = AcquisitionSettings.resolve(conditions, files.stream().map(File::getName).toList(),
				open.stream().map(e -> e.signal().acquisition()).toList(), beam_energies, exposures);
			setPixelSize(EelsThicknessMapCommand.pixelSize(open.get(0).signal()));
			List<ZlpInput> inputs = new ArrayList<>();
			for (int i = 0; i < open.size(); i++) {
				ProgressRange part = new ProgressRange(progress, 0.2 * i / open.size(), 0.2 * (i + 1) / open.size(), files.get(i).getName() + ": ");
				ThicknessResult thickness = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(k).withSeed(seed))
					.run(SignalSpectra.of(open.get(i).signal()), part);
				inputs.add(new ZlpInput(thickness, acquisition.values().get(i)));
			}
			ZlpResult result = new ZlpAnalysis(settings).run(inputs, acquisition.names(), new ProgressRange(progress, 0.2, per_pixel ? 0.85 : 1));
			ThicknessResult main = inputs.get(0).thickness();
			ZlpModel model = ZlpModel.of(result, main.aligned().energyAxis(), settings.bandGap().type());
			ZlpOutputs.PixelResults pixels = per_pixel ? pixelResults(result, model, inputs.get(0), settings, new ProgressRange(progress, 0.85, 1)) : null;
			return publish(result, model, pixels, open.get(0).signal().acquisition(), settings.bandGap(), files.stream().map(File::getName).toList());
		}
		finally {
			for (EmFile f : open)
				f.close();
		}
	}

	/** The input, then {@code more_spectra} (separated by ';' or new lines). */
	private List<File> spectrumFiles() {
		List<File> files = new ArrayList<>(List.of(input()));
		if (more_spectra != null)
			for (String path : more_spectra.split("\\s*[;\\n]\\s*"))
				if (!path.isBlank()) {
					File f = new File(path.trim());
					if (!f.isFile())
						throw new BadInputException("more_spectra: '" + path.trim() + "' is not a file; expected spectrum files separated by ';'.");
					files.add(f);
				}
		return files;
	}

	/** The band-gap map of the main input (its classes are the first ones). */
	private ZlpOutputs.PixelResults pixelResults(ZlpResult result, ZlpModel model, ZlpInput main, ZlpSettings settings, Progress progress) {
		try (TrainedZlpModel networks = TrainedZlpModel.of(result, settings.device(), settings.threads())) {
			List<org.ml4em.eels.ZlpClassResult> classes = result.classes().stream().filter(c -> c.source() == 0).toList();
			return ZlpOutputs.pixelResults(networks, model, main, classes, settings.bandGap(), settings.threads(), seed, progress);
		}
	}

	private ZlpSettings settings() {
		BandGapSettings gap = bandGap(parseGapType(gap_type), fit_window, onset_curvature);
		return ZlpSettings.defaults().withReplicas(replicas).withCutoffs(de1 > 0 ? de1 : Double.NaN, de2 > 0 ? de2 : Double.NaN).withBandGap(gap)
			.withDevice(DeviceChoice.parse(device)).withSeed(seed).withTraining(ReplicaTrainingSettings.defaults().withLearningRate(learning_rate).withMaxEpochs(epochs).withSeed(seed));
	}

	/**
	 * {@return the band-gap fit the two ZLP commands' parameters ask for}
	 *
	 * @param type the gap type
	 * @param fitWindow the fit_window parameter (see {@link #parseWindow})
	 * @param onsetCurvature the onset_curvature parameter (see {@link OnsetCurvature#parse})
	 */
	static BandGapSettings bandGap(GapType type, String fitWindow, String onsetCurvature) {
		BandGapSettings gap = BandGapSettings.of(type).withCurvature(OnsetCurvature.parse(onsetCurvature));
		FitWindow window = parseWindow(fitWindow);
		return window == null ? gap : gap.withWindow(window);
	}

	/** "direct", "indirect" or "fit", any case. */
	static GapType parseGapType(String word) {
		return switch (word == null ? "" : word.trim().toLowerCase(Locale.ROOT)) {
			case "direct" -> GapType.DIRECT;
			case "indirect" -> GapType.INDIRECT;
			case "fit" -> GapType.FIT;
			default -> throw new BadInputException("gap_type='" + word + "' is not known; expected direct, indirect or fit.");
		};
	}

	/** "auto" → null; "1.5-3.5" → [1.5, 3.5] eV. */
	static FitWindow parseWindow(String text) {
		String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("auto"))
			return null;
		String[] parts = t.split("\\s*[-–,]\\s*|\\s+");
		try {
			if (parts.length == 2)
				return new FitWindow(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
		}
		catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new BadInputException("fit_window='" + text + "' is not understood; expected auto or two energies in eV, e.g. 1.5-3.5.");
	}

	private String publish(ZlpResult result, ZlpModel model, ZlpOutputs.PixelResults pixels, AcquisitionInfo acquisition, BandGapSettings gap,
		List<String> inputs) throws IOException
	{
		ResultTable table = ZlpTables.bandGaps(result, gap.type().exponent(), inputs);
		Map<String, Object> out = ZlpOutputs.classFiles(inputs, result.classes(), table);
		ResultFiles.Folder modelFiles = ZlpModelFolder.writer(result, model);
		out.put("zlp_model", modelFiles);
		if (model_folder != null) {
			Files.createDirectories(model_folder.toPath());
			modelFiles.writeTo(model_folder.toPath());
		}
		String text = ZlpSummary.of(inputName(), result, gap);
		if (inputs.size() > 1)
			text += " " + inputs.size() + " spectrum images fitted together, " + (result.scaling().conditions().isEmpty() ? "as one acquisition setting."
				: "with " + String.join(" and ", result.scaling().names()) + " as network inputs.");
		publish(table, out, text, pixels, acquisition);
		return getSummary();
	}

	public void setReplicas(int replicas) {
		this.replicas = replicas;
	}

	public void setClusters(String clusters) {
		this.clusters = clusters;
	}

	public void setEpochs(int epochs) {
		this.epochs = epochs;
	}

	public void setDevice(String device) {
		this.device = device;
	}

	/** @param choice auto (indirect gaps only), on or off: the onset model's curvature term B·(E − Eg)^(b+1) */
	public void setOnsetCurvature(String choice) {
		this.onset_curvature = choice;
	}

	/** @param perPixel whether to fit the band gap of every pixel too */
	public void setPerPixel(boolean perPixel) {
		this.per_pixel = perPixel;
	}
}
