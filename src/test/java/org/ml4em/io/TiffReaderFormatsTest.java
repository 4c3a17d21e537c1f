package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads TIFF files written by libtiff (see {@code make_fixtures.py} beside them): every sample
 * type, both byte orders, strips and tiles, chunky and planar RGB, no compression, LZW,
 * Deflate and PackBits, horizontal and floating-point predictors.
 */
class TiffReaderFormatsTest {

	private static final int W = 37;
	private static final int H = 23;
	private static final int PAGES = 2;

	private record Fixture(String file, String type, int spp) {}

	private static final Fixture[] FIXTURES = {
		new Fixture("uint16_be_strips.tif", "uint16", 1),
		new Fixture("uint16_lzw_pred2.tif", "uint16", 1),
		new Fixture("int16_deflate_pred2_be.tif", "int16", 1),
		new Fixture("uint8_packbits.tif", "uint8", 1),
		new Fixture("int8_lzw.tif", "int8", 1),
		new Fixture("uint32_deflate_pred2.tif", "uint32", 1),
		new Fixture("int32_be_tiles_lzw.tif", "int32", 1),
		new Fixture("float32_tiles_deflate.tif", "float32", 1),
		new Fixture("float32_deflate_pred3.tif", "float32", 1),
		new Fixture("float64_lzw_pred3.tif", "float64", 1),
		new Fixture("float64_be_deflate.tif", "float64", 1),
		new Fixture("rgb8_chunky_lzw_pred2.tif", "uint8", 3),
		new Fixture("rgb8_planar_packbits_be.tif", "uint8", 3),
		new Fixture("rgb8_planar_tiles_deflate.tif", "uint8", 3),
	};

	/** The value make_fixtures.py's pattern() gives sample s of (x, y) on page p, as float. */
	static float pattern(String type, int x, int y, int p, int s) {
		long v = x * 3L + y * 11L + p * 101L + s * 53L;
		return switch (type) {
			case "float32", "float64" -> (float) ((v - 300) * 0.25);
			case "uint8" -> v % 256;
			case "int8" -> v % 256 - 128;
			case "uint16" -> v * (65535 / 700);
			case "int16" -> -32768 + v * (65535 / 700);
			case "uint32" -> (float) (v * (4294967295L / 700));
			case "int32" -> (float) (-2147483648L + v * (4294967295L / 700));
			default -> throw new IllegalArgumentException(type);
		};
	}

	@TestFactory
	Stream<DynamicTest> readsEveryLibtiffFixtureExactly() {
		return Arrays.stream(FIXTURES).map(f -> DynamicTest.dynamicTest(f.file, () -> check(f)));
	}

	private static void check(Fixture f) throws IOException {
		ImageData data = TiffReader.read(TiffTestSupport.resource(f.file));
		assertArrayEquals(new long[] { W, H, PAGES * f.spp }, data.image().dimensionsAsLongArray(), f.file);
		assertEquals(f.type, data.sampleType(), f.file);
		assertEquals(Integer.parseInt(f.type.replaceAll("\\D", "")), data.bitsPerSample(), f.file);
		for (int p = 0; p < PAGES; p++) {
			for (int s = 0; s < f.spp; s++) {
				for (int y = 0; y < H; y++) {
					for (int x = 0; x < W; x++) {
						float expected = pattern(f.type, x, y, p, s);
						float actual = TiffTestSupport.at(data, x, y, p * f.spp + s);
						if (expected != actual) {
							assertEquals(expected, actual, f.file + " page " + p + " sample " + s + " at " + x + "," + y);
						}
					}
				}
			}
		}
	}

	/** 128 x 96 incompressible bytes: LZW codes reach 12 bits and the table is cleared repeatedly. */
	@Test
	void readsLzwThroughTableResets() throws IOException {
		ImageData data = TiffReader.read(TiffTestSupport.resource("noise8_lzw.tif"));
		assertArrayEquals(new long[] { 128, 96 }, data.image().dimensionsAsLongArray());
		for (int y = 0; y < 96; y++) {
			for (int x = 0; x < 128; x++) {
				int expected = (x * 73856093 ^ y * 19349663) & 0xff;
				assertEquals(expected, TiffTestSupport.at(data, x, y, 0), "at " + x + "," + y);
			}
		}
		assertEquals("pixel", data.unit());
		assertEquals(1.0, data.pixelWidth());
	}
}
