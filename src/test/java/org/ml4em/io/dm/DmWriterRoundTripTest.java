package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.ml4em.io.StoredValues;
import org.ml4em.io.TagTrees;

/** Writes signals as DM3 and DM4 in both byte orders and reads them back. */
class DmWriterRoundTripTest {

	private static final List<ElementType> REAL_TYPES = Arrays.stream(ElementType.values())
		.filter(ElementType::isReal).toList();

	private static final long[][] SHAPES = { { 7 }, { 5, 3 }, { 4, 3, 2 }, { 3, 2, 2, 2 } };

	@TempDir
	Path dir;

	@Test
	void everyVersionByteOrderRealTypeAndDimensionality() throws IOException {
		int files = 0;
		for (DmWriter.Version version : DmWriter.Version.values())
			for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN))
				for (ElementType type : REAL_TYPES)
					for (long[] shape : SHAPES) {
						roundTrip(new DmWriter(version, order, false), type, shape, "f" + files++);
					}
		assertEquals(2 * 2 * 11 * 4, files);
	}

	private void roundTrip(DmWriter writer, ElementType type, long[] shape, String name) throws IOException {
		List<Axis> axes = new ArrayList<>();
		for (int d = 0; d < shape.length; d++)
			// Origins and scales exact in float32, as DM stores them.
			axes.add(new Axis(new String[] { "x", "y", "z", "" }[d], shape[d], 0.25 * (d + 1), d == 0 ? 0 : -1.5 * d * 0.25 * (d + 1),
				d == 1 ? "µm" : "nm", d >= 2));
		double[] values = valuesOf(type, (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b));
		EmSignal signal = new EmSignal("title " + type.dtype() + " ✓", "", axes, new ArrayValues(type, values),
			AcquisitionInfo.UNKNOWN, Map.of());
		Path file = dir.resolve(name + "." + writer.version().name().toLowerCase());
		writer.write(signal, file);
		String what = writer + " " + type + " " + Arrays.toString(shape);
		try (EmFile f = EmFiles.open(file)) {
			EmSignal back = f.signal();
			assertEquals(writer.version().name(), f.format(), what);
			assertEquals(1, f.signals().size(), what);
			assertEquals(type, back.type(), what);
			assertEquals(signal.title(), back.title(), what);
			assertEquals(axes, back.axes(), what);
			assertArrayEquals(values, read(back.values()), what);
		}
	}

	/** Extremes of the type first, then a ramp through its range. */
	private static double[] valuesOf(ElementType type, int n) {
		double[] special = switch (type) {
			case INT8 -> new double[] { -128, 127, 0, -1 };
			case UINT8 -> new double[] { 0, 255, 1 };
			case BOOL -> new double[] { 0, 1 };
			case INT16 -> new double[] { -32768, 32767, 0, -1 };
			case UINT16 -> new double[] { 0, 65535, 1 };
			case INT32 -> new double[] { Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1 };
			case UINT32 -> new double[] { 0, 4294967295.0, 1 };
			case INT64 -> new double[] { -0x1p63, 0x1p63 - 1024, 0, -1 };
			case UINT64 -> new double[] { 0, 0x1p64 - 2048, 0x1p63, 1 };
			case FLOAT32 -> new double[] { Float.MAX_VALUE, -Float.MIN_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 0.1f };
			case FLOAT64 -> new double[] { Double.MAX_VALUE, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.1 };
			default -> throw new IllegalArgumentException(type.toString());
		};
		double[] values = new double[n];
		for (int i = 0; i < n; i++)
			values[i] = i < special.length ? special[i] : type == ElementType.BOOL ? i % 2 : (i * 37) % 100;
		return values;
	}

	private static double[] read(StoredValues values) {
		double[] out = new double[(int) values.length()];
		values.read(0, out, 0, out.length);
		return out;
	}

	@Test
	void eelsSpectrumImageKeepsNamesNavigationAndAcquisition() throws IOException {
		List<Axis> axes = List.of(new Axis("Energy loss", 16, 0.5, -100, "eV", false),
			new Axis("x", 3, 2, 0, "nm", true), new Axis("y", 2, 2, 1, "nm", true));
		AcquisitionInfo info = new AcquisitionInfo(200.0, 0.0035, 0.5, "FEI Titan", "GIF Quantum", "8/8/2016 7:35:17 PM");
		double[] values = new double[16 * 3 * 2];
		for (int i = 0; i < values.length; i++)
			values[i] = i * 0.5;
		EmSignal signal = new EmSignal("EELS SI", "EELS", axes, new ArrayValues(ElementType.FLOAT32, values), info, Map.of());
		for (DmWriter.Version version : DmWriter.Version.values()) {
			Path file = dir.resolve("si." + version);
			DmWriter.of(version).write(signal, file);
			try (EmFile f = DmReader.read(file)) {
				EmSignal back = f.signal();
				assertEquals(axes, back.axes());
				assertEquals("EELS", back.signalType());
				assertEquals(info, back.acquisition());
				assertEquals(0, back.energyAxis());
				assertArrayEquals(values, read(back.values()));
			}
		}
	}

	@Test
	void cameraImageStackKeepsExposureAndStackAxis() throws IOException {
		List<Axis> axes = List.of(new Axis("x", 4, 0.125, 0, "nm", false), new Axis("y", 3, 0.125, 0, "nm", false),
			new Axis("z", 2, 1, 0, "", true));
		AcquisitionInfo info = new AcquisitionInfo(300.0, 0.5, null, null, "OneView", null);
		EmSignal signal = new EmSignal("stack", "", axes, new ArrayValues(ElementType.UINT16, new double[24]), info, Map.of());
		Path file = dir.resolve("stack.dm3");
		DmWriter.of(DmWriter.Version.DM3).write(signal, file);
		try (EmFile f = DmReader.read(file)) {
			assertEquals(axes, f.signal().axes());
			assertEquals(info, f.signal().acquisition());
		}
	}

	@Test
	void oneDimensionalSpectrumWithoutSignalTypeAndLineOfSpectra() throws IOException {
		List<List<Axis>> layouts = List.of(List.of(new Axis("x", 5, 1, 0, "", false)),
			List.of(new Axis("x", 5, 1, 0, "", false), new Axis("y", 2, 1, 0, "", true)),
			List.of(new Axis("x", 5, 1, 0, "", false), new Axis("y", 2, 1, 0, "", false)));
		for (List<Axis> axes : layouts) {
			Path file = dir.resolve("layout" + axes.hashCode() + ".dm4");
			DmWriter.of(DmWriter.Version.DM4).write(axes, ElementType.INT8, new double[(int) axes.stream()
				.mapToLong(Axis::size).reduce(1, (a, b) -> a * b)], file);
			try (EmFile f = DmReader.read(file)) {
				assertEquals(axes, f.signal().axes());
				assertEquals(AcquisitionInfo.UNKNOWN, f.signal().acquisition());
			}
		}
	}

	@Test
	void realSpectrumImageRewrittenAsBigEndianDm3ReadsTheSame() throws IOException {
		Path file = dir.resolve("copy.dm3");
		try (EmFile original = DmReader.read(DmTestFiles.bundled("3D_EELS_SI.dm4"))) {
			EmSignal s = original.signal();
			new DmWriter(DmWriter.Version.DM3, ByteOrder.BIG_ENDIAN, false).write(s, file);
			try (EmFile copy = DmReader.read(file)) {
				EmSignal c = copy.signal();
				assertEquals(s.axes(), c.axes());
				assertEquals(s.title(), c.title());
				assertEquals(s.signalType(), c.signalType());
				assertEquals(s.acquisition().beamEnergyKeV(), c.acquisition().beamEnergyKeV());
				assertArrayEquals(read(s.values()), read(c.values()));
				assertEquals(ByteOrder.BIG_ENDIAN, order(file));
			}
		}
	}

	private static ByteOrder order(Path dm3) throws IOException {
		byte[] head = Arrays.copyOf(Files.readAllBytes(dm3), 12);
		return head[11] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	@Test
	void writtenTreeHasTheLayoutDmUses() throws IOException {
		Path file = dir.resolve("tree.dm4");
		DmWriter.of(DmWriter.Version.DM4).write(List.of(new Axis("x", 3, 1, 0, "", false)), ElementType.FLOAT64,
			new double[] { 1, 2, 3 }, file);
		try (EmFile f = DmReader.read(file)) {
			Map<String, Object> tags = f.tags();
			assertEquals(List.of("ImageList", "ImageSourceList", "InImageMode"), List.copyOf(tags.keySet()));
			assertEquals(12L, TagTrees.get(tags, "ImageList", "TagGroup0", "ImageData", "DataType"));
			assertEquals(8L, TagTrees.get(tags, "ImageList", "TagGroup0", "ImageData", "PixelDepth"));
			assertEquals(3L, TagTrees.get(tags, "ImageList", "TagGroup0", "ImageData", "Dimensions", "Data0"));
			assertEquals("Image", TagTrees.get(tags, "ImageList", "TagGroup0", "ImageTags", "Meta Data", "Format"));
			Map<?, ?> data = (Map<?, ?>) TagTrees.get(tags, "ImageList", "TagGroup0", "ImageData", "Data");
			assertEquals(3L, data.get("size"), "the data stay in the file, described by " + data);
			assertNull(TagTrees.get(tags, "Thumbnails"));
		}
	}

	@Test
	void longTitleReadsBack() throws IOException {
		String title = "Å".repeat(40_000) + " ✓"; // 80 kB of UTF-16, more than the reader's window
		EmSignal signal = new EmSignal(title, "", List.of(new Axis("x", 2, 1, 0, "", false)),
			new ArrayValues(ElementType.INT8, new double[] { -1, 1 }), AcquisitionInfo.UNKNOWN, Map.of());
		Path file = dir.resolve("title.dm3");
		DmWriter.of(DmWriter.Version.DM3).write(signal, file);
		try (EmFile f = DmReader.read(file)) {
			assertEquals(title, f.signal().title());
			assertEquals(-1.0, f.signal().values().get(0));
		}
	}

	@Test
	void refusesComplexData() {
		EmSignal complex = new EmSignal("", "", List.of(new Axis("x", 2, 1, 0, "", false)),
			new ArrayValues(ElementType.COMPLEX64, new double[2]), AcquisitionInfo.UNKNOWN, Map.of());
		BadInputException e = assertThrows(BadInputException.class,
			() -> DmWriter.of(DmWriter.Version.DM4).write(complex, dir.resolve("c.dm4")));
		assertTrue(e.getMessage().contains("complex64"), e.getMessage());
		assertFalse(Files.exists(dir.resolve("c.dm4")));
	}

	@Test
	void refusesValuesThatDoNotFitAndLeavesTheOldFileAlone() throws IOException {
		Path file = dir.resolve("old.dm3");
		Files.writeString(file, "old");
		List<Axis> axes = List.of(new Axis("x", 3, 1, 0, "", false));
		DmWriter overwriting = new DmWriter(DmWriter.Version.DM3, ByteOrder.LITTLE_ENDIAN, true);
		for (double bad : new double[] { 256, -1, 1.5, Double.NaN }) {
			BadInputException e = assertThrows(BadInputException.class,
				() -> overwriting.write(axes, ElementType.UINT8, new double[] { 0, 1, bad }, file));
			assertTrue(e.getMessage().contains("index 2") && e.getMessage().contains("uint8"), e.getMessage());
		}
		assertEquals("old", Files.readString(file));
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(List.of(file), s.toList(), "no temporary file left behind");
		}
	}

	@Test
	void refusesToOverwriteUnlessAsked() throws IOException {
		Path file = dir.resolve("exists.dm4");
		Files.writeString(file, "old");
		List<Axis> axes = List.of(new Axis("x", 1, 1, 0, "", false));
		IOException e = assertThrows(IOException.class,
			() -> DmWriter.of(DmWriter.Version.DM4).write(axes, ElementType.INT8, new double[1], file));
		assertTrue(e.getMessage().contains("exists.dm4") && e.getMessage().contains("already exists"), e.getMessage());
		new DmWriter(DmWriter.Version.DM4, ByteOrder.LITTLE_ENDIAN, true).write(axes, ElementType.INT8, new double[1], file);
		try (EmFile f = DmReader.read(file)) {
			assertEquals(0.0, f.signal().values().get(0));
		}
	}

	@Test
	void refusesDm3LargerThanFourGigabytesBeforeWriting() {
		StoredValues huge = new StoredValues() {
			@Override
			public ElementType type() {
				return ElementType.UINT8;
			}

			@Override
			public long length() {
				return 1L << 32;
			}

			@Override
			public double get(long index) {
				throw new AssertionError("nothing should be read");
			}
		};
		EmSignal signal = new EmSignal("", "", List.of(new Axis("x", 1 << 16, 1, 0, "", false),
			new Axis("y", 1 << 16, 1, 0, "", false)), huge, AcquisitionInfo.UNKNOWN, Map.of());
		BadInputException e = assertThrows(BadInputException.class,
			() -> DmWriter.of(DmWriter.Version.DM3).write(signal, dir.resolve("huge.dm3")));
		assertTrue(e.getMessage().contains("DM4"), e.getMessage());
	}

	@Test
	void refusesAxesThatDoNotDescribeTheValues() {
		BadInputException e = assertThrows(BadInputException.class, () -> DmWriter.of(DmWriter.Version.DM4)
			.write(List.of(new Axis("x", 4, 1, 0, "", false)), ElementType.INT8, new double[3], dir.resolve("a.dm4")));
		assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
	}
}
