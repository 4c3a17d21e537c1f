package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.Lattice;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.io.Folders;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Find Atomic Columns through SciJava with the shipped model: the table and heat map, LoG, and every bad input the issue names. */
class FindAtomicColumnsCommandTest {

	private static Context context;
	private static SimulatedAtomicImage mos2;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class);
		mos2 = new AtomicImageSimulator(AtomicImageSettings.defaults().withSize(300, 220).withLattice(Lattice.MOS2, 21).withDose(30, 1)
			.withDefects(0.04, 0.04, 0).withSeed(901_000_001L)).simulate();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	private static CommandModule run(Object... inputs) throws Exception {
		return context.service(CommandService.class).run(FindAtomicColumnsCommand.class, true, inputs).get();
	}

	private static Img<FloatType> image(SimulatedAtomicImage s) {
		return ArrayImgs.floats(s.pixels().clone(), s.width(), s.height());
	}

	@Test
	void findsTheColumnsOfAMoS2ImageWithTheirClasses() throws Exception {
		CommandModule m = run("input", image(mos2), "pixel_size", mos2.settings().pixelSize(), "method", "cnn", "model", null, "threshold", 0.5,
			"probe_fwhm", 1.1, "device", "cpu");
		assertNull(m.getCancelReason());
		ResultTable table = (ResultTable) m.getOutput("columns");
		assertEquals(java.util.List.of("x", "y", "x_angstrom", "y_angstrom", "class", "score"), table.header());
		long sites = mos2.columns().size();
		assertEquals(sites, table.rows().size(), 0.03 * sites, "one row per site (vacancies included), within 3 %");
		long vacancies = table.rows().stream().filter(r -> r.get(4).equals("vacancy")).count();
		long trueVacancies = mos2.columns().stream().filter(c -> c.columnClass() == ColumnClass.VACANCY).count();
		assertEquals(trueVacancies, vacancies, Math.max(2, 0.3 * trueVacancies), "vacancies found");
		assertEquals((double) table.rows().get(0).get(0) * mos2.settings().pixelSize(), (double) table.rows().get(0).get(2), 1e-9, "x_angstrom");
		Img<?> map = (Img<?>) m.getOutput("heatmap");
		assertEquals(300, map.dimension(0));
		assertEquals(220, map.dimension(1));
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("CNN, shipped model, on CPU") && summary.contains(" vacancy"), summary);
	}

	@Test
	void logBaselineNeedsNoModel() throws Exception {
		CommandModule m = run("input", image(mos2), "pixel_size", mos2.settings().pixelSize(), "method", "log", "threshold", 0.3, "probe_fwhm", 1.1);
		assertNull(m.getCancelReason());
		assertTrue(((ResultTable) m.getOutput("columns")).rows().size() > 0.8 * mos2.columns().size());
		assertNull(m.getOutput("heatmap"));
	}

	@Test
	void rgbImagesAreConvertedAndSaySo() throws Exception {
		Img<FloatType> rgb = ArrayImgs.floats(mos2.width(), mos2.height(), 3);
		for (int c = 0; c < 3; c++) {
			Cursor<FloatType> cursor = Views.flatIterable(Views.hyperSlice(rgb, 2, c)).cursor();
			for (float v : mos2.pixels())
				cursor.next().set(v);
		}
		CommandModule m = run("input", rgb, "pixel_size", mos2.settings().pixelSize(), "method", "cnn");
		assertNull(m.getCancelReason());
		assertTrue(((String) m.getOutput("summary")).contains("The RGB image was converted to grey"), (String) m.getOutput("summary"));
		assertEquals(mos2.columns().size(), ((ResultTable) m.getOutput("columns")).rows().size(), 0.03 * mos2.columns().size());
	}

	@Test
	void pixelSizesFarFromTheTrainingRangeAreWarnedWithTheRange() throws Exception {
		SimulatedAtomicImage coarse = new AtomicImageSimulator(AtomicImageSettings.defaults().withSize(128, 128).withPixelSize(0.4).withDose(50, 1)
			.withSeed(901_000_002L)).simulate();
		CommandModule m = run("input", image(coarse), "pixel_size", 0.4, "method", "cnn");
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("outside the range the network was trained for (0.05 … 0.2 Å)"), summary);
		assertEquals(coarse.columns().size(), ((ResultTable) m.getOutput("columns")).rows().size(), 0.1 * coarse.columns().size());
	}

	@Test
	void badInputGetsOneSentence(@TempDir Path dir) throws Exception {
		assertTrue(run("input", ArrayImgs.floats(20, 20), "pixel_size", 0.1).getCancelReason().contains("at least 32 x 32 pixels"));
		assertTrue(run("input", image(mos2), "pixel_size", 0.0).getCancelReason().contains("no pixel size in Å"));
		assertTrue(run("input", ArrayImgs.floats(64, 64, 2), "pixel_size", 0.1).getCancelReason().contains("needs a 2-D image"));
		Img<FloatType> nan = image(mos2);
		nan.firstElement().set(Float.NaN);
		assertTrue(run("input", nan, "pixel_size", 0.1).getCancelReason().contains("NaN"));
		// A SavedModel that is not a column model: a ZLP-like folder without ml4em_columns.json.
		Path other = Files.createDirectories(dir.resolve("other"));
		Folders.copyTree(ColumnModelFolder.extractShipped(), other);
		Files.delete(other.resolve(ColumnModelFolder.DESCRIPTION));
		String reason = run("input", image(mos2), "pixel_size", 0.1, "model", new File(other.toString())).getCancelReason();
		assertTrue(reason.contains("has no ml4em_columns.json"), reason);
	}
}
