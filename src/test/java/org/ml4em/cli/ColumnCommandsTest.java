package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.TiffReader;

/**
 * The column finder's training-side commands headless, with a tiny U-Net trained for a few steps:
 * Train Column Finder's folder (SavedModel, description, bioimage.io files), that Find Atomic
 * Columns runs it, Export Column Model, and the hyper-parameter search's table.
 */
class ColumnCommandsTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private static final String TINY = "steps=4,batch=2,patch_size=32,validation_images=1,validate_every=2,depth=2,base_filters=4,threads=1";

	@Test
	void trainsATinyModelThatFindAtomicColumnsAndBioimageIoCanUse() throws Exception {
		Path training = dir.resolve("training");
		assertEquals(Main.OK, run("--headless", "--run", "Train Column Finder", TINY + ",output='" + training + "'"), err.toString());
		Path model = training.resolve("column_model");
		for (String f : List.of("saved_model.pb", "ml4em_columns.json", "rdf.yaml", "tf_saved_model_bundle.zip", "test_input.npy", "test_output.npy", "cover.png",
			"README.md"))
			assertTrue(Files.isRegularFile(model.resolve(f)), f + " in " + model);
		List<String> curve = Files.readAllLines(training.resolve("validation.csv"));
		assertEquals("step,loss,f1,f1_atom,f1_vacancy,f1_dopant,rms_pm", curve.get(0));
		assertEquals(3, curve.size(), "checks at steps 2 and 4");

		String rdf = Files.readString(model.resolve("rdf.yaml"));
		assertTrue(rdf.contains("format_version: 0.5.3") && rdf.contains("channel_names: [heatmap, atom, vacancy, dopant]"), rdf);
		// Every file the description names has the checksum it states.
		Matcher m = Pattern.compile("source: ([\\w.]+),? *\\n? *sha256: ([0-9a-f]{64})").matcher(rdf);
		int checked = 0;
		while (m.find()) {
			assertEquals(m.group(2), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model.resolve(m.group(1))))),
				m.group(1));
			checked++;
		}
		assertEquals(3, checked, "test input, test output and weights");
		assertNpy(model.resolve("test_output.npy"), "(1, 128, 128, 4)", 128 * 128 * 4);

		Path image = dir.resolve("sim.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Atomic Image", "width=96,height=96,seed=4,output='" + image + "'"), err.toString());
		// No pixel_size: the launcher takes it from the TIFF's calibration (0.01 nm per pixel).
		Path columns = dir.resolve("columns.csv"), heatmap = dir.resolve("heatmap.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Find Atomic Columns", "input='" + image + "',model='" + model + "',output='" + columns
			+ "',output_map='" + heatmap + "'"), err.toString());
		assertEquals("x,y,x_angstrom,y_angstrom,class,score", Files.readAllLines(columns).get(0));
		assertTrue(out.toString().contains("pixel size 0.1 Å"), out.toString());
		var map = TiffReader.read(heatmap);
		assertEquals(96, map.width());
		assertEquals(0.01, map.pixelWidth(), 1e-9);
		Path plain = dir.resolve("plain.csv");
		assertEquals(Main.OK, run("--headless", "--run", "Find Atomic Columns", "input='" + image + "',model='" + model + "',output='" + plain + "'"));
		assertFalse(Files.exists(dir.resolve("plain_map.tif")), "the heat map only on request");

		Path export = dir.resolve("export");
		assertEquals(Main.OK, run("--headless", "--run", "Export Column Model (bioimage.io)", "model='" + model + "',output='" + export + "'"), err.toString());
		assertTrue(Files.isRegularFile(export.resolve("column_model/rdf.yaml")));
		assertTrue(Files.isRegularFile(export.resolve("column_model/variables/variables.index")));
	}

	private static void assertNpy(Path file, String shape, int values) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		assertEquals((byte) 0x93, bytes[0]);
		assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
		int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
		String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
		assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes");
		assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': " + shape), header);
		assertEquals(10 + headerLength + 4 * values, bytes.length);
	}

	@Test
	void refusesAModelFolderThatIsNotAColumnModel() throws IOException {
		Path image = dir.resolve("sim.tif");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Atomic Image", "width=64,height=64,seed=4,output='" + image + "'"), err.toString());
		Path empty = Files.createDirectories(dir.resolve("not_a_model"));
		Path columns = dir.resolve("columns.csv");
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Find Atomic Columns", "input='" + image + "',model='" + empty + "',output='" + columns + "'"));
		assertTrue(err.toString().contains("not_a_model"), err.toString());
		assertFalse(Files.exists(columns), "nothing written");
	}

	@Test
	void hyperParameterSearchWritesItsCandidates() throws IOException {
		Path table = dir.resolve("search.csv");
		assertEquals(Main.OK, run("--headless", "--run", "Column Finder Hyper-parameter Search",
			"population=2,generations=1,steps=2,batch=2,patch_size=32,validation_images=1,max_parameters=100000,threads=1,output='" + table + "'"), err.toString());
		List<String> lines = Files.readAllLines(table);
		assertEquals("generation,depth,base_filters,kernel_size,learning_rate,weights,fitness,f1,f1_atom,f1_vacancy,f1_dopant,seconds", lines.get(0));
		assertEquals(3, lines.size());
		assertTrue(out.toString().contains("Train it with Train Column Finder: depth="), out.toString());
	}
}
