package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example macro in {@code macros/}, run as a batch user runs it: headless ImageJ 1.x
 * ({@link HeadlessMacro}), one JVM per macro, each on the bundled samples or on what the macro
 * before it wrote, with training and replica counts cut down. Each must print its closing line and
 * write what it says.
 */
class ExampleMacrosTest {

	private static final Path MOS2 = Path.of("sample-images/haadf_mos2_simulated.tif").toAbsolutePath();
	private static final Path MOS2_TRUTH = Path.of("sample-images/haadf_mos2_simulated.csv").toAbsolutePath();
	private static final Path STEM = Path.of("sample-images/haadf_stem.tif").toAbsolutePath();
	private static final Path EELS = Path.of("sample-images/eels_low_loss_si.dm4").toAbsolutePath();

	@TempDir
	Path dir;

	private final Set<String> ran = new TreeSet<>();

	private String run(String macro, String arguments, String closingLine) throws IOException, InterruptedException {
		ran.add(macro);
		String printed = HeadlessMacro.run(Path.of("macros", macro), arguments).printed();
		assertTrue(printed.contains(closingLine), macro + " did not finish:\n" + printed);
		return printed;
	}

	private Path file(String name) {
		return dir.resolve(name);
	}

	private static List<String> lines(Path csv) throws IOException {
		assertTrue(Files.isRegularFile(csv), csv + " was not written");
		return Files.readAllLines(csv);
	}

	@Test
	void everyExampleMacroRunsHeadless() throws Exception {
		run("simulate_atomic_image.ijm", "lattice=graphene width=96 height=80 output=[" + file("sim.tif") + "]", "Simulate Atomic Image macro: wrote");
		assertTrue(Files.size(file("sim.tif")) > 96 * 80 * 4);
		assertTrue(lines(file("sim.csv")).size() > 20, "the truth table");

		run("find_atomic_columns.ijm", "input=[" + MOS2 + "] output=[" + file("columns.csv") + "]", "Find Atomic Columns macro:");
		assertTrue(lines(file("columns.csv")).size() > 100);
		assertTrue(Files.isRegularFile(file("columns_heatmap.tif")));
		run("evaluate_columns.ijm", "columns=[" + file("columns.csv") + "] truth=[" + MOS2_TRUTH + "] output=[" + file("scores.csv") + "]",
			"Evaluate Columns macro: wrote");
		assertTrue(lines(file("scores.csv")).get(0).contains("recall"), lines(file("scores.csv")).get(0));

		run("simulate_partial_scan.ijm", "input=[" + STEM + "] coverage=0.0625 output=[" + file("scan.tif") + "]", "Simulate Partial Scan macro: wrote");
		assertTrue(Files.isRegularFile(file("scan_mask.tif")));
		run("complete_partial_scan.ijm", "input=[" + file("scan.tif") + "] mask=[" + file("scan_mask.tif") + "] output=[" + file("completed.tif") + "]",
			"Complete Partial Scan macro: wrote");
		String compared = run("compare_images.ijm", "image=[" + file("completed.tif") + "] reference=[" + STEM + "] output=[" + file("comparison.csv") + "]",
			"Compare Images macro: PSNR");
		double psnr = Double.parseDouble(lines(file("comparison.csv")).get(1).split(",")[0]);
		assertTrue(psnr > 35, "the network's completion of a 1/16 spiral: " + psnr + " dB\n" + compared);

		run("export_model.ijm", "shipped=atomic_column_finder zip=[" + file("columns.zip") + "]", "Export Model macro: wrote");
		run("run_bioimageio_model.ijm", "model=[" + file("columns.zip") + "] input=[" + MOS2 + "] output=[" + file("bioimageio.tif") + "]",
			"Run bioimage.io Model macro: wrote");
		assertTrue(Files.size(file("bioimageio.tif")) > 512 * 512 * 4 * 4, "four output channels");
		run("export_column_model.ijm", "model_folder=[" + file("column_bioimageio") + "]", "Export Column Model macro: wrote");
		assertTrue(Files.isRegularFile(file("column_bioimageio/rdf.yaml")));
		run("export_scan_completer.ijm", "model_folder=[" + file("scan_bioimageio") + "]", "Export Scan Completer macro: wrote");
		assertTrue(Files.isRegularFile(file("scan_bioimageio/rdf.yaml")));

		run("eels_thickness_map.ijm", "input=[" + EELS + "] output=[" + file("thickness.tif") + "]", "EELS Thickness Map macro: wrote");
		assertTrue(lines(file("thickness.csv")).size() >= 3, "one row per thickness class");
		run("eels_zero_loss.ijm", "input=[" + EELS + "] replicas=2 epochs=3000 learning_rate=0.05 output=[" + file("zlp") + "]", "EELS Zero-Loss Subtraction macro:");
		assertTrue(lines(file("zlp/bandgap.csv")).size() >= 2);
		assertTrue(Files.isDirectory(file("zlp/zlp_model")));
		run("apply_zlp_model.ijm", "input=[" + EELS + "] model=[" + file("zlp/zlp_model") + "] output=[" + file("zlp_applied") + "]",
			"Apply ZLP Model macro:");
		assertTrue(lines(file("zlp_applied/bandgap.csv")).size() >= 2);

		run("train_column_finder.ijm", "steps=2 output=[" + file("column_training") + "] more=[batch=1 patch_size=64 depth=2 base_filters=4 "
			+ "validation_images=1 validate_every=1]", "Train Column Finder macro:");
		assertTrue(Files.isRegularFile(file("column_training/validation.csv")));
		run("column_hyperparameter_search.ijm", "population=2 generations=1 steps=1 output=[" + file("search.csv") + "] more=[batch=1 patch_size=32 "
			+ "validation_images=1]", "Column Finder Hyper-parameter Search macro: wrote");
		assertEquals(3, lines(file("search.csv")).size(), "header and one row per candidate");
		run("train_scan_completer.ijm", "steps=2 output=[" + file("scan_training") + "] more=[batch=1 patch_size=64 depth=2 base_filters=4 "
			+ "validation_images=1 validate_every=1]", "Train Scan Completer macro:");
		assertTrue(Files.isRegularFile(file("scan_training/validation.csv")));

		Path images = Files.createDirectories(file("batch_in"));
		Files.copy(MOS2, images.resolve("a.tif"));
		Files.copy(MOS2, images.resolve("b.tif"));
		run("batch_folder.ijm", "input=[" + images + "] output=[" + file("batch_out") + "]", "Batch macro: 2 images");
		assertTrue(lines(file("batch_out/a-result.csv")).size() > 100);
		assertTrue(Files.isRegularFile(file("batch_out/b-result.tif")));

		// kmeans_clustering.ijm and em_to_tiff.ijm have tests of their own (MacroTest, OpenEmFileMacroTest)
		ran.add("kmeans_clustering.ijm");
		ran.add("em_to_tiff.ijm");
		List<String> all = new ArrayList<>();
		try (Stream<Path> macros = Files.list(Path.of("macros"))) {
			macros.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ijm")).sorted().forEach(all::add);
		}
		assertEquals(all, new ArrayList<>(ran), "every macro in macros/ is run by a test");
	}
}
