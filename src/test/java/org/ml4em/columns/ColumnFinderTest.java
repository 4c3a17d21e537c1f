package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.TileFunction;

/**
 * The finder's plumbing around a network, with a stand-in network that marks bright pixels:
 * tiling, resampling outside the trained pixel sizes (and the warning), positions mapped back,
 * bad input. The trained network's accuracy is {@code ShippedColumnModelTest}'s.
 */
class ColumnFinderTest {

	private static final List<String> LABELS = List.of("atom", "vacancy", "dopant");

	/**
	 * A stand-in network: the heat is the normalised intensity scaled linearly so that columns of
	 * {@link #grid} peak near 1 (the shape a trained network gives), every column an atom.
	 */
	private static ColumnModel model(List<int[]> tileSizes, float[] image) {
		float[] n = ColumnImages.normalised(image);
		float low = Float.MAX_VALUE, high = -Float.MAX_VALUE;
		for (float v : n) {
			low = Math.min(low, v);
			high = Math.max(high, v);
		}
		float min = low, range = high - low;
		TileFunction linear = (tile, w, h) -> {
			tileSizes.add(new int[] { w, h });
			float[] out = new float[tile.length * 4];
			for (int i = 0; i < tile.length; i++) {
				out[4 * i] = Math.max(0, (tile[i] - min) / range);
				out[4 * i + 1] = out[4 * i];
			}
			return out;
		};
		return new ColumnModel(linear, LABELS, 0.05, 0.2, 8, 16);
	}

	/** Gaussian columns of σ 0.3 Å on a square grid of 3 Å, offset by a fraction of a pixel. */
	private static float[] grid(int width, int height, double pixelSize, List<double[]> truth) {
		float[] p = new float[width * height];
		double sigma = 0.3 / pixelSize, period = 3 / pixelSize;
		for (double cy = period / 2 + 0.3; cy < height; cy += period)
			for (double cx = period / 2 + 0.7; cx < width; cx += period) {
				truth.add(new double[] { cx, cy });
				for (int y = 0; y < height; y++)
					for (int x = 0; x < width; x++)
						p[x + y * width] += (float) (100 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma)));
			}
		return p;
	}

	private static void assertFindsAll(List<double[]> truth, List<DetectedColumn> found, double tolerance) {
		assertEquals(truth.size(), found.size(), "one column per site");
		for (double[] t : truth) {
			DetectedColumn nearest = found.stream().min((a, b) -> Double.compare(Math.hypot(a.x() - t[0], a.y() - t[1]), Math.hypot(b.x() - t[0], b.y() - t[1])))
				.orElseThrow();
			assertTrue(Math.hypot(nearest.x() - t[0], nearest.y() - t[1]) < tolerance, "site " + t[0] + "," + t[1] + " found at " + nearest);
		}
	}

	@Test
	void findsEveryColumnAcrossTiles() {
		List<double[]> truth = new ArrayList<>();
		float[] image = grid(300, 200, 0.1, truth);
		List<int[]> tiles = new ArrayList<>();
		ColumnFinderResult r = new ColumnFinder(model(tiles, image), 0.5, 128).find(image, 300, 200, 0.1, Progress.NONE);
		assertTrue(tiles.size() > 4, "a 300 x 200 image in 128-pixel tiles: " + tiles.size() + " tiles");
		assertTrue(tiles.stream().allMatch(t -> t[0] % 8 == 0 && t[1] % 8 == 0), "tiles are multiples of the model's size multiple");
		assertFindsAll(truth, r.columns(), 0.2);
		assertTrue(r.warnings().isEmpty());
		assertEquals(300 * 200, r.heatMap().length);
		assertTrue(r.columns().stream().allMatch(c -> c.label().equals("atom")));
	}

	@Test
	void resamplesPixelSizesOutsideTheTrainedRangeAndSaysSo() {
		List<double[]> truth = new ArrayList<>();
		// 0.4 Å per pixel: twice the largest trained; the network sees the image at 0.2 Å.
		float[] image = grid(160, 120, 0.4, truth);
		List<int[]> tiles = new ArrayList<>();
		RecordingProgress progress = new RecordingProgress();
		ColumnFinderResult r = new ColumnFinder(model(tiles, image), 0.5, 512).find(image, 160, 120, 0.4, progress);
		assertEquals(1, r.warnings().size());
		assertTrue(r.warnings().get(0).contains("0.05 … 0.2 Å"), r.warnings().get(0));
		assertEquals(r.warnings(), progress.logged);
		assertEquals(240, tiles.get(0)[0], "the network saw the image upsampled twice (320 x 240), in tiles of its shorter side");
		assertEquals(160, r.width());
		assertEquals(160 * 120, r.heatMap().length, "the heat map is given at the input's size");
		assertFindsAll(truth, r.columns(), 0.25);
	}

	@Test
	void refusesImagesItCannotUse() {
		ColumnFinder finder = new ColumnFinder(model(new ArrayList<>(), new float[] { 0, 1 }), 0.5, 512);
		BadInputException tiny = assertThrows(BadInputException.class, () -> finder.find(new float[20 * 20], 20, 20, 0.1, Progress.NONE));
		assertTrue(tiny.getMessage().contains("at least 32 x 32"), tiny.getMessage());
		float[] nan = new float[64 * 64];
		nan[100] = Float.NaN;
		assertTrue(assertThrows(BadInputException.class, () -> finder.find(nan, 64, 64, 0.1, Progress.NONE)).getMessage().contains("NaN"));
		assertTrue(assertThrows(BadInputException.class, () -> finder.find(new float[64 * 64], 64, 64, 0, Progress.NONE)).getMessage().contains("pixel size"));
		assertThrows(BadInputException.class, () -> new ColumnFinder(model(new ArrayList<>(), new float[] { 0, 1 }), 1.2, 512));
	}
}
