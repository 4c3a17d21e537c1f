package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.io.TiffWriter.PixelType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Writes with {@link TiffWriter} and reads back with {@link TiffReader}. */
class TiffWriterTest {

	@TempDir
	Path dir;

	/** Values that every pixel type stores exactly: integers 0..250 and some quarters for floats. */
	private static Img<FloatType> image(PixelType type, long... dims) {
		Img<FloatType> img = ArrayImgs.floats(dims);
		long[] pos = new long[dims.length];
		var c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.localize(pos);
			long v = pos[0] * 7 + pos[1] * 13 + (dims.length > 2 ? pos[2] * 29 : 0);
			double value = type == PixelType.UINT16 ? v * 97 % 65536 : v % 251;
			c.get().setReal(type == PixelType.FLOAT32 ? value * 0.25 - 20 : value);
		}
		return img;
	}

	private static void assertSameValues(RandomAccessibleInterval<FloatType> expected, Img<FloatType> actual) {
		assertArrayEquals(expected.dimensionsAsLongArray(), actual.dimensionsAsLongArray());
		var e = Views.flatIterable(expected).cursor();
		var a = Views.flatIterable(actual).cursor();
		long i = 0;
		while (e.hasNext()) {
			float want = e.next().get();
			float got = a.next().get();
			if (Float.compare(want, got) != 0) assertEquals(want, got, "sample " + i);
			i++;
		}
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void roundTripsEveryPixelTypeIn2DAnd3DWithCalibration() throws IOException {
		PixelCalibration cal = new PixelCalibration(0.25, 0.5, "nm");
		for (PixelType type : PixelType.values()) {
			for (long[] dims : new long[][] { { 31, 17 }, { 31, 17, 4 } }) {
				Img<FloatType> img = image(type, dims);
				Path file = dir.resolve(type + "-" + dims.length + "d.tif");
				TiffWriter.write(img, file, type, cal, false);
				ImageData data = TiffReader.read(file);
				assertSameValues(img, data.image());
				assertEquals(cal, data.calibration(), file.toString());
				String sampleType = type == PixelType.FLOAT32 ? "float32" : type == PixelType.UINT8 ? "uint8" : "uint16";
				assertEquals(sampleType, data.sampleType());
				assertTrue(data.description().startsWith("ImageJ=1.54p\n"), data.description());
				if (dims.length == 3) assertTrue(data.description().contains("images=4\nslices=4\n"), data.description());
			}
		}
	}

	@Test
	void writesNoCalibrationWhenNoneIsGiven() throws IOException {
		Path file = dir.resolve("plain.tif");
		TiffWriter.write(image(PixelType.UINT8, 5, 4), file, PixelType.UINT8, null, false);
		ImageData data = TiffReader.read(file);
		assertEquals(PixelCalibration.UNCALIBRATED, data.calibration());
		assertEquals("ImageJ=1.54p\n", data.description());
	}

	@Test
	void keepsMicrometresInchesAndAwkwardPixelSizes() throws IOException {
		for (PixelCalibration cal : new PixelCalibration[] { new PixelCalibration(0.0123456789, 0.0123456789, "\u00B5m"),
			new PixelCalibration(1.0 / 300, 1.0 / 300, "inch"), new PixelCalibration(2.5e-4, 1e-3, "cm"),
			new PixelCalibration(3e5, 7, "Angstr\u00F6m") }) {
			Path file = dir.resolve("cal.tif");
			TiffWriter.write(image(PixelType.UINT8, 3, 3), file, PixelType.UINT8, cal, true);
			ImageData data = TiffReader.read(file);
			assertEquals(cal.unit(), data.unit());
			assertEquals(cal.pixelWidth(), data.pixelWidth(), cal.pixelWidth() * 1e-9);
			assertEquals(cal.pixelHeight(), data.pixelHeight(), cal.pixelHeight() * 1e-9);
		}
	}

	@Test
	void clampsAndRoundsValuesOutsideTheIntegerRange() throws IOException {
		float[] in = { -5, 300, Float.NaN, 2.5f, 2.4f, 70000, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY };
		float[] uint8 = { 0, 255, 0, 3, 2, 255, 255, 0 };
		float[] uint16 = { 0, 300, 0, 3, 2, 65535, 65535, 0 };
		Img<FloatType> img = ArrayImgs.floats(in.clone(), in.length, 1);
		for (PixelType type : new PixelType[] { PixelType.UINT8, PixelType.UINT16 }) {
			Path file = dir.resolve(type + ".tif");
			TiffWriter.write(img, file, type, null, false);
			float[] expected = type == PixelType.UINT8 ? uint8 : uint16;
			assertSameValues(ArrayImgs.floats(expected, in.length, 1), TiffReader.read(file).image());
		}
		Path file = dir.resolve("float.tif");
		TiffWriter.write(img, file, PixelType.FLOAT32, null, false);
		assertSameValues(img, TiffReader.read(file).image());
	}

	@Test
	void writesAViewWhoseMinimumIsNotZero() throws IOException {
		Img<FloatType> img = image(PixelType.FLOAT32, 6, 5, 3);
		Path file = dir.resolve("moved.tif");
		TiffWriter.write(Views.translate(img, -10, 4, 100), file, PixelType.FLOAT32, null, false);
		assertSameValues(img, TiffReader.read(file).image());
	}

	/**
	 * ImageJ reads a stack whose description says "images=N" as N planes back to back from the
	 * first strip, ignoring the other IFDs; the IFDs themselves must start on even offsets.
	 */
	@Test
	void writesPlanesContiguouslyAndIfdsOnWordBoundaries() throws IOException {
		Img<FloatType> img = image(PixelType.UINT8, 3, 3, 5); // 9 bytes per page
		Path file = dir.resolve("odd.tif");
		TiffWriter.write(img, file, PixelType.UINT8, new PixelCalibration(2, 2, "nm"), false);
		assertSameValues(img, TiffReader.read(file).image());
		byte[] bytes = Files.readAllBytes(file);
		List<Integer> ifds = TiffTestSupport.ifdOffsets(bytes);
		assertEquals(5, ifds.size());
		long first = TiffTestSupport.value(bytes, ifds.get(0), 273);
		for (int page = 0; page < ifds.size(); page++) {
			assertEquals(0, ifds.get(page) % 2, "IFD " + page);
			assertEquals(first + 9L * page, TiffTestSupport.value(bytes, ifds.get(page), 273), "strip of page " + page);
			assertEquals(9, TiffTestSupport.value(bytes, ifds.get(page), 279));
		}
		assertEquals(first + 45, ifds.get(1) - 1, "IFDs 2.. follow the pixels, after one pad byte");
	}

	@Test
	void refusesToOverwriteUnlessAllowed() throws IOException {
		Path file = dir.resolve("keep.tif");
		Files.writeString(file, "precious");
		IOException e = assertThrows(IOException.class,
			() -> TiffWriter.write(image(PixelType.UINT8, 4, 4), file, PixelType.UINT8, null, false));
		assertTrue(e.getMessage().contains("keep.tif") && e.getMessage().contains("already exists"), e.getMessage());
		assertEquals("precious", Files.readString(file));
		assertEquals(List.of(file), files(), "no temporary file may be left behind");

		TiffWriter.write(image(PixelType.UINT8, 4, 4), file, PixelType.UINT8, null, true);
		assertEquals(4, TiffReader.read(file).width());
		assertEquals(List.of(file), files());
	}

	@Test
	void rejectsImagesThatAreNot2DOr3D() throws IOException {
		Path file = dir.resolve("4d.tif");
		BadInputException e = assertThrows(BadInputException.class,
			() -> TiffWriter.write(ArrayImgs.floats(2, 2, 2, 2), file, PixelType.FLOAT32, null, false));
		assertTrue(e.getMessage().contains("4-D"), e.getMessage());
		assertThrows(BadInputException.class,
			() -> TiffWriter.write(ArrayImgs.floats(5), file, PixelType.FLOAT32, null, false));
		assertEquals(List.of(), files());
	}

	@Test
	void rejectsPixelSizesATiffResolutionCannotHold() {
		Path file = dir.resolve("tiny.tif");
		PixelCalibration cal = new PixelCalibration(1e-11, 1e-11, "m");
		BadInputException e = assertThrows(BadInputException.class,
			() -> TiffWriter.write(ArrayImgs.floats(2, 2), file, PixelType.FLOAT32, cal, false));
		assertTrue(e.getMessage().contains("smaller") || e.getMessage().contains("unit where"), e.getMessage());
	}

	@Test
	void rejectsImagesOverTheClassicTiffLimit() {
		// A view, so no memory is needed for pixels that are never written.
		RandomAccessibleInterval<FloatType> huge = Views.interval(Views.extendZero(ArrayImgs.floats(1, 1, 1)),
			new long[] { 0, 0, 0 }, new long[] { 20_000 - 1, 20_000 - 1, 2 }); // 3 x 1.6 GB
		BadInputException e = assertThrows(BadInputException.class,
			() -> TiffWriter.write(huge, dir.resolve("huge.tif"), PixelType.FLOAT32, null, false));
		assertTrue(e.getMessage().contains("4 GiB"), e.getMessage());
	}
}
