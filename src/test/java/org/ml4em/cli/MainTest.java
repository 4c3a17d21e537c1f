package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.TiffReader;
import org.ml4em.io.TiffWriter;
import org.ml4em.tf.ExpectedDevice;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** The launcher in-process, as {@code ./ml4em} calls it. */
class MainTest {

	private static final String SAMPLE = "sample-images/haadf_stem.tif";
	private static final String SPECTRUM_IMAGE = "sample-images/eels_low_loss_si.dm4";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private String errText() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void runsKMeansOnAFileAndWritesLabelsAndTable() throws IOException {
		Path labels = dir.resolve("labels.tif");
		int code = run("--headless", "--run", "K-means Clustering", "input='" + SAMPLE + "',k=3,output='" + labels + "'");
		assertEquals(Main.OK, code, errText());
		Img<FloatType> read = TiffReader.read(labels).image();
		assertEquals(512, read.dimension(0));
		float max = 0;
		for (FloatType p : read) max = Math.max(max, p.get());
		assertEquals(2, max);
		List<String> csv = Files.readAllLines(dir.resolve("labels.csv"));
		assertEquals("label,pixels,mean,std,inertia", csv.get(0));
		assertEquals(4, csv.size());
		long pixels = 0;
		for (String line : csv.subList(1, 4)) pixels += Long.parseLong(line.split(",")[1]);
		assertEquals(512 * 512, pixels);
		assertTrue(out.toString(StandardCharsets.UTF_8).contains(ExpectedDevice.ranOn()), out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void classNameWorksLikeTheLabel() {
		int code = run("--headless", "--run", "org.ml4em.commands.KMeansClusteringCommand",
			"input='" + SAMPLE + "',k=2,method=gmm,restarts=1,output='" + dir.resolve("g.tif") + "'");
		assertEquals(Main.OK, code, errText());
		assertTrue(Files.exists(dir.resolve("g.csv")));
	}

	@Test
	void listShowsParametersTypesAndDefaults() {
		assertEquals(Main.OK, run("--list"));
		String listing = out.toString(StandardCharsets.UTF_8);
		assertTrue(listing.contains("\"K-means Clustering\""));
		assertTrue(listing.contains("max_iterations   int       default 300"), listing);
		assertTrue(listing.contains("one of kmeans|gmm"), listing);
	}

	@Test
	void missingInputFile() {
		assertBadInput("no such file", "input='" + dir.resolve("absent.tif") + "',k=3,output='" + dir.resolve("l.tif") + "'");
	}

	@Test
	void kOutOfRange() {
		assertBadInput("k must be at least 1", "input='" + SAMPLE + "',k=0,output='" + dir.resolve("l.tif") + "'");
		assertBadInput("larger than the number of pixels", "input='" + SAMPLE + "',k=300000,output='" + dir.resolve("l.tif") + "'");
	}

	@Test
	void outputMayNotOverwriteTheInput() throws IOException {
		Path input = dir.resolve("in.tif");
		Files.copy(Path.of(SAMPLE), input);
		byte[] before = Files.readAllBytes(input);
		assertBadInput("would overwrite the input", "input='" + input + "',k=3,output='" + input + "'");
		assertEquals(before.length, Files.readAllBytes(input).length);
	}

	@Test
	void existingOutputNeedsOverwriteFlag() throws IOException {
		Path labels = dir.resolve("l.tif");
		Files.writeString(labels, "keep me");
		assertBadInput("already exists", "input='" + SAMPLE + "',k=2,restarts=1,output='" + labels + "'");
		assertEquals("keep me", Files.readString(labels));
		assertEquals(Main.OK, run("--headless", "--run", "K-means Clustering", "input='" + SAMPLE + "',k=2,restarts=1,output='" + labels + "'", "--overwrite"));
	}

	@Test
	void unknownKeyAndCommandAreNamed() {
		assertBadInput("has no parameter 'clusters'", "input='" + SAMPLE + "',clusters=3,output='" + dir.resolve("l.tif") + "'");
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Segment Everything", "input='x.tif'"));
		assertTrue(errText().contains("No command called \"Segment Everything\""), errText());
	}

	@Test
	void unreadableFileIsOneSentence() throws IOException {
		Path junk = dir.resolve("junk.tif");
		Files.writeString(junk, "this is not a TIFF file at all");
		assertBadInput("junk.tif", "input='" + junk + "',k=3,output='" + dir.resolve("l.tif") + "'");
	}

	@Test
	void nanPixelsAreExcludedAndSaid() throws IOException {
		Img<FloatType> img = ArrayImgs.floats(64, 64);
		int i = 0;
		for (FloatType p : img) p.set(i++ % 7 == 0 ? Float.NaN : (i % 64 < 32 ? 1 : 5));
		Path input = dir.resolve("nan.tif");
		TiffWriter.write(img, input, TiffWriter.PixelType.FLOAT32, null, false);
		assertEquals(Main.OK, run("--headless", "--run", "K-means Clustering", "input='" + input + "',k=2,output='" + dir.resolve("n.tif") + "'"), errText());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("NaN/infinite pixels excluded"));
	}

	@Test
	void maskFileSwitchesTheMaskOn() throws IOException {
		Img<FloatType> mask = ArrayImgs.floats(512, 512);
		var ra = mask.randomAccess();
		for (int y = 0; y < 512; y++)
			for (int x = 0; x < 256; x++) ra.setPositionAndGet(x, y).set(1);
		Path maskFile = dir.resolve("mask.tif");
		TiffWriter.write(mask, maskFile, TiffWriter.PixelType.UINT8, null, false);
		Path labels = dir.resolve("masked.tif");
		assertEquals(Main.OK, run("--headless", "--run", "K-means Clustering", "input='" + SAMPLE + "',k=2,mask='" + maskFile + "',output='" + labels + "'"), errText());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("131072 pixels outside the mask"), out.toString(StandardCharsets.UTF_8));
		Img<FloatType> read = TiffReader.read(labels).image();
		assertEquals(65535, read.randomAccess().setPositionAndGet(400, 10).get(), 0);
	}

	@Test
	void demoRunsOnTheSampleImages() throws IOException {
		Files.createDirectories(dir.resolve("sample-images"));
		Files.copy(Path.of(SAMPLE), dir.resolve(SAMPLE));
		Files.copy(Path.of(SPECTRUM_IMAGE), dir.resolve(SPECTRUM_IMAGE));
		for (String f : List.of("sample-images/haadf_mos2_simulated.tif", "sample-images/haadf_mos2_simulated.csv"))
			Files.copy(Path.of(f), dir.resolve(f));
		assertEquals(Main.OK, run("demo", dir.toString()), errText());
		assertTrue(Files.exists(dir.resolve("out/haadf_stem_kmeans_labels.tif")));
		assertTrue(Files.exists(dir.resolve("out/haadf_stem_gmm_labels.csv")));
		assertTrue(Files.exists(dir.resolve("out/eels_thickness_clusters.tif")));
		assertTrue(Files.exists(dir.resolve("out/eels_thickness_cluster_plot.png")));
		assertTrue(Files.exists(dir.resolve("out/haadf_mos2_heatmap.tif")));
		// The shipped model on the sample: every column within 0.5 Å, nearly none missed or invented.
		String all = Files.readAllLines(dir.resolve("out/haadf_mos2_scores.csv")).get(1);
		assertTrue(all.startsWith("all,") && Double.parseDouble(all.split(",")[6]) > 0.97, all);
		assertTrue(Files.exists(dir.resolve("out/haadf_stem_scan_mask.tif")));
		List<String> completion = Files.readAllLines(dir.resolve("out/haadf_stem_completion_scores.csv"));
		assertEquals("psnr_db,ssim,rms_relative", completion.get(0));
		assertTrue(Double.parseDouble(completion.get(1).split(",")[0]) > 40, "the network on the held-out sample at 1/16: " + completion.get(1));
	}

	private void assertBadInput(String expected, String arguments) {
		int code = run("--headless", "--run", "K-means Clustering", arguments);
		assertEquals(Main.BAD_INPUT, code, errText());
		String message = errText().trim();
		assertTrue(message.contains(expected), message);
		assertFalse(message.contains("\tat "), "no stack trace: " + message);
		assertFalse(Files.exists(dir.resolve("l.csv")), "nothing written");
		err.reset();
	}

	@Test
	void eelsThicknessMapWritesTheNamedFiles() throws IOException {
		Path thickness = dir.resolve("thickness.tif");
		int code = run("--headless", "--run", "EELS Thickness Map", "input='" + SPECTRUM_IMAGE + "',clusters=4,output='" + thickness + "'");
		assertEquals(Main.OK, code, errText());
		for (String name : List.of("thickness.tif", "thickness_zlp_shift.tif", "thickness_clusters.tif", "thickness_cluster_spectra.csv",
			"thickness_cluster_statistics.csv", "thickness_cluster_plot.png"))
			assertTrue(Files.isRegularFile(dir.resolve(name)), name + " missing");
		var t = TiffReader.read(thickness);
		assertEquals(64, t.width());
		assertEquals(2.0, t.pixelWidth(), 1e-9);
		assertEquals("nm", t.unit());
		Img<FloatType> classes = TiffReader.read(dir.resolve("thickness_clusters.tif")).image();
		float max = 0;
		for (FloatType c : classes) max = Math.max(max, c.get());
		assertEquals(3, max);
		List<String> stats = Files.readAllLines(dir.resolve("thickness_cluster_statistics.csv"));
		assertEquals("label,pixels,mean_t_over_lambda,centre,sampled_spectra", stats.get(0));
		assertEquals(5, stats.size());
		assertEquals(64 * 48, stats.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum());
	}

	@Test
	void simulatesAnAtomicImageWithItsGroundTruth() throws IOException {
		Path image = dir.resolve("sim.tif"), again = dir.resolve("again.tif");
		String args = "lattice=mos2,width=200,height=160,pixel_size=0.1,rotation=12,vacancies=0.05,dopants=0.05,seed=9,output='";
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Atomic Image", args + image + "'"), errText());
		var read = TiffReader.read(image);
		assertEquals(200, read.width());
		assertEquals(0.01, read.pixelWidth(), 1e-12);
		assertEquals("nm", read.unit());
		List<String> csv = Files.readAllLines(dir.resolve("sim.csv"));
		assertEquals("x,y,class,species", csv.get(0));
		// MoS₂: 2 columns per a²·√3/2 = 8.65 Å² cell; 20 x 16 Å hold about 74.
		assertEquals(74, csv.size() - 1, 8);
		assertTrue(csv.stream().anyMatch(l -> l.endsWith(",vacancy,Mo") || l.endsWith(",vacancy,S2")), "a vacancy among " + csv.size());
		for (String line : csv.subList(1, csv.size())) {
			String[] f = line.split(",");
			assertTrue(Double.parseDouble(f[0]) >= -0.5 && Double.parseDouble(f[0]) < 199.5 && Double.parseDouble(f[1]) < 159.5, line);
		}
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Atomic Image", args + again + "'"), errText());
		assertEquals(csv, Files.readAllLines(dir.resolve("again.csv")), "the same seed gives the same truth");
		assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(again), "and the same image");
		int code = run("--headless", "--run", "Simulate Atomic Image", "lattice=diamond,output='" + dir.resolve("bad.tif") + "'");
		assertEquals(Main.BAD_INPUT, code);
		assertTrue(errText().contains("lattice='diamond' is not known"), errText());
		assertFalse(Files.exists(dir.resolve("bad.tif")) || Files.exists(dir.resolve("bad.csv")), "nothing written");
	}

	@Test
	void evaluatesFoundColumnsAgainstTheTruth() throws IOException {
		Path sim = dir.resolve("sim.tif"), truth = dir.resolve("sim.csv"), found = dir.resolve("found.csv"), scores = dir.resolve("scores.csv");
		assertEquals(Main.OK, run("--headless", "--run", "Simulate Atomic Image", "lattice=graphene,vacancies=0.05,dopants=0.05,seed=3,output='" + sim + "'"),
			errText());
		// Found: every true column moved by 0.03 Å along x (x_angstrom says 0.1 Å per pixel), the first
		// ten left out, and one false find.
		List<String> lines = Files.readAllLines(truth);
		List<String> out = new java.util.ArrayList<>(List.of("x,y,x_angstrom,class"));
		for (String line : lines.subList(11, lines.size())) {
			String[] f = line.split(",");
			double x = Double.parseDouble(f[0]) + 0.3;
			out.add(x + "," + f[1] + "," + x / 10 + "," + f[2]);
		}
		out.add("128.5,128.5,12.85,atom");
		Files.write(found, out);
		assertEquals(Main.OK, run("--headless", "--run", "Evaluate Columns", "columns='" + found + "',truth='" + truth + "',output='" + scores + "'"),
			errText());
		List<String> table = Files.readAllLines(scores);
		assertEquals("class,truth,found,matched,precision,recall,f1,rms_pm", table.get(0));
		String[] all = table.get(1).split(",");
		int n = lines.size() - 1;
		assertEquals(List.of("all", String.valueOf(n), String.valueOf(n - 10 + 1), String.valueOf(n - 10)), List.of(all).subList(0, 4));
		assertEquals(3.0, Double.parseDouble(all[7]), 1e-6, "RMS in pm");
		assertEquals(List.of("atom", "dopant", "vacancy"), table.subList(2, 5).stream().map(l -> l.split(",")[0]).toList());
		int code = run("--headless", "--run", "Evaluate Columns", "columns='" + truth + "',truth='" + truth + "',output='" + dir.resolve("s.tif") + "'");
		assertEquals(Main.BAD_INPUT, code);
		assertTrue(errText().contains("must name a .csv file"), errText());
		err.reset();
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Evaluate Columns", "columns='" + truth + "',truth='" + truth + "',output='" + dir.resolve("s.csv") + "'"));
		assertTrue(errText().contains("The pixel size is not known"), errText());
		assertFalse(Files.exists(dir.resolve("s.csv")));
	}

	@Test
	void imageInputsMayBeDmFiles() throws IOException {
		// K-means of the spectra of the sample spectrum image: the (x, y, energy) view of a DM4
		// stored energy-fastest.
		Path labels = dir.resolve("si_labels.tif");
		int code = run("--headless", "--run", "K-means Clustering", "input='" + SPECTRUM_IMAGE + "',k=4,output='" + labels + "'");
		assertEquals(Main.OK, code, errText());
		Img<FloatType> read = TiffReader.read(labels).image();
		assertEquals(64, read.dimension(0));
		assertEquals(48, read.dimension(1));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("512 features"), out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void zeroLossSubtractionWritesAFolderAndRefusesAFullOne() throws IOException {
		Path folder = dir.resolve("zlp");
		String args = "input='" + SPECTRUM_IMAGE + "',clusters=2,replicas=3,epochs=3000,learning_rate=0.05,device=cpu,output='" + folder + "'";
		assertEquals(Main.OK, run("--headless", "--run", "EELS Zero-Loss Subtraction", args), errText());
		for (String name : List.of("bandgap.csv", "spectra_cluster0.csv", "spectra_cluster1.png", "zlp_model/saved_model.pb", "zlp_model/ml4em_zlp.json"))
			assertTrue(Files.isRegularFile(folder.resolve(name)), name + " missing");
		assertEquals("cluster,eg,eg_low,eg_high,exponent,replicas_kept", Files.readAllLines(folder.resolve("bandgap.csv")).get(0));
		assertFalse(Files.exists(dir.resolve(".zlp.partial")), "staging folder left behind");
		err.reset();
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "EELS Zero-Loss Subtraction", args));
		assertTrue(errText().contains("exists and is not empty"), errText());
	}

	@Test
	void applyZlpModelWritesTheSameFilesFromTheSavedModel() throws IOException {
		Path trained = dir.resolve("zlp");
		assertEquals(Main.OK, run("--headless", "--run", "EELS Zero-Loss Subtraction",
			"input='" + SPECTRUM_IMAGE + "',clusters=2,replicas=3,epochs=3000,learning_rate=0.05,device=cpu,output='" + trained + "'"), errText());
		Path applied = dir.resolve("applied");
		assertEquals(Main.OK, run("--headless", "--run", "Apply ZLP Model",
			"model='" + trained.resolve("zlp_model") + "',input='" + SPECTRUM_IMAGE + "',clusters=2,per_pixel=true,device=cpu,output='" + applied + "'"), errText());
		for (String name : List.of("bandgap.csv", "spectra_cluster0.csv", "spectra_cluster1.png", "bandgap_map.tif"))
			assertTrue(Files.isRegularFile(applied.resolve(name)), name + " missing");
		assertEquals(Files.readAllLines(trained.resolve("spectra_cluster1.csv")).size(), Files.readAllLines(applied.resolve("spectra_cluster1.csv")).size());
		var map = TiffReader.read(applied.resolve("bandgap_map.tif"));
		assertEquals(64, map.width());
		assertEquals(2.0, map.pixelWidth(), 1e-9);
		assertEquals(3, map.image().dimension(2));
		try (var low = org.ml4em.io.EmFiles.open(applied.resolve("pixel_spectra/zlp_low.hspy"));
			var median = org.ml4em.io.EmFiles.open(applied.resolve("pixel_spectra/zlp_median.hspy"));
			var high = org.ml4em.io.EmFiles.open(applied.resolve("pixel_spectra/zlp_high.hspy")))
		{
			assertArrayEquals(new long[] { 512, 64, 48 }, median.signal().shape(), "energy, x, y");
			assertEquals("eV", median.signal().axes().get(median.signal().energyAxis()).units());
			int ordered = 0, finite = 0;
			for (long i = 0; i < median.signal().size(); i += 97) {
				double l = low.signal().values().get(i), m = median.signal().values().get(i), h = high.signal().values().get(i);
				if (Double.isFinite(m)) {
					finite++;
					if (l <= m && m <= h)
						ordered++;
				}
			}
			assertTrue(finite > 0 && ordered == finite, ordered + " of " + finite + " sampled values ordered low <= median <= high");
		}
		err.reset();
		assertEquals(Main.BAD_INPUT, run("--headless", "--run", "Apply ZLP Model",
			"model='" + trained + "',input='" + SPECTRUM_IMAGE + "',output='" + dir.resolve("again") + "'"));
		assertTrue(errText().contains("has no ml4em_zlp.json"), errText());
		assertFalse(Files.exists(dir.resolve("again")), "nothing written");
	}
}
