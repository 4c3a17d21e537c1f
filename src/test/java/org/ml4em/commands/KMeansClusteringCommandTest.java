package org.ml4em.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.io.TiffReader;
import org.ml4em.tf.ExpectedDevice;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** The command run headless through SciJava, against the stored result for the bundled sample image. */
class KMeansClusteringCommandTest {

	private static Context context;
	private static Img<FloatType> sample;

	@BeforeAll
	static void setUp() throws IOException {
		context = new Context(CommandService.class);
		sample = TiffReader.read(Path.of("sample-images/haadf_stem.tif")).image();
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@Test
	void sampleImageGivesTheStoredClusters() throws Exception {
		CommandModule m = context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", sample, "k", 3, "method", "kmeans", "seed", 42L).get();
		ResultTable table = (ResultTable) m.getOutput("statistics");
		List<String[]> expected = expectedRows();
		assertEquals(List.of("label", "pixels", "mean", "std", "inertia"), table.header());
		for (int r = 0; r < 3; r++) {
			assertEquals(Long.parseLong(expected.get(r)[1]), ((Number) table.rows().get(r).get(1)).longValue(), "pixels of cluster " + r);
			assertEquals(Double.parseDouble(expected.get(r)[2]), (Double) table.rows().get(r).get(2), 1e-6, "mean of cluster " + r);
		}
		Img<?> labels = (Img<?>) m.getOutput("labels");
		assertEquals(512, labels.dimension(0));
		assertTrue(((String) m.getOutput("summary")).contains(ExpectedDevice.ranOn()), (String) m.getOutput("summary"));
	}

	@Test
	void javaCallersUseSetters() {
		KMeansClusteringCommand command = new KMeansClusteringCommand();
		command.setContext(context);
		command.setInput(sample);
		command.setK(2);
		command.setMethod("gmm");
		command.setRestarts(2);
		command.run();
		assertEquals(2, command.getStatistics().rows().size());
		assertTrue(command.getSummary().startsWith("Gaussian mixture, k=2"), command.getSummary());
	}

	@Test
	void badInputCancelsWithOneSentenceAndNoOutput() throws Exception {
		CommandModule m = context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", ArrayImgs.floats(4, 4, 2, 2), "k", 3, "method", "kmeans")
			.get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("got a 4-D image"), m.getCancelReason());
		assertNull(m.getOutput("labels"));
		CommandModule tooMany = context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", sample, "k", 0, "method", "kmeans").get();
		assertTrue(tooMany.getCancelReason().contains("k must be at least 1"), tooMany.getCancelReason());
		CommandModule noMask = context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", sample, "k", 2, "method", "kmeans",
			"use_mask", true).get();
		assertTrue(noMask.getCancelReason().contains("no mask image was given"), noMask.getCancelReason());
	}

	@Test
	void cancelStopsTheRun() {
		KMeansClusteringCommand command = new KMeansClusteringCommand();
		command.setContext(context);
		command.setInput(sample);
		command.cancel("user pressed cancel");
		command.run();
		assertNull(command.getLabels());
	}

	private static List<String[]> expectedRows() throws IOException {
		try (InputStream in = KMeansClusteringCommandTest.class.getResourceAsStream("haadf_stem_kmeans_k3_seed42.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
			return List.of(lines[1].split(","), lines[2].split(","), lines[3].split(","));
		}
	}
}
