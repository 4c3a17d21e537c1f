package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.GapType;
import org.ml4em.eels.SavedZlpModel;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.TrainedZlpModel;
import org.ml4em.eels.ZlpAnalysis;
import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpInput;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpModelApplication;
import org.ml4em.eels.ZlpPixelMaps;
import org.ml4em.eels.ZlpResult;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * A small ensemble trained on one simulated image, saved as a model folder, loaded again and applied
 * to a fresh image of the same conditions must give what the trained ensemble gives on it; damaged
 * or foreign model folders and spectra the model does not cover are refused in one sentence.
 */
class ApplyZlpModelTest {

	// Enough counts for the band-gap onset to be measured (at 10⁵ electrons per pixel the classes report it as not measurable).
	private static final SyntheticLowLoss CONDITIONS = SyntheticLowLoss.defaults().withEnergyAxis(-3, 0.05, 400).withBeamCounts(1e6).withBandGap(3.0);

	@TempDir
	static Path dir;

	private static Path modelDir;
	private static ZlpResult trained;
	private static ZlpModel model;
	private static Context context;

	@BeforeAll
	static void trainAndSave() throws Exception {
		ThicknessResult t = thickness(CONDITIONS.withSeed(1));
		ZlpSettings settings = ZlpSettings.defaults().withReplicas(4).withThreads(2).withDevice(DeviceChoice.CPU).withRetries(1)
			.withTraining(ReplicaTrainingSettings.defaults().withLearningRate(1e-2f).withMaxEpochs(8000).withCheckEvery(50).withPatience(40));
		trained = new ZlpAnalysis(settings).run(t, Progress.NONE);
		model = ZlpModel.of(trained, t.aligned().energyAxis(), GapType.DIRECT);
		modelDir = Files.createDirectory(dir.resolve("zlp_model"));
		ZlpModelFolder.writer(trained, model).writeTo(modelDir);
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static ThicknessResult thickness(SyntheticLowLoss conditions) {
		return new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2).withThreads(2))
			.run(conditions.generate(ThicknessMap.stripes(16, 8, 0.3, 0.8)), Progress.NONE);
	}

	@Test
	void theSavedModelAppliedToFreshSpectraGivesWhatTheTrainedEnsembleGives() {
		ThicknessResult fresh = thickness(CONDITIONS.withSeed(2));
		ZlpModel read = ZlpModelFolder.read(modelDir);
		assertArrayEquals(model.kept(), read.kept());
		assertEquals(model.scaling(), read.scaling());
		assertEquals(model.energy(), read.energy());
		ZlpSettings settings = ZlpSettings.defaults().withThreads(2);
		BandGapSettings gap = settings.bandGap();
		try (SavedZlpModel saved = SavedZlpModel.load(modelDir, DeviceChoice.CPU); TrainedZlpModel direct = TrainedZlpModel.of(trained, DeviceChoice.CPU, 2)) {
			List<ZlpClassResult> applied = new ZlpModelApplication(read, settings).run(saved, fresh, Progress.NONE);
			List<ZlpClassResult> expected = new ZlpAnalysis(settings).classResults(direct, model.scaling(), model.kept(), fresh, Progress.NONE);
			assertEquals(expected.size(), applied.size());
			for (int c = 0; c < expected.size(); c++)
				assertSameClass(expected.get(c), applied.get(c));
			ZlpPixelMaps mapApplied = ZlpOutputs.pixelMaps(saved, read, ZlpInput.of(fresh), applied, gap, 2, 42, Progress.NONE);
			ZlpPixelMaps mapExpected = ZlpOutputs.pixelMaps(direct, model, ZlpInput.of(fresh), expected, gap, 2, 42, Progress.NONE);
			assertTrue(mapExpected.fitted() > 0, "some pixels fitted");
			assertEquals(mapExpected.fitted(), mapApplied.fitted(), 2);
			for (int p = 0; p < mapExpected.eg().length; p++)
				if (!Float.isNaN(mapExpected.eg()[p]) && !Float.isNaN(mapApplied.eg()[p]))
					assertEquals(mapExpected.eg()[p], mapApplied.eg()[p], 1e-3, "Eg of pixel " + p);
		}
	}

	private static void assertSameClass(ZlpClassResult expected, ZlpClassResult applied) {
		String what = "class " + expected.label() + ": ";
		assertEquals(expected.logIntensity(), applied.logIntensity(), 1e-12, what + "ln I_total");
		double[] e = expected.bands().zlpMedian(), a = applied.bands().zlpMedian();
		for (int i = 0; i < e.length; i++)
			assertEquals(e[i], a[i], 1e-4 * Math.max(1, Math.abs(e[i])), what + "ZLP median at channel " + i);
		double[] ei = expected.bands().inelasticHigh(), ai = applied.bands().inelasticHigh();
		for (int i = 0; i < ei.length; i++)
			assertEquals(ei[i], ai[i], 1e-4 * Math.max(1, Math.abs(e[i])), what + "inelastic 84 % at channel " + i);
		assertEquals(expected.hasBandGap(), applied.hasBandGap(), what + "band gap found in both or neither");
		if (expected.hasBandGap())
			assertEquals(expected.bandGap().median(), applied.bandGap().median(), 1e-3, what + "Eg");
	}

	@Test
	void refusesSpectraTheModelDoesNotCover() {
		ZlpModelApplication application = new ZlpModelApplication(model, ZlpSettings.defaults());
		// Ten times the beam current: ln I_total 2.3 above the trained range.
		BadInputException brighter = assertThrows(BadInputException.class,
			() -> application.check(thickness(CONDITIONS.withSeed(3).withBeamCounts(10 * beamCounts()))));
		assertTrue(brighter.getMessage().contains("outside the range the ZLP model was trained on"), brighter.getMessage());
		BadInputException finer = assertThrows(BadInputException.class,
			() -> application.check(thickness(CONDITIONS.withSeed(3).withEnergyAxis(-5, 0.1, 1024))));
		assertTrue(finer.getMessage().contains("eV per channel"), finer.getMessage());
		EnergyAxis a = model.energy();
		int channels = (int) ((model.scaling().energyMax() - 2 - a.offset()) / a.scale()); // ends 2 eV before the modelled range
		BadInputException shorter = assertThrows(BadInputException.class,
			() -> application.check(thickness(CONDITIONS.withSeed(3).withEnergyAxis(a.offset(), a.scale(), channels))));
		assertTrue(shorter.getMessage().contains("give spectra that reach at least"), shorter.getMessage());
	}

	private static double beamCounts() {
		return CONDITIONS.beamCounts();
	}

	@Test
	void refusesMissingForeignAndNewerModelFolders() throws Exception {
		assertTrue(message(dir.resolve("nothing")).contains("no such folder"));
		Path empty = Files.createDirectories(dir.resolve("empty"));
		assertTrue(message(empty).contains("has no ml4em_zlp.json"));
		Path foreign = Files.createDirectories(dir.resolve("foreign"));
		Files.writeString(foreign.resolve(ZlpModelFolder.DESCRIPTION), "{\"format\": \"bioimage.io\"}");
		assertTrue(message(foreign).contains("is not an ML4EM ZLP model"), message(foreign));
		Path newer = Files.createDirectories(dir.resolve("newer"));
		Files.writeString(newer.resolve(ZlpModelFolder.DESCRIPTION), Files.readString(modelDir.resolve(ZlpModelFolder.DESCRIPTION))
			.replace("\"format_version\": 1", "\"format_version\": 2"));
		assertTrue(message(newer).contains("format version 2"), message(newer));
		Path broken = Files.createDirectories(dir.resolve("broken"));
		Files.writeString(broken.resolve(ZlpModelFolder.DESCRIPTION), "{\"format\": \"ml4em-zlp\",}");
		assertTrue(message(broken).contains("is not valid JSON") && message(broken).contains("line 1"), message(broken));
		Path noNetworks = Files.createDirectories(dir.resolve("no_networks"));
		Files.copy(modelDir.resolve(ZlpModelFolder.DESCRIPTION), noNetworks.resolve(ZlpModelFolder.DESCRIPTION));
		assertTrue(message(noNetworks).contains("no saved_model.pb"), message(noNetworks));
		Path extra = Files.createDirectories(dir.resolve("extra"));
		Files.writeString(extra.resolve(ZlpModelFolder.DESCRIPTION), Files.readString(modelDir.resolve(ZlpModelFolder.DESCRIPTION))
			.replace("\"format\": \"ml4em-zlp\",", "\"format\": \"ml4em-zlp\",\n  \"beam_energy_keV\": 200.0,"));
		Files.copy(modelDir.resolve("saved_model.pb"), extra.resolve("saved_model.pb"));
		assertEquals(model.scaling(), ZlpModelFolder.read(extra).scaling(), "unknown members are ignored");
	}

	private static String message(Path folder) {
		return assertThrows(BadInputException.class, () -> ZlpModelFolder.read(folder)).getMessage();
	}

	@Test
	void theCommandWritesTheTrainingCommandsFilesFromTheSavedModel() throws Exception {
		File sample = new File("sample-images/eels_low_loss_si.dm4");
		CommandModule training = run(EelsZeroLossCommand.class, "input", sample, "clusters", "2", "replicas", 3, "epochs", 3000, "learning_rate", 0.05f, "de1", 0.0, "de2", 0.0,
			"gap_type", "direct", "fit_window", "1.5-4", "device", "cpu", "per_pixel", false);
		assertFalse(training.isCanceled(), training.getCancelReason());
		ResultFiles trainedFiles = (ResultFiles) training.getOutput("files");
		Path folder = Files.createDirectory(dir.resolve("sample_model"));
		((ResultFiles.Folder) trainedFiles.files().get("zlp_model")).writeTo(folder);
		CommandModule applied = run(ApplyZlpModelCommand.class, "model", folder.toFile(), "input", sample, "clusters", "2", "gap_type", "model",
			"fit_window", "1.5-4", "device", "cpu", "per_pixel", true);
		assertFalse(applied.isCanceled(), applied.getCancelReason());
		ResultFiles files = (ResultFiles) applied.getOutput("files");
		assertEquals(List.of("spectra_cluster0.csv", "spectra_cluster0.png", "spectra_cluster1.csv", "spectra_cluster1.png", "bandgap.csv", "bandgap_map.tif",
			"pixel_spectra"),
			List.copyOf(files.files().keySet()));
		for (String table : List.of("bandgap.csv", "spectra_cluster0.csv", "spectra_cluster1.csv"))
			assertSameTable((ResultTable) trainedFiles.files().get(table), (ResultTable) files.files().get(table), table);
		ResultFiles.Image map = (ResultFiles.Image) files.files().get("bandgap_map.tif");
		assertEquals(List.of("eg", "eg_low", "eg_high"), map.sliceLabels());
		assertArrayEquals(new long[] { 64, 48, 3 }, map.image().dimensionsAsLongArray());
		assertEquals(2.0, map.calibration().pixelWidth(), 1e-9);
		assertTrue(((String) applied.getOutput("summary")).contains("Band-gap map:"), (String) applied.getOutput("summary"));
		CommandModule bad = run(ApplyZlpModelCommand.class, "model", dir.resolve("gone").toFile(), "input", sample, "device", "cpu");
		assertTrue(bad.getCancelReason().contains("no such folder"), bad.getCancelReason());
		assertNull(bad.getOutput("files"));
	}

	private static CommandModule run(Class<? extends org.scijava.command.Command> command, Object... inputs) throws Exception {
		Map<String, Object> all = new java.util.LinkedHashMap<>();
		for (int i = 0; i < inputs.length; i += 2)
			all.put((String) inputs[i], inputs[i + 1]);
		return context.service(CommandService.class).run(command, true, all).get();
	}

	private static void assertSameTable(ResultTable expected, ResultTable got, String what) {
		assertEquals(expected.header(), got.header(), what);
		assertEquals(expected.rows().size(), got.rows().size(), what);
		for (int r = 0; r < expected.rows().size(); r++)
			for (int c = 0; c < expected.header().size(); c++) {
				double e = ((Number) expected.rows().get(r).get(c)).doubleValue(), g = ((Number) got.rows().get(r).get(c)).doubleValue();
				if (!(Double.isNaN(e) && Double.isNaN(g)))
					assertEquals(e, g, 1e-3 * Math.max(1, Math.abs(e)), what + " row " + r + " column " + expected.header().get(c));
			}
	}
}
