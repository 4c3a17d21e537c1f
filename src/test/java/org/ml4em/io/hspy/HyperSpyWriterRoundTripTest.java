package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.io.hspy.HyperSpyTestFiles.at;
import static org.ml4em.io.hspy.HyperSpyTestFiles.resource;
import static org.ml4em.io.hspy.HyperSpyTestFiles.values;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;

/**
 * Writer then reader: values, axes, title, signal type, acquisition and metadata come back exactly,
 * for every integer and float type, ranks 1 to 3 and both storage layouts; and the writer's file
 * parses throughout (no object header overwritten by jhdf's end-of-file string).
 */
class HyperSpyWriterRoundTripTest {

	private static final ElementType[] REAL_TYPES = { ElementType.INT8, ElementType.UINT8, ElementType.INT16,
		ElementType.UINT16, ElementType.INT32, ElementType.UINT32, ElementType.INT64, ElementType.UINT64,
		ElementType.FLOAT32, ElementType.FLOAT64 };

	@TempDir
	Path dir;

	@Test
	void everyTypeRankAndStorageComesBackExactly() throws IOException {
		Random random = new Random(42);
		int n = 0;
		for (HyperSpyWriter.Storage storage : HyperSpyWriter.Storage.values())
			for (ElementType type : REAL_TYPES)
				for (int rank = 1; rank <= 3; rank++) {
					EmSignal written = signal(type, axes(rank, random), random);
					Path file = dir.resolve(type.dtype() + "_" + rank + "d_" + storage + ".hspy");
					HyperSpyWriter.write(written, file, storage, false);
					assertSameSignal(written, file, type + " " + rank + "-D " + storage);
					n++;
				}
		assertEquals(60, n);
	}

	@Test
	void extremeValuesOfEachTypeSurvive() throws IOException {
		double[][] extremes = { { -128, 127 }, { 0, 255 }, { -32768, 32767 }, { 0, 65535 },
			{ Integer.MIN_VALUE, Integer.MAX_VALUE }, { 0, 4294967295.0 }, { -0x1p63, 0x1p62 }, { 0, 0x1.fffffffffffffp63 },
			{ -Float.MAX_VALUE, Float.MIN_VALUE }, { -Double.MAX_VALUE, Double.MIN_VALUE } };
		for (int t = 0; t < REAL_TYPES.length; t++) {
			EmSignal written = new EmSignal("extremes", "", List.of(new Axis("x", 2, 1, 0, "", false)),
				new ArrayValues(REAL_TYPES[t], extremes[t]), AcquisitionInfo.UNKNOWN, Map.of());
			Path file = dir.resolve("extremes_" + REAL_TYPES[t].dtype() + ".hspy");
			HyperSpyWriter.write(written, file, false);
			assertSameSignal(written, file, "extremes of " + REAL_TYPES[t]);
		}
	}

	@Test
	void navigationAxisFastestIsKept() throws IOException {
		// an unusual layout only the navigate flags describe; HyperSpy reads it the same way
		List<Axis> axes = List.of(new Axis("x", 3, 1, 0, "nm", true), new Axis("Energy", 4, 0.5, 100, "eV", false));
		EmSignal written = new EmSignal("odd", "EELS", axes, new ArrayValues(ElementType.FLOAT32, new double[12]),
			AcquisitionInfo.UNKNOWN, Map.of());
		Path file = dir.resolve("odd.hspy");
		HyperSpyWriter.write(written, file, false);
		assertSameSignal(written, file, "navigation fastest");
	}

	@Test
	void acquisitionAndForeignMetadataAreWritten() throws IOException {
		Map<String, Object> tags = new LinkedHashMap<>();
		tags.put("ImageList", Map.of("Name", "from a DM file", "Count", 3L));
		tags.put("Flags", List.of(true, false));
		tags.put("Empty", List.of());
		tags.put("Numbers", List.of(1.5, 2L));
		AcquisitionInfo acquisition = new AcquisitionInfo(300.0, 0.25, 0.5, "Titan", null, "2020-01-02 03:04:05");
		EmSignal written = new EmSignal("with/slash", "EELS", List.of(new Axis("Energy loss", 5, 0.5, -2, "eV", false)),
			new ArrayValues(ElementType.FLOAT64, new double[] { 1, 2, 3, 4, 5 }), acquisition, tags);
		Path file = dir.resolve("acquisition.hspy");
		HyperSpyWriter.write(written, file, false);
		try (EmFile f = HyperSpyReader.read(file)) {
			EmSignal s = f.signal();
			assertEquals("with/slash", s.title());
			assertEquals(new AcquisitionInfo(300.0, 0.25, 0.5, "Titan", "EELS", "2020-01-02 03:04:05"), s.acquisition());
			Map<String, Object> original = tree(s, "original_metadata");
			assertEquals("from a DM file", at(original, "ImageList", "Name"));
			assertEquals(3L, at(original, "ImageList", "Count"));
			assertEquals(List.of(true, false), original.get("Flags"));
			assertEquals(List.of(), original.get("Empty"));
			assertEquals(List.of(1.5, 2.0), original.get("Numbers"));
			assertEquals("spectrum", at(tree(s, "metadata"), "Signal", "record_by"));
			assertTrue(at(f.tags(), "Experiments", "with-slash") instanceof Map<?, ?>, "'/' cannot be in an HDF5 name");
		}
	}

	@Test
	void hyperSpyMetadataSurvivesACopy() throws IOException {
		Path copy = dir.resolve("copy.hspy");
		Map<String, Object> before;
		try (EmFile f = HyperSpyReader.read(resource("eels_si_v3.1.hspy"))) {
			before = f.signal().metadata();
			HyperSpyWriter.write(f.signal(), copy, HyperSpyWriter.Storage.CHUNKED_DEFLATE, false);
		}
		try (EmFile f = HyperSpyReader.read(copy)) {
			assertEquals(before.get("original_metadata"), f.signal().metadata().get("original_metadata"));
			assertEquals(before.get("metadata"), f.signal().metadata().get("metadata"));
			assertEquals(new AcquisitionInfo(200.0, 0.5, 0.1, "Test TEM", "EELS", "2021-03-04 05:06:07"), f.signal().acquisition());
		}
	}

	@Test
	void everyObjectOfTheWrittenFileParses() throws IOException {
		// jhdf 0.13 appends its version string after the last data set it wrote; see JhdfEndPadding
		Random random = new Random(7);
		for (int i = 0; i < 20; i++) {
			Path file = dir.resolve("parse" + i + ".hspy");
			HyperSpyWriter.write(signal(ElementType.INT16, axes(1 + i % 3, random), random), file, false);
			try (HdfFile hdf = new HdfFile(file)) {
				assertEquals(List.of(), unparsable(hdf), "objects of " + file.getFileName());
			}
		}
	}

	@Test
	void boolIsWrittenAsUint8() throws IOException {
		EmSignal written = new EmSignal("mask", "", List.of(new Axis("x", 3, 1, 0, "", false)),
			new ArrayValues(ElementType.BOOL, new double[] { 1, 0, 1 }), AcquisitionInfo.UNKNOWN, Map.of());
		Path file = dir.resolve("mask.hspy");
		HyperSpyWriter.write(written, file, false);
		try (EmFile f = EmFiles.open(file)) {
			assertEquals(ElementType.UINT8, f.signal().type());
			assertArrayEquals(new double[] { 1, 0, 1 }, values(f.signal()));
		}
	}

	@Test
	void untitledSignalIsStoredAsHyperSpyDoes() throws IOException {
		EmSignal written = new EmSignal("", "", List.of(new Axis("", 2, 1, 0, "", false)),
			new ArrayValues(ElementType.INT32, new double[] { 5, 6 }), AcquisitionInfo.UNKNOWN, Map.of());
		Path file = dir.resolve("untitled.hspy");
		HyperSpyWriter.write(written, file, false);
		try (EmFile f = HyperSpyReader.read(file)) {
			assertEquals("", f.signal().title());
			assertTrue(at(f.tags(), "Experiments", HyperSpyMetadata.UNNAMED) instanceof Map<?, ?>);
		}
	}

	@Test
	void existingFileIsKeptUnlessOverwriteIsAllowed() throws IOException {
		Path file = dir.resolve("keep.hspy");
		Files.writeString(file, "old");
		EmSignal s = signal(ElementType.FLOAT32, axes(2, new Random(1)), new Random(1));
		IOException e = assertThrows(IOException.class, () -> HyperSpyWriter.write(s, file, false));
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		assertEquals("old", Files.readString(file));
		HyperSpyWriter.write(s, file, true);
		assertSameSignal(s, file, "overwritten");
		assertEquals(List.of(file), listDir(), "no temporary file is left behind");
	}

	@Test
	void missingFolderAndComplexValuesAreRefused() throws IOException {
		EmSignal s = signal(ElementType.FLOAT32, axes(1, new Random(1)), new Random(1));
		IOException e = assertThrows(IOException.class, () -> HyperSpyWriter.write(s, dir.resolve("no/such/out.hspy"), false));
		assertTrue(e.getMessage().contains("folder does not exist"), e.getMessage());
		try (EmFile f = HyperSpyReader.read(resource("complex_v3.1.hspy"))) {
			BadInputException bad = assertThrows(BadInputException.class,
				() -> HyperSpyWriter.write(f.signal(), dir.resolve("complex.hspy"), false));
			assertTrue(bad.getMessage().contains("complex64"), bad.getMessage());
		}
		assertEquals(List.of(), listDir());
	}

	private void assertSameSignal(EmSignal written, Path file, String what) throws IOException {
		try (EmFile f = EmFiles.open(file)) {
			assertEquals("HyperSpy", f.format(), what);
			EmSignal s = f.signal();
			assertEquals(written.title(), s.title(), what);
			assertEquals(written.signalType(), s.signalType(), what);
			assertEquals(written.type(), s.type(), what);
			assertEquals(written.axes(), s.axes(), what);
			assertEquals(written.acquisition().beamEnergyKeV(), s.acquisition().beamEnergyKeV(), what);
			assertArrayEquals(values(written), values(s), what);
		}
	}

	/** Values that fill the type's range, with the extremes; integers for integer types. */
	private static EmSignal signal(ElementType type, List<Axis> axes, Random random) {
		int n = 1;
		for (Axis a : axes)
			n *= (int) a.size();
		double[] v = new double[n];
		double[] range = range(type);
		for (int i = 0; i < n; i++) {
			double x = range[0] + random.nextDouble() * (range[1] - range[0]);
			v[i] = type == ElementType.FLOAT64 ? x : type == ElementType.FLOAT32 ? (float) x : Math.floor(x);
		}
		v[0] = range[0];
		if (type == ElementType.UINT64 || type == ElementType.INT64)
			v[n - 1] = type == ElementType.UINT64 ? 0x1p63 + 0x1p40 : 0x1p62; // beyond int range, exact as doubles
		return new EmSignal("signal " + type.dtype(), type.isReal() ? "EELS" : "", axes, new ArrayValues(type, v),
			new AcquisitionInfo(200.0, null, null, null, null, null), Map.of());
	}

	private static double[] range(ElementType type) {
		return switch (type) {
			case INT8 -> new double[] { -128, 127 };
			case UINT8 -> new double[] { 0, 255 };
			case INT16 -> new double[] { -32768, 32767 };
			case UINT16 -> new double[] { 0, 65535 };
			case INT32 -> new double[] { Integer.MIN_VALUE, Integer.MAX_VALUE };
			case UINT32 -> new double[] { 0, 4294967295.0 };
			case INT64, UINT64 -> new double[] { 0, 1 << 30 };
			default -> new double[] { -1e6, 1e6 };
		};
	}

	/** Axes fastest first: a signal axis in eV, then navigation axes in nm, with odd sizes. */
	private static List<Axis> axes(int rank, Random random) {
		List<Axis> axes = new ArrayList<>();
		axes.add(new Axis("Energy loss", 5 + random.nextInt(20), 0.05 + random.nextDouble(), -10 * random.nextDouble(), "eV", false));
		for (int d = 1; d < rank; d++)
			axes.add(new Axis(d == 1 ? "x" : "y", 1 + random.nextInt(9), random.nextDouble(), random.nextGaussian(), "nm", true));
		return axes;
	}

	private static List<String> unparsable(HdfFile hdf) {
		List<String> bad = new ArrayList<>();
		walk(hdf, bad);
		return bad;
	}

	private static void walk(Node node, List<String> bad) {
		try {
			node.getAttributes().values().forEach(a -> a.getData());
			if (node instanceof io.jhdf.api.Group g)
				for (Node child : g.getChildren().values())
					walk(child, bad);
		} catch (RuntimeException e) {
			bad.add(node.getPath() + ": " + e.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tree(EmSignal s, String name) {
		return (Map<String, Object>) s.metadata().get(name);
	}

	private List<Path> listDir() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.toList();
		}
	}
}
