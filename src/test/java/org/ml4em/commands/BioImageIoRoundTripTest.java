package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.ml4em.bioimageio.BioImageIoModel;
import org.ml4em.bioimageio.BioImageIoRunner;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.Lattice;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.io.YamlReader;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.SavedModelRunner;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Export Model (bioimage.io) → Run bioimage.io Model: both shipped models reproduce their own test
 * tensors from the zip, and the column finder run as a bioimage.io model gives the heat map that
 * Find Atomic Columns computes.
 */
class BioImageIoRoundTripTest {

	@TempDir
	static Path dir;

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static CommandModule run(Class<? extends org.scijava.command.Command> command, Object... inputs) throws Exception {
		return context.service(CommandService.class).run(command, true, inputs).get();
	}

	private static int exports;

	private static Path export(String shipped) throws Exception {
		Path zip = dir.resolve(shipped + "-" + ++exports + ".zip");
		CommandModule m = run(ExportModelCommand.class, "model", null, "shipped", shipped, "zip", zip.toFile());
		assertNull(m.getCancelReason());
		assertTrue(Files.size(zip) > 100_000, zip.toString());
		return zip;
	}

	@Test
	void bothShippedModelsReproduceTheirTestTensorsFromTheZip() throws Exception {
		for (String shipped : new String[] { "atomic_column_finder", "scan_completer" }) {
			try (BioImageIoModel model = BioImageIoModel.open(export(shipped));
				SavedModelRunner network = SavedModelRunner.load(model.savedModel(), new ComputeDevice(false, "CPU", ""))) {
				assertTrue(model.formatVersion().startsWith("0.5"), model.formatVersion());
				BioImageIoRunner.Check check = new BioImageIoRunner(model, network).check();
				assertTrue(check.maxDifference() <= 1e-4 * check.outputRange(), shipped + ": " + check);
			}
		}
	}

	/** The fields bioimage.io's model specification 0.5 requires, and the checksums of the files they name. */
	@SuppressWarnings("unchecked")
	@Test
	void exportedDescriptionsHaveTheSpecificationsRequiredFields() throws Exception {
		for (String shipped : new String[] { "atomic_column_finder", "scan_completer" }) {
			try (BioImageIoModel model = BioImageIoModel.open(export(shipped))) {
				Map<String, Object> rdf = (Map<String, Object>) YamlReader.parse(Files.readString(model.folder().resolve("rdf.yaml")));
				// id: optional in the specification, but DeepImageJ 3 (JDLL) skips a model without one
				for (String key : List.of("type", "format_version", "id", "name", "description", "authors", "cite", "license", "documentation", "covers", "inputs",
					"outputs", "weights"))
					assertNotNull(rdf.get(key), shipped + ": " + key);
				assertEquals("model", rdf.get("type"));
				for (Object a : (List<Object>) rdf.get("authors"))
					assertNotNull(((Map<String, Object>) a).get("name"), "every author has a name");
				for (Object c : (List<Object>) rdf.get("cite"))
					assertTrue(((Map<String, Object>) c).get("text") != null && ((Map<String, Object>) c).get("doi") != null, "every citation has text and doi");
				assertTrue(Files.isRegularFile(model.folder().resolve((String) rdf.get("documentation"))));
				for (Object cover : (List<Object>) rdf.get("covers"))
					assertTrue(Files.isRegularFile(model.folder().resolve((String) cover)), "cover " + cover);
				for (String io : List.of("inputs", "outputs"))
					for (Object t : (List<Object>) rdf.get(io)) {
						Map<String, Object> tensor = (Map<String, Object>) t;
						assertNotNull(tensor.get("id"));
						assertTrue(!((List<Object>) tensor.get("axes")).isEmpty());
						assertChecksum(model.folder(), (Map<String, Object>) tensor.get("test_tensor"));
					}
				Map<String, Object> tf = (Map<String, Object>) ((Map<String, Object>) rdf.get("weights")).get("tensorflow_saved_model_bundle");
				assertNotNull(tf.get("tensorflow_version"));
				assertChecksum(model.folder(), tf);
			}
		}
	}

	private static void assertChecksum(Path folder, Map<String, Object> file) throws Exception {
		Path f = folder.resolve((String) file.get("source"));
		java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
		assertEquals(file.get("sha256"), java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))), f.toString());
	}

	@Test
	void theColumnFinderAsABioImageIoModelGivesFindAtomicColumnsHeatMap() throws Exception {
		Path zip = export("atomic_column_finder");
		SimulatedAtomicImage mos2 = new AtomicImageSimulator(AtomicImageSettings.defaults().withSize(300, 220).withLattice(Lattice.MOS2, 21)
			.withDose(30, 1).withSeed(901_000_002L)).simulate();
		var image = ArrayImgs.floats(mos2.pixels().clone(), mos2.width(), mos2.height());
		// Tiles of 216 px, what Find Atomic Columns picks for this image (its shorter side, a multiple of 8): the
		// U-Net reaches further than the 32 px halo it declares, so equal results need equal tiles.
		CommandModule ran = run(RunBioImageIoModelCommand.class, "model", zip.toFile(), "input", image, "check", true, "tile_size", 216, "device", "cpu");
		assertNull(ran.getCancelReason());
		String summary = (String) ran.getOutput("summary");
		assertTrue(summary.contains("4 output channels") && summary.contains("on CPU") && summary.contains("test tensors: largest difference"), summary);
		@SuppressWarnings("unchecked")
		RandomAccessibleInterval<FloatType> out = (RandomAccessibleInterval<FloatType>) ran.getOutput("output");
		assertEquals(4, out.dimension(2));

		CommandModule found = run(FindAtomicColumnsCommand.class, "input", image, "pixel_size", mos2.settings().pixelSize(), "method", "cnn", "model", null,
			"threshold", 0.5, "probe_fwhm", 1.1, "device", "cpu");
		@SuppressWarnings("unchecked")
		RandomAccessibleInterval<FloatType> heatmap = (RandomAccessibleInterval<FloatType>) found.getOutput("heatmap");
		assertNotNull(heatmap);
		// Find Atomic Columns keeps its windows inside the image, a generic runner mirrors the image at its
		// edges; inside a margin of the model's halo both see the same pixels.
		int halo = 32;
		double sum = 0, max = 0;
		long n = 0;
		var a = Views.hyperSlice(out, 2, 0).randomAccess();
		var b = heatmap.randomAccess();
		for (int y = halo; y < mos2.height() - halo; y++)
			for (int x = halo; x < mos2.width() - halo; x++) {
				double d = Math.abs(a.setPositionAndGet(x, y).get() - b.setPositionAndGet(x, y).get());
				sum += d;
				max = Math.max(max, d);
				n++;
			}
		assertTrue(sum / n < 1e-3 && max < 0.05, "mean |difference| " + sum / n + ", largest " + max);
	}

	@Test
	void refusesAZlpEnsembleAndNeverOverwritesAZip() throws Exception {
		Path zlp = Files.createDirectories(dir.resolve("zlp_model"));
		Files.writeString(zlp.resolve(ZlpModelFolder.DESCRIPTION), "{}");
		CommandModule m = run(ExportModelCommand.class, "model", zlp.toFile(), "zip", dir.resolve("zlp.zip").toFile());
		assertTrue(m.getCancelReason() != null && m.getCancelReason().contains("ZLP ensemble"), m.getCancelReason());
		assertTrue(!Files.exists(dir.resolve("zlp.zip")));

		File existing = Files.writeString(dir.resolve("existing.zip"), "keep me").toFile();
		m = run(ExportModelCommand.class, "model", null, "shipped", "scan_completer", "zip", existing);
		assertTrue(m.getCancelReason() != null && m.getCancelReason().contains("already exists"), m.getCancelReason());
		assertEquals("keep me", Files.readString(existing.toPath()));
	}
}
