package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The command on the bundled simulated spectrum image, whose truth is known: a film of t/λ 0.25
 * with particles of 0.6, 1.0 and 1.5 (see sample-images/README.md).
 */
class EelsThicknessMapCommandTest {

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

	/** Runs with the defaults for what is not given (clusters, window and feature persist in Fiji). */
	private static CommandModule run(Object... inputs) throws Exception {
		java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(java.util.Map.of("clusters", "0", "zlp_window", 0.0, "feature", "log_intensity"));
		for (int i = 0; i < inputs.length; i += 2)
			all.put((String) inputs[i], inputs[i + 1]);
		return context.service(CommandService.class).run(EelsThicknessMapCommand.class, true, all).get();
	}

	@Test
	void sampleGivesTheSimulatedThicknessesAndFourClassesByItself() throws Exception {
		CommandModule m = run("input", SAMPLE, "clusters", "auto");
		assertTrue(!m.isCanceled(), m.getCancelReason());
		Img<FloatType> t = (Img<FloatType>) m.getOutput("thickness");
		assertEquals(64, t.dimension(0));
		assertEquals(48, t.dimension(1));
		RandomAccess<FloatType> ra = t.randomAccess();
		// Film corner and the centre of the thickest particle (disc 3 of 3 across the middle).
		assertEquals(0.25, ra.setPositionAndGet(2, 2).get(), 0.03);
		assertEquals(1.5, ra.setPositionAndGet(53, 24).get(), 0.08);
		ResultTable stats = (ResultTable) m.getOutput("cluster_statistics");
		assertEquals(4, stats.rows().size(), "K chosen by BIC");
		double[] truth = { 0.25, 0.6, 1.0, 1.5 };
		for (int c = 0; c < 4; c++)
			assertEquals(truth[c], (Double) stats.rows().get(c).get(2), 0.03 * truth[c], "mean t/λ of class " + c);
		Img<UnsignedShortType> classes = (Img<UnsignedShortType>) m.getOutput("clusters_map");
		assertEquals(3, classes.randomAccess().setPositionAndGet(53, 24).get());
		assertEquals(0, classes.randomAccess().setPositionAndGet(2, 2).get());
		ResultTable spectra = (ResultTable) m.getOutput("cluster_spectra");
		assertEquals(512, spectra.rows().size());
		assertEquals(List.of("energy_eV", "median_0", "p16_0", "p84_0"), spectra.header().subList(0, 4));
		assertEquals(13, spectra.header().size());
		assertEquals(4, ((SpectrumPlot) m.getOutput("cluster_plot")).series().size());
		String summary = (String) m.getOutput("summary");
		assertTrue(summary.contains("4 thickness classes by log_intensity, K chosen by the lowest BIC"), summary);
		Img<FloatType> shift = (Img<FloatType>) m.getOutput("zlp_shift");
		for (FloatType s : shift)
			assertTrue(Math.abs(s.get()) < 0.35, "ZLP shift " + s + " beyond the simulated ±0.3 eV drift");
		assertEquals(2.0, ((EelsThicknessMapCommand) m.getDelegateObject()).calibration("thickness").pixelWidth());
	}

	@Test
	void givenKAndFixedWindowAndNoClustering() throws Exception {
		CommandModule three = run("input", SAMPLE, "clusters", "3", "zlp_window", 1.5, "feature", "thickness");
		assertEquals(3, ((ResultTable) three.getOutput("cluster_statistics")).rows().size());
		assertTrue(((String) three.getOutput("summary")).contains("eps fixed at 1.50 eV"), (String) three.getOutput("summary"));
		CommandModule none = run("input", SAMPLE);
		assertTrue(!none.isCanceled(), none.getCancelReason());
		assertNull(none.getOutput("clusters_map"));
		assertNull(none.getOutput("cluster_spectra"));
		assertNull(none.getOutput("cluster_plot"));
	}

	@Test
	void badInputCancelsWithOneSentence() throws Exception {
		CommandModule image = run("input", new File("sample-images/haadf_stem.tif"));
		assertTrue(image.isCanceled());
		assertTrue(image.getCancelReason().contains("energy"), image.getCancelReason());
		CommandModule clusters = run("input", SAMPLE, "clusters", "many");
		assertTrue(clusters.getCancelReason().startsWith("clusters='many' is not understood"), clusters.getCancelReason());
		CommandModule missing = run("input", new File("no-such.dm4"));
		assertTrue(missing.getCancelReason().contains("no-such.dm4"), missing.getCancelReason());
		assertNull(missing.getOutput("thickness"));
	}
}
