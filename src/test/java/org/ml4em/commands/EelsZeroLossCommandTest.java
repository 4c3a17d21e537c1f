package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The command's plumbing on the bundled sample, with few replicas and epochs. */
class EelsZeroLossCommandTest {

	private static final File SAMPLE = new File("sample-images/eels_low_loss_si.dm4");

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static CommandModule run(Object... inputs) throws Exception {
		Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("clusters", "2", "replicas", 4, "epochs", 3000, "learning_rate", 0.05f, "de1", 0.0,
			"de2", 0.0, "gap_type", "direct", "fit_window", "auto", "onset_curvature", "auto", "device", "cpu"));
		for (int i = 0; i < inputs.length; i += 2)
			all.put((String) inputs[i], inputs[i + 1]);
		return context.service(CommandService.class).run(EelsZeroLossCommand.class, true, all).get();
	}

	@Test
	void deliversOneSpectrumTablePerClassTheBandGapsAndTheModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		java.nio.file.Path saved = dir.resolve("zlp_model");
		CommandModule m = run("input", SAMPLE, "model_folder", saved.toFile());
		assertTrue(!m.isCanceled(), m.getCancelReason());
		ResultFiles files = (ResultFiles) m.getOutput("files");
		assertEquals(List.of("spectra_cluster0.csv", "spectra_cluster0.png", "spectra_cluster1.csv", "spectra_cluster1.png", "bandgap.csv", "zlp_model"),
			List.copyOf(files.files().keySet()));
		ResultTable spectra = (ResultTable) files.files().get("spectra_cluster0.csv");
		assertEquals(List.of("energy", "zlp_median", "zlp_low", "zlp_high", "inelastic_median", "inelastic_low", "inelastic_high"), spectra.header());
		assertEquals(512, spectra.rows().size());
		ResultTable gaps = (ResultTable) m.getOutput("bandgap");
		assertEquals(List.of("cluster", "eg", "eg_low", "eg_high", "exponent", "replicas_kept"), gaps.header());
		assertEquals(2, gaps.rows().size());
		assertEquals(0.5, gaps.rows().get(0).get(4));
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("of 4 replicas kept") && summary.contains("on CPU"), summary);
		assertTrue(java.nio.file.Files.isRegularFile(saved.resolve("saved_model.pb")) && java.nio.file.Files.isRegularFile(saved.resolve(ZlpModelFolder.DESCRIPTION)),
			"model_folder receives the model, as Fiji users need it for Apply ZLP Model");
		assertTrue(run("input", SAMPLE, "model_folder", saved.toFile()).getCancelReason().contains("already exists"), "never overwritten");
	}

	@Test
	void fitsSpectraOfTwoExposuresWithTheExposureAsANetworkInput() throws Exception {
		CommandModule m = run("input", SAMPLE, "more_spectra", SAMPLE.getPath(), "exposures", "0.05, 0.2");
		assertTrue(!m.isCanceled(), m.getCancelReason());
		ResultTable gaps = (ResultTable) m.getOutput("bandgap");
		assertEquals(List.of("cluster", "eg", "eg_low", "eg_high", "exponent", "replicas_kept", "input", "exposure_s"), gaps.header());
		assertEquals(4, gaps.rows().size());
		assertEquals(List.of(0.05, 0.05, 0.2, 0.2), gaps.rows().stream().map(r -> r.get(7)).toList());
		ResultFiles files = (ResultFiles) m.getOutput("files");
		assertTrue(files.files().containsKey("spectra_cluster3.csv"), files.files().keySet().toString());
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("2 spectrum images fitted together, with exposure_s as network inputs"), summary);

		// The saved model keeps the exposure as an input, and Apply ZLP Model predicts at the exposure asked for.
		java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Files.createTempDirectory("zlp-conditions").resolve("zlp_model"));
		((ResultFiles.Folder) files.files().get("zlp_model")).writeTo(dir);
		assertEquals(List.of("exposure_s"), ZlpModelFolder.read(dir).scaling().names());
		String between = apply(dir, "exposure", 0.1).getOutput("summary").toString();
		assertTrue(between.contains("ZLP predicted at exposure_s = 0.1 (within the trained settings)"), between);
		String beyond = apply(dir, "exposure", 0.5).getOutput("summary").toString();
		assertTrue(beyond.contains("extrapolated beyond the trained settings, trust the bands less: exposure_s 0.5 (trained 0.05 … 0.2)"), beyond);
		String unknown = apply(dir, "exposure", 0.0).getCancelReason();
		assertTrue(unknown.contains("trained on several exposures and the file does not say its exposure; give exposure=<s>."), unknown);

		String missing = run("input", SAMPLE, "more_spectra", SAMPLE.getPath(), "conditions", "exposure").getCancelReason();
		assertTrue(missing.contains("exposure of eels_low_loss_si.dm4 is not in its metadata; give exposures="), missing);
		String same = run("input", SAMPLE, "more_spectra", SAMPLE.getPath(), "conditions", "beam_energy").getCancelReason();
		assertTrue(same.contains("every file has the same beam energy (200.0 keV)"), same);
		assertTrue(run("input", SAMPLE, "exposures", "0.1,0.2").getCancelReason().contains("has 2 values for 1 files"));
		assertTrue(run("input", SAMPLE, "more_spectra", "nothing-here.dm4").getCancelReason().contains("'nothing-here.dm4' is not a file"));
	}

	private static CommandModule apply(java.nio.file.Path model, Object... inputs) throws Exception {
		Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("model", model.toFile(), "input", SAMPLE, "clusters", "2", "device", "cpu", "per_pixel", false));
		for (int i = 0; i < inputs.length; i += 2)
			all.put((String) inputs[i], inputs[i + 1]);
		return context.service(CommandService.class).run(ApplyZlpModelCommand.class, true, all).get();
	}

	@Test
	void badSettingsAreOneSentence() throws Exception {
		assertTrue(run("input", SAMPLE, "gap_type", "sideways").getCancelReason().startsWith("gap_type='sideways' is not known"));
		assertTrue(run("input", SAMPLE, "onset_curvature", "maybe").getCancelReason().startsWith("onset_curvature='maybe' is not known"));
		assertTrue(run("input", SAMPLE, "clusters", "0").getCancelReason().contains("needs thickness classes"));
		assertTrue(run("input", SAMPLE, "fit_window", "low").getCancelReason().startsWith("fit_window='low' is not understood"));
		assertTrue(run("input", SAMPLE, "learning_rate", 0.0).getCancelReason().startsWith("The learning rate must be a positive number"));
		// Replicas that have not fitted the peak are never averaged in; when none has, nothing is written.
		CommandModule brief = run("input", SAMPLE, "epochs", 100, "learning_rate", 0.01f);
		assertTrue(brief.getCancelReason().startsWith("None of the 4 replicas fitted its data within 100 epochs: their best validation χ² per point lies between"),
			brief.getCancelReason());
		assertTrue(brief.getCancelReason().endsWith("Train longer (epochs) or with a larger learning rate (now 0.0100)."), brief.getCancelReason());
		assertNull(brief.getOutput("files"));
		CommandModule image = run("input", new File("sample-images/haadf_stem.tif"));
		assertTrue(image.getCancelReason().contains("energy"), image.getCancelReason());
		assertNull(image.getOutput("files"));
		assertEquals(new org.ml4em.eels.FitWindow(1.5, 3.5), EelsZeroLossCommand.parseWindow("1.5-3.5"));
		assertNull(EelsZeroLossCommand.parseWindow("auto"));
		assertThrows(BadInputException.class, () -> EelsZeroLossCommand.parseWindow("3"));
	}
}
