package org.ml4em.io.hspy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;
import org.ml4em.io.StoredValues;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;

/**
 * A spectrum image of 40 × 50 × 1000 float32 (8 MB), written as HyperSpy writes by default —
 * chunks of 15 × 15 whole spectra, partial at the edges, shuffled and deflated — read lazily in
 * slabs gives exactly what jhdf's whole-array read gives, in bulk, value by value in random order,
 * strided; and a small file with awkward chunks gives the same with slabs down to one value.
 */
class HyperSpyLazyReadTest {

	private static final long[] NUMPY_SHAPE = { 40, 50, 1000 };

	private static final String DATA = "/Experiments/lazy/data";

	@TempDir
	static Path dir;

	private static Path file;

	private static float[] whole;

	@BeforeAll
	static void writeAndReadWhole() throws IOException {
		Random random = new Random(3);
		double[] v = new double[40 * 50 * 1000];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (random.nextGaussian() * 100 + i % 1000);
		List<Axis> axes = List.of(new Axis("Energy loss", 1000, 0.1, 0, "eV", false), new Axis("x", 50, 1, 0, "nm", true),
			new Axis("y", 40, 1, 0, "nm", true));
		file = dir.resolve("lazy.hspy");
		HyperSpyWriter.write(new org.ml4em.io.EmSignal("lazy", "EELS", axes, new ArrayValues(ElementType.FLOAT32, v),
			AcquisitionInfo.UNKNOWN, Map.of()), file, HyperSpyWriter.Storage.CHUNKED_DEFLATE, false);
		try (HdfFile hdf = new HdfFile(file)) {
			ChunkedDataset data = (ChunkedDataset) hdf.getDatasetByPath(DATA);
			assertArrayEquals(new int[] { 15, 15, 1000 }, data.getChunkDimensions());
			assertTrue(data.getStorageInBytes() < data.getSizeInBytes(), "deflated");
			whole = (float[]) data.getDataFlat();
		}
	}

	@Test
	void readerGivesTheWholeReadInBulk() throws IOException {
		try (EmFile f = HyperSpyReader.read(file)) {
			StoredValues values = f.signal().values();
			assertInstanceOf(SlabValues.class, values);
			assertReadsAsWhole(values, 1 << 15);
			assertReadsAsWhole(values, 999); // reads that straddle slab borders
		}
	}

	@Test
	void smallSlabsCrossEveryBorder() throws IOException {
		// a small file with chunks that divide nothing, read with slabs from one value upwards
		long[] shape = { 9, 11, 37 };
		short[][][] data = new short[9][11][37];
		short[] flat = new short[9 * 11 * 37];
		Random random = new Random(5);
		for (int i = 0; i < flat.length; i++) {
			flat[i] = (short) random.nextInt();
			data[i / (11 * 37)][i / 37 % 11][i % 37] = flat[i];
		}
		Path small = dir.resolve("small_chunks.h5");
		try (WritableHdfFile hdf = HdfFile.write(small)) {
			hdf.putDataset("data", data, DatasetCreationOptions.builder().chunkDimensions(4, 5, 8).shuffle().deflate().build());
		}
		try (HdfFile hdf = new HdfFile(small)) {
			DatasetBase dataset = (DatasetBase) hdf.getDatasetByPath("/data");
			for (long budget : new long[] { 1, 2 * 7, 2 * 37, 2 * 37 * 6, 2 * 37 * 11 * 5, 1 << 20 }) {
				// chunk shapes smaller than the real one make slabs smaller than a chunk
				for (int[] chunk : new int[][] { { 4, 5, 8 }, { 1, 1, 1 }, { 1, 2, 3 } }) {
					SlabValues values = new SlabValues(dataset, "small", ElementType.INT16, ByteOrder.LITTLE_ENDIAN, shape, chunk, budget);
					for (int block : new int[] { 1, 13, flat.length }) {
						double[] got = new double[flat.length];
						for (int start = 0; start < flat.length; start += block)
							values.read(start, got, start, Math.min(block, flat.length - start));
						for (int i = 0; i < flat.length; i++)
							assertEquals(flat[i], got[i], "value " + i + ", budget " + budget + ", block " + block);
					}
					for (int k = 0; k < 300; k++) {
						int i = random.nextInt(flat.length);
						assertEquals(flat[i], values.get(i), "value " + i);
					}
				}
			}
		}
	}

	@Test
	void stridedReadsFollowAnAxis() throws IOException {
		try (EmFile f = HyperSpyReader.read(file)) {
			StoredValues values = f.signal().values();
			double[] image = new double[40 * 50];
			values.readStrided(123, 1000, image, image.length); // energy channel 123 across the scan
			for (int i = 0; i < image.length; i++)
				assertEquals(whole[123 + 1000 * i], image[i], "pixel " + i);
		}
	}

	private static void assertReadsAsWhole(StoredValues values, int block) {
		assertEquals(whole.length, values.length());
		double[] buffer = new double[block];
		for (int start = 0; start < whole.length; start += block) {
			int n = Math.min(block, whole.length - start);
			values.read(start, buffer, 0, n);
			for (int i = 0; i < n; i++)
				if (buffer[i] != whole[start + i])
					assertEquals(whole[start + i], buffer[i], "value " + (start + i));
		}
	}

	@Test
	void randomAccessMatches() throws IOException {
		Random random = new Random(11);
		try (EmFile f = HyperSpyReader.read(file)) {
			StoredValues values = f.signal().values();
			for (int k = 0; k < 20_000; k++) {
				int i = random.nextInt(whole.length);
				assertEquals(whole[i], values.get(i), "value " + i);
			}
		}
	}
}
