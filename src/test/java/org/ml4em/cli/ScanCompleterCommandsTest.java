package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train Scan Completer (a tiny network for a few steps), Complete Partial Scan with the model it
 * wrote, and Export Scan Completer, headless: the files each promises, and the trained model's
 * bioimage.io test tensors.
 */
class ScanCompleterCommandsTest {

	private static final String SAMPLE = "sample-images/haadf_stem.tif";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private static float[] values(Path file) throws Exception {
		return TiffValues.of(file);
	}

	private static List<String> checksums(Path rdf) throws Exception {
		return Files.readAllLines(rdf).stream().filter(l -> l.contains("sha256")).toList();
	}

	@Test
	void trainCompleteAndExport() throws Exception {
		Path training = dir.resolve("training");
		assertEquals(Main.OK, run("--headless", "--run", "Train Scan Completer", "steps=4,batch=1,patch_size=64,depth=2,base_filters=4,validation_images=2,"
			+ "validate_every=2,real_images='" + SAMPLE + "',threads=1,output='" + training + "'"), err.toString());
		Path model = training.resolve("scan_model");
		for (String f : List.of("saved_model.pb", "ml4em_scan.json", "rdf.yaml", "tf_saved_model_bundle.zip", "test_input.npy", "test_output.npy", "cover.png"))
			assertTrue(Files.isRegularFile(model.resolve(f)), f);
		assertFalse(Files.exists(model.resolve("checkpoints")));
		String description = Files.readString(model.resolve("ml4em_scan.json"));
		assertTrue(description.replaceAll("\\s", "").contains("\"real_images\":[\"haadf_stem.tif\"]"), description);
		String rdf = Files.readString(model.resolve("rdf.yaml"));
		assertTrue(rdf.contains("channel_names: [first_guess, mask]") && rdf.contains("10.1038/s41598-020-65261-0"), rdf);
		List<String> curve = Files.readAllLines(training.resolve("validation.csv"));
		assertEquals("step,ln_mse,adversarial,critic,gain_db,gain_db_1_16,gain_db_1_100", curve.get(0));
		assertEquals(3, curve.size());
		assertTrue(out.toString().contains("Train Scan Completer: 4 steps"), out.toString());

		Path more = dir.resolve("more");
		assertEquals(Main.OK, run("--headless", "--run", "Train Scan Completer", "steps=2,batch=1,patch_size=64,depth=2,base_filters=4,validation_images=2,"
			+ "validate_every=2,threads=1,init_model='" + model + "',output='" + more + "'"), err.toString());
		String continued = Files.readString(more.resolve("scan_model/ml4em_scan.json")).replaceAll("\\s", "");
		assertTrue(continued.contains("\"real_images\":[],") && continued.contains("\"continued_from\":{\"folder\":\"scan_model\",\"training\":{\"seed\":42,\"steps\":4,")
			&& continued.contains("\"real_images\":[\"haadf_stem.tif\"]"), "the earlier stage's real images stay on record: " + continued);
		err.reset();
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Train Scan Completer", "steps=2,batch=1,patch_size=64,depth=2,base_filters=8,"
			+ "validation_images=2,threads=1,init_model='" + model + "',output='" + dir.resolve("mismatch") + "'"));
		assertTrue(err.toString().contains("a generator of depth 2 and 8 base filters has"), err.toString());

		Path full = dir.resolve("full.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Complete Partial Scan", "input='" + SAMPLE + "',coverage=0.1,path=random,model='" + model
			+ "',output='" + full + "'"), err.toString());
		float[] completed = values(full);
		assertEquals(512 * 512, completed.length);
		for (float v : completed)
			assertTrue(Float.isFinite(v));
		assertTrue(out.toString().contains("completed by network (model scan_model) on CPU"), out.toString());

		Path export = dir.resolve("export");
		assertEquals(Main.OK, run("--headless", "--run", "Export Scan Completer (bioimage.io)", "model='" + model + "',output='" + export + "'"), err.toString());
		assertEquals(checksums(model.resolve("rdf.yaml")), checksums(export.resolve("scan_model/rdf.yaml")), "the same model gives the same test tensors and weights");
	}
}
