package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.tensorflow.exceptions.TFResourceExhaustedException;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class TiledProcessorTest {

	private static final TileFunction IDENTITY = (tile, width, height) -> tile;

	/** 3×3 mean computed inside the tile only, clamping at the tile's edges: a function that needs its neighbours. */
	private static final TileFunction BOX_BLUR = (tile, width, height) -> boxBlur(tile, width, height);

	// -- Tiling --

	@Test
	void identityReproducesTheInputForAnySize() {
		int[][] sizes = { { 1000, 700 }, { 448, 672 }, { 512, 256 }, { 100, 70 }, { 1, 50 }, { 257, 1 } };
		for (int[] size : sizes) {
			ArrayImg<FloatType, FloatArray> input = randomImage(size[0], size[1], 1);
			ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(size[0], size[1]);
			new TiledProcessor().process(input, output, IDENTITY, 256, 16, Progress.NONE);
			assertEquals(java.util.Arrays.toString(data(input)), java.util.Arrays.toString(data(output)), size[0] + "×" + size[1]);
		}
	}

	@Test
	void everyTileHasTheRequestedSize() {
		List<String> sizes = new ArrayList<>();
		TileFunction recordSize = (tile, width, height) -> {
			sizes.add(width + "×" + height + ":" + tile.length);
			return tile;
		};
		new TiledProcessor().process(randomImage(1000, 700, 2), ArrayImgs.floats(1000, 700), recordSize, 256, 16, Progress.NONE);
		assertEquals(20, sizes.size());
		assertTrue(sizes.stream().allMatch("256×256:65536"::equals), sizes.toString());
	}

	@Test
	void severalOutputChannelsArriveInTheirPlanes() {
		// A network's (y, x, channel) output: per pixel the blurred value, its double and its negative.
		TileFunction threeChannels = (tile, width, height) -> {
			float[] blurred = boxBlur(tile, width, height), out = new float[blurred.length * 3];
			for (int i = 0; i < blurred.length; i++) {
				out[3 * i] = blurred[i];
				out[3 * i + 1] = 2 * blurred[i];
				out[3 * i + 2] = -blurred[i];
			}
			return out;
		};
		ArrayImg<FloatType, FloatArray> input = randomImage(300, 200, 12);
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(300, 200, 3);
		new TiledProcessor().process(input, output, threeChannels, 64, 8, Progress.NONE);
		float[] expected = mirroredBlur(input, 300, 200), planes = data(output);
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < expected.length; i++)
				assertEquals(expected[i] * (c == 2 ? -1 : c + 1), planes[c * expected.length + i], 1e-5, "channel " + c + ", pixel " + i);
	}

	@Test
	void severalInputChannelsArriveInterleaved() {
		// A network's (y, x, channel) input: the function sees image a then image b per pixel, and returns a − 2b.
		TileFunction difference = (tile, width, height) -> {
			float[] out = new float[width * height];
			for (int i = 0; i < out.length; i++)
				out[i] = tile[2 * i] - 2 * tile[2 * i + 1];
			return out;
		};
		int w = 300, h = 200;
		float[] a = data(randomImage(w, h, 3)), b = data(randomImage(w, h, 4)), planes = new float[2 * w * h];
		System.arraycopy(a, 0, planes, 0, a.length);
		System.arraycopy(b, 0, planes, a.length, b.length);
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(w, h);
		new TiledProcessor(true).process(ArrayImgs.floats(planes, w, h, 2), output, difference, 64, 8, Progress.NONE);
		float[] result = data(output);
		for (int i = 0; i < result.length; i++)
			assertEquals(a[i] - 2 * b[i], result[i], 1e-6, "pixel " + i);
	}

	@Test
	void refusesAFunctionWithTheWrongNumberOfChannels() {
		TileFunction oneChannel = (tile, width, height) -> tile;
		assertThrows(IllegalStateException.class,
			() -> new TiledProcessor().process(randomImage(100, 100, 13), ArrayImgs.floats(100, 100, 2), oneChannel, 64, 8, Progress.NONE));
	}

	@Test
	void overlapMakesANeighbourhoodFunctionSeamless() {
		ArrayImg<FloatType, FloatArray> input = randomImage(300, 200, 3);
		ArrayImg<FloatType, FloatArray> tiled = ArrayImgs.floats(300, 200);
		new TiledProcessor().process(input, tiled, BOX_BLUR, 64, 4, Progress.NONE);
		// away from the border the untiled blur is the reference whatever the padding
		float[] whole = boxBlur(data(input), 300, 200);
		for (int y = 1; y < 199; y++)
			for (int x = 1; x < 299; x++)
				assertEquals(whole[y * 300 + x], data(tiled)[y * 300 + x], 1e-6, "at " + x + "," + y);
		// at the border the tiles see the image mirrored, so compare with a mirrored untiled blur
		float[] mirrored = mirroredBlur(input, 300, 200);
		for (int i = 0; i < mirrored.length; i++)
			assertEquals(mirrored[i], data(tiled)[i], 1e-6, "pixel " + i);
	}

	@Test
	void noOverlapShowsSeams() {
		ArrayImg<FloatType, FloatArray> input = randomImage(300, 200, 3);
		ArrayImg<FloatType, FloatArray> tiled = ArrayImgs.floats(300, 200);
		new TiledProcessor().process(input, tiled, BOX_BLUR, 64, 0, Progress.NONE);
		float[] whole = boxBlur(data(input), 300, 200);
		// column 63 is the last of the first tile: without context it cannot match
		assertTrue(Math.abs(whole[100 * 300 + 63] - data(tiled)[100 * 300 + 63]) > 1e-4);
	}

	@Test
	void worksOnImagesThatDoNotStartAtZero() {
		ArrayImg<FloatType, FloatArray> data = randomImage(130, 90, 4);
		RandomAccessibleInterval<FloatType> input = Views.translate(data, 50, -20);
		ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(130, 90);
		new TiledProcessor().process(input, Views.translate(out, -7, 3), IDENTITY, 64, 8, Progress.NONE);
		assertEquals(java.util.Arrays.toString(data(data)), java.util.Arrays.toString(data(out)));
	}

	// -- Out of memory --

	@Test
	void halvesTheTileSizeUntilTheFunctionFits() {
		TileFunction oomAbove128 = (tile, width, height) -> {
			if (width > 128) throw new OutOfMemoryError("fake: " + width + " px");
			return BOX_BLUR.apply(tile, width, height);
		};
		RecordingProgress progress = new RecordingProgress(Integer.MAX_VALUE);
		TiledProcessor tiler = new TiledProcessor();
		ArrayImg<FloatType, FloatArray> input = randomImage(1000, 700, 5);
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(1000, 700);
		tiler.process(input, output, oomAbove128, 512, 16, progress);
		assertEquals(List.of(512, 256, 128), tiler.triedTileSizes());
		assertEquals(List.of("Out of memory with tiles of 512 px; retrying with 256 px", "Out of memory with tiles of 256 px; retrying with 128 px"),
			progress.logs);
		assertArrayEquals(mirroredBlur(input, 1000, 700), data(output));
	}

	@Test
	void tensorFlowResourceExhaustionAlsoShrinksTiles() {
		TileFunction gpuFull = (tile, width, height) -> {
			if (width > 64) throw new IllegalStateException("wrapped", new TFResourceExhaustedException("OOM when allocating tensor"));
			return tile;
		};
		TiledProcessor tiler = new TiledProcessor();
		ArrayImg<FloatType, FloatArray> input = randomImage(200, 150, 6);
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(200, 150);
		tiler.process(input, output, gpuFull, 256, 8, Progress.NONE);
		assertEquals(List.of(256, 128, 64), tiler.triedTileSizes());
		assertArrayEquals(data(input), data(output));
	}

	@Test
	void keepsFinishedTilesAndRedoesOnlyTheRest() {
		AtomicInteger calls = new AtomicInteger();
		List<Integer> widths = new ArrayList<>();
		TileFunction failsOnThirdCall = (tile, width, height) -> {
			widths.add(width);
			if (calls.incrementAndGet() == 3) throw new OutOfMemoryError("fake");
			return BOX_BLUR.apply(tile, width, height);
		};
		TiledProcessor tiler = new TiledProcessor();
		ArrayImg<FloatType, FloatArray> input = randomImage(500, 300, 7);
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(500, 300);
		tiler.process(input, output, failsOnThirdCall, 256, 16, Progress.NONE);
		assertEquals(List.of(256, 128), tiler.triedTileSizes());
		// 3×2 tiles of 256: two finished, the third failed; the other four cores are redone with 128 px tiles
		assertEquals(List.of(256, 256, 256), widths.subList(0, 3));
		assertTrue(widths.subList(3, widths.size()).stream().allMatch(w -> w == 128), widths.toString());
		assertArrayEquals(mirroredBlur(input, 500, 300), data(output));
	}

	@Test
	void givesUpWithAClearMessageWhenEvenSmallTilesRunOutOfMemory() {
		TileFunction alwaysOom = (tile, width, height) -> {
			throw new OutOfMemoryError("fake");
		};
		TiledProcessor tiler = new TiledProcessor();
		IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> tiler.process(randomImage(300, 300, 8), ArrayImgs.floats(300, 300), alwaysOom, 512, 16, Progress.NONE));
		assertEquals(List.of(512, 256, 128, 64), tiler.triedTileSizes());
		assertTrue(e.getMessage().startsWith("Out of memory even with tiles of 64 px (tried 512, 256, 128, 64 px); tiles below 48 px"), e.getMessage());
		assertTrue(e.getCause() instanceof OutOfMemoryError);
	}

	@Test
	void otherErrorsPassThroughWithoutRetry() {
		IllegalArgumentException bug = new IllegalArgumentException("not memory");
		TiledProcessor tiler = new TiledProcessor();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiler.process(randomImage(100, 100, 9),
			ArrayImgs.floats(100, 100), (tile, w, h) -> { throw bug; }, 64, 8, Progress.NONE));
		assertSame(bug, e);
		assertEquals(List.of(64), tiler.triedTileSizes());
	}

	// -- Progress and cancel --

	@Test
	void cancelStopsBeforeTheNextTile() {
		AtomicInteger calls = new AtomicInteger();
		RecordingProgress progress = new RecordingProgress(3);
		TileFunction counting = (tile, width, height) -> {
			calls.incrementAndGet();
			return tile;
		};
		assertThrows(CancellationException.class,
			() -> new TiledProcessor().process(randomImage(1000, 700, 10), ArrayImgs.floats(1000, 700), counting, 256, 16, progress));
		assertEquals(3, calls.get());
	}

	@Test
	void reportsTheFractionAfterEveryTile() {
		RecordingProgress progress = new RecordingProgress(Integer.MAX_VALUE);
		new TiledProcessor().process(randomImage(1000, 700, 11), ArrayImgs.floats(1000, 700), IDENTITY, 256, 16, progress);
		assertEquals(20, progress.fractions.size());
		for (int i = 1; i < progress.fractions.size(); i++)
			assertTrue(progress.fractions.get(i) > progress.fractions.get(i - 1));
		assertEquals(1.0, progress.fractions.get(19), 1e-12);
		assertEquals("Tile 1 of 20 (256 px)", progress.statuses.get(0));
	}

	// -- Bad input --

	@Test
	void rejectsImagesThatAreNot2DOr3DOrDifferInSize() {
		TiledProcessor tiler = new TiledProcessor();
		BadInputException fourD = assertThrows(BadInputException.class,
			() -> tiler.process(ArrayImgs.floats(10, 10, 3, 2), ArrayImgs.floats(10, 10, 3), IDENTITY, 64, 8, Progress.NONE));
		assertEquals("Tiled processing needs a 2-D image (x, y) or 3-D (x, y, channel), got 4-D.", fourD.getMessage());
		BadInputException size = assertThrows(BadInputException.class,
			() -> tiler.process(ArrayImgs.floats(10, 10), ArrayImgs.floats(10, 11), IDENTITY, 64, 8, Progress.NONE));
		assertEquals("The output image is 10×11 px but the input is 10×10 px; they must be the same size.", size.getMessage());
		assertThrows(BadInputException.class, () -> tiler.process(ArrayImgs.floats(10, 10), ArrayImgs.floats(10, 10), IDENTITY, 40, 16, Progress.NONE));
	}

	@Test
	void rejectsATileFunctionThatReturnsTheWrongSize() {
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TiledProcessor().process(ArrayImgs.floats(10, 10),
			ArrayImgs.floats(10, 10), (tile, w, h) -> new float[3], 64, 8, Progress.NONE));
		assertEquals("The tile function returned 3 values for a 64×64 tile; expected 4096 values.", e.getMessage());
	}

	// -- Helpers --

	private static ArrayImg<FloatType, FloatArray> randomImage(int width, int height, long seed) {
		Random random = new Random(seed);
		float[] values = new float[width * height];
		for (int i = 0; i < values.length; i++)
			values[i] = random.nextFloat();
		return ArrayImgs.floats(values, width, height);
	}

	private static float[] data(ArrayImg<FloatType, FloatArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	private static void assertArrayEquals(float[] expected, float[] actual) {
		assertEquals(expected.length, actual.length);
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-6, "pixel " + i);
	}

	static float[] boxBlur(float[] values, int width, int height) {
		float[] out = new float[values.length];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				float sum = 0;
				int n = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						int xx = x + dx, yy = y + dy;
						if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
						sum += values[yy * width + xx];
						n++;
					}
				out[y * width + x] = sum / n;
			}
		return out;
	}

	/** The 3×3 mean of the whole image extended by mirroring (numpy "reflect"), as the tiles see it. */
	private static float[] mirroredBlur(RandomAccessibleInterval<FloatType> image, int width, int height) {
		RandomAccessible<FloatType> mirrored = Views.extendMirrorSingle(image);
		RandomAccess<FloatType> access = mirrored.randomAccess();
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				float sum = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						sum += access.setPositionAndGet(x + dx, y + dy).get();
				out[y * width + x] = sum / 9;
			}
		return out;
	}

	/** Records everything and reports cancel once {@code cancelAfter} tiles have reported their fraction. */
	private static final class RecordingProgress implements Progress {
		final List<String> statuses = new ArrayList<>();
		final List<String> logs = new ArrayList<>();
		final List<Double> fractions = new ArrayList<>();
		final int cancelAfter;

		RecordingProgress(int cancelAfter) {
			this.cancelAfter = cancelAfter;
		}

		@Override
		public void status(String message) {
			statuses.add(message);
		}

		@Override
		public void log(String message) {
			logs.add(message);
		}

		@Override
		public void fraction(double done) {
			fractions.add(done);
		}

		@Override
		public boolean isCanceled() {
			return fractions.size() >= cancelAfter;
		}
	}
}
