package org.ml4em.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Numbers;
import org.ml4em.Progress;
import org.ml4em.tf.TileGrid;
import org.ml4em.tf.TiledProcessor;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;

/**
 * Finds and classifies atomic columns with a trained network ({@link ColumnModel}): the image is
 * normalised ({@link ColumnImages}), resampled to the nearest pixel size the network was trained
 * for when its own is outside that range, run tile by tile ({@link TiledProcessor}: overlapping
 * tiles, smaller tiles when memory runs out), and the heat map's maxima become columns
 * ({@link HeatmapPeaks}), placed back in the input's pixels.
 *
 * <pre>
 * ColumnFinderResult r = new ColumnFinder(model, 0.5, 512).find(pixels, width, height, 0.1, progress);
 * </pre>
 *
 * Not thread-safe when the model's network is not.
 */
public final class ColumnFinder {

	/** Smallest image side the finder takes, pixels: a few lattice periods at the finest pixel size. */
	public static final int MIN_SIZE = 32;

	/** Tiles of this side by default: large enough that the overlap costs little, small enough for any memory. */
	public static final int DEFAULT_TILE_SIZE = 512;

	private final ColumnModel model;
	private final double threshold;
	private final int tileSize;

	/**
	 * @param model the trained network
	 * @param threshold least heat-map value of a column, 0 … 1
	 * @param tileSize tile side to try first, pixels; rounded up to the model's size multiple
	 */
	public ColumnFinder(ColumnModel model, double threshold, int tileSize) {
		this.model = Objects.requireNonNull(model, "model");
		if (!(threshold > 0 && threshold < 1)) throw new BadInputException("threshold=" + threshold + "; expected a value between 0 and 1 (0.5 usually).");
		this.threshold = threshold;
		this.tileSize = roundUp(tileSize);
	}

	/**
	 * Finds the columns of an image.
	 *
	 * @param pixels the image, row by row; not modified
	 * @param width pixels
	 * @param height pixels
	 * @param pixelSize Å per pixel
	 * @param progress status, fraction, warnings and cancel (between tiles)
	 * @throws BadInputException when the image is smaller than {@value #MIN_SIZE} pixels, empty,
	 *             holds NaN, or the pixel size is not a positive number
	 */
	public ColumnFinderResult find(float[] pixels, int width, int height, double pixelSize, Progress progress) {
		check(pixels, width, height, pixelSize);
		List<String> warnings = new ArrayList<>();
		double modelPixelSize = Math.max(model.minPixelSize(), Math.min(model.maxPixelSize(), pixelSize));
		double scale = pixelSize / modelPixelSize;
		int w = width, h = height;
		float[] image = ColumnImages.normalised(pixels);
		if (scale != 1) {
			w = Math.max(MIN_SIZE, (int) Math.round(width * scale));
			h = Math.max(MIN_SIZE, (int) Math.round(height * scale));
			image = Resampling.resample(image, width, height, 1, w, h);
			warnings.add(String.format(Locale.ROOT, "The pixel size %s Å is outside the range the network was trained for (%s … %s Å); the image was "
				+ "resampled to %s Å per pixel (%d x %d pixels) for the network.", Numbers.compact(pixelSize), Numbers.compact(model.minPixelSize()),
				Numbers.compact(model.maxPixelSize()), Numbers.compact(modelPixelSize), w, h));
			progress.log(warnings.get(warnings.size() - 1));
		}
		if ((long) w * h * model.channels() > Integer.MAX_VALUE - 8) throw new BadInputException("The image of " + width + " x " + height
			+ " pixels is too large for one pass of the column finder (its probability maps would exceed 2 GB); split it into parts of at most 16 000 x 16 000 pixels.");
		float[] probabilities = run(image, w, h, progress);
		List<DetectedColumn> found = HeatmapPeaks.forPixelSize(threshold, modelPixelSize, model.labels()).find(probabilities, w, h);
		if (scale == 1) return new ColumnFinderResult(found, channel0(probabilities, model.channels()), w, h, warnings);
		double sx = (double) w / width, sy = (double) h / height;
		List<DetectedColumn> back = found.stream()
			.map(c -> new DetectedColumn(Resampling.toOld(c.x(), sx), Resampling.toOld(c.y(), sy), c.label(), c.score())).toList();
		float[] map = Resampling.resample(channel0(probabilities, model.channels()), w, h, 1, width, height);
		return new ColumnFinderResult(back, map, width, height, warnings);
	}

	private float[] run(float[] image, int w, int h, Progress progress) {
		int channels = model.channels();
		var input = ArrayImgs.floats(image, w, h);
		float[] out = new float[w * h * channels];
		// (channel, x, y) with the channel fastest, as the network returns it
		var output = Views.permute(Views.permute(ArrayImgs.floats(out, channels, w, h), 0, 1), 1, 2);
		// No larger than the shorter side, so that windows fit inside the image along both axes; padding
		// (zeros, which the network never saw in training) only for a side shorter than the smallest tile.
		int m = model.sizeMultiple();
		int tile = Math.min(tileSize, Math.max(roundUp(1), Math.min(w, h) / m * m));
		// Windows inside the image: the network learned patch edges, and mirrored context would show it columns that are not there.
		new TiledProcessor(true).process(input, output, model.network(), tile, model.overlap(), progress);
		return out;
	}

	/** {@return a tile side of at least {@code size}: a multiple of the model's, and large enough for its overlap} */
	private int roundUp(int size) {
		int m = model.sizeMultiple(), least = Math.max(size, TileGrid.minimumTileSize(model.overlap()));
		return (least + m - 1) / m * m;
	}

	private static float[] channel0(float[] values, int channels) {
		float[] map = new float[values.length / channels];
		for (int i = 0; i < map.length; i++)
			map[i] = values[i * channels];
		return map;
	}

	private static void check(float[] pixels, int width, int height, double pixelSize) {
		Objects.requireNonNull(pixels, "pixels");
		if (width < 1 || height < 1 || pixels.length != (long) width * height)
			throw new BadInputException("The image has " + pixels.length + " values for " + width + " x " + height + " pixels.");
		if (width < MIN_SIZE || height < MIN_SIZE) throw new BadInputException("The image of " + width + " x " + height
			+ " pixels is too small for the column finder; it needs at least " + MIN_SIZE + " x " + MIN_SIZE + " pixels (a few lattice periods).");
		if (!(pixelSize > 0) || !Double.isFinite(pixelSize))
			throw new BadInputException("pixel_size=" + pixelSize + " Å; expected a positive pixel size in Å (e.g. 0.1).");
	}
}
