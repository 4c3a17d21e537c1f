package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads TIFF files assembled byte by byte by {@link TiffBytes}, one feature at a time. */
class TiffReaderHandWrittenTest {

	@TempDir
	Path dir;

	private ImageData readBack(TiffBytes tiff) throws IOException {
		return TiffReader.read(TiffTestSupport.write(dir, "t.tif", tiff.build()));
	}

	/** Every sample of every plane equals {@link TiffBytes#value}. */
	private static void assertPixels(TiffBytes tiff, ImageData data) {
		int planes = tiff.pages * tiff.samplesPerPixel;
		long[] dims = planes > 1 ? new long[] { tiff.width, tiff.height, planes } : new long[] { tiff.width, tiff.height };
		assertArrayEquals(dims, data.image().dimensionsAsLongArray());
		for (int p = 0; p < tiff.pages; p++) {
			for (int s = 0; s < tiff.samplesPerPixel; s++) {
				for (int y = 0; y < tiff.height; y++) {
					for (int x = 0; x < tiff.width; x++) {
						float expected = (float) tiff.value(p, s, x, y);
						assertEquals(expected, TiffTestSupport.at(data, x, y, p * tiff.samplesPerPixel + s),
							"page " + p + " sample " + s + " at " + x + "," + y);
					}
				}
			}
		}
	}

	@Test
	void readsBigEndianUint16Strips() throws IOException {
		TiffBytes t = new TiffBytes();
		t.order = ByteOrder.BIG_ENDIAN;
		ImageData data = readBack(t);
		assertPixels(t, data);
		assertEquals("uint16", data.sampleType());
		assertEquals(16, data.bitsPerSample());
	}

	@Test
	void readsBigEndianSignedAndFloatSamples() throws IOException {
		for (int[] type : new int[][] { { 8, 2 }, { 16, 2 }, { 32, 2 }, { 32, 1 }, { 32, 3 }, { 64, 3 } }) {
			TiffBytes t = new TiffBytes();
			t.order = ByteOrder.BIG_ENDIAN;
			t.bits = type[0];
			t.sampleFormat = type[1];
			t.pages = 2;
			assertPixels(t, readBack(t));
		}
	}

	@Test
	void readsPackBitsPages() throws IOException {
		TiffBytes t = new TiffBytes();
		t.compression = 32773;
		t.bits = 8;
		t.pages = 3;
		t.width = 300; // rows longer than one 128-byte PackBits run
		ImageData data = readBack(t);
		assertPixels(t, data);
		assertEquals(3, data.planes());
	}

	@Test
	void readsDeflateWithHorizontalPredictorInBothByteOrders() throws IOException {
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			for (int bits : new int[] { 8, 16, 32 }) {
				TiffBytes t = new TiffBytes();
				t.order = order;
				t.compression = 8;
				t.predictor = 2;
				t.bits = bits;
				t.sampleFormat = 2;
				t.samplesPerPixel = 2; // the predictor works per channel
				assertPixels(t, readBack(t));
			}
		}
	}

	@Test
	void readsPlanarSamplesAsSeparatePlanes() throws IOException {
		TiffBytes t = new TiffBytes();
		t.samplesPerPixel = 3;
		t.planar = true;
		t.pages = 2;
		t.compression = 8;
		ImageData data = readBack(t);
		assertPixels(t, data);
		assertEquals(6, data.planes());
	}

	@Test
	void readsMissingStripByteCountsOfRawData() throws IOException {
		TiffBytes t = new TiffBytes();
		t.rowsPerStrip = t.height;
		byte[] bytes = t.build();
		// Renaming the tag hides it from the reader, as if the writer had left it out.
		int pos = TiffTestSupport.entry(bytes, 279);
		bytes[pos] = (byte) 0xff;
		bytes[pos + 1] = (byte) 0xfe;
		assertPixels(t, TiffReader.read(TiffTestSupport.write(dir, "n.tif", bytes)));
	}

	@Test
	void readsImageJCalibrationAndDescription() throws IOException {
		TiffBytes t = new TiffBytes();
		t.description = "ImageJ=1.54f\nimages=1\nunit=um\n";
		t.resolution = new double[] { 4, 2 }; // pixels per unit
		ImageData data = readBack(t);
		assertEquals(0.25, data.pixelWidth(), 1e-12);
		assertEquals(0.5, data.pixelHeight(), 1e-12);
		assertEquals("\u00B5m", data.unit());
		assertEquals(t.description, data.description());
	}

	@Test
	void readsImageJsEscapedMicrometres() throws IOException {
		TiffBytes t = new TiffBytes();
		t.description = "ImageJ=1.54p\nunit=\\u00B5m\nmin=-3.5\nmax=0.0\n"; // as ImageJ 1.54p writes it
		t.resolution = new double[] { 10, 10 };
		ImageData data = readBack(t);
		assertEquals("\u00B5m", data.unit());
		assertEquals(0.1, data.pixelWidth(), 1e-12);
	}

	@Test
	void readsResolutionUnitWithoutImageJDescription() throws IOException {
		TiffBytes t = new TiffBytes();
		t.description = "made by hand";
		t.resolution = new double[] { 200, 200 };
		t.resolutionUnit = 3;
		ImageData data = readBack(t);
		assertEquals(0.005, data.pixelWidth(), 1e-12);
		assertEquals("cm", data.unit());
		assertEquals("made by hand", data.description());
	}

	@Test
	void treatsDefault72DpiAndUnitlessResolutionAsUncalibrated() throws IOException {
		for (int unit : new int[] { 1, 2 }) {
			TiffBytes t = new TiffBytes();
			t.resolution = new double[] { 72, 72 };
			t.resolutionUnit = unit;
			ImageData data = readBack(t);
			assertEquals(PixelCalibration.UNCALIBRATED, data.calibration());
			assertEquals("", data.description());
		}
	}
}
