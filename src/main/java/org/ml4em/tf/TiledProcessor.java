package org.ml4em.tf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.TileGrid.Region;
import org.ml4em.tf.TileGrid.Tile;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Runs a {@link TileFunction} over a 2-D image tile by tile, with overlap, and retries with
 * smaller tiles when a tile runs out of memory.
 * <p>
 * The image is cut by a {@link TileGrid}. Every tile handed to the function is exactly
 * {@code tileSize × tileSize} pixels, because networks are usually built for a fixed size (or a
 * multiple of one): where a window reaches past the image border, its pixels are filled by
 * mirroring the image without repeating the edge pixel ({@code … 2 1 | 0 1 2 …}, numpy's
 * "reflect"; an image one pixel wide or high repeats that pixel instead). Only the core of each
 * result is written to the output, so tile seams fall inside the overlap and a function whose
 * reach is at most {@code overlap} pixels gives the same result as on the whole image.
 * <p>
 * Out of memory: when the function throws {@link OutOfMemoryError} or
 * {@code TFResourceExhaustedException} (directly or as a cause), the tile size is halved (the
 * overlap is kept), a warning is logged, and the tiles not yet finished are redone with the
 * smaller size; finished tiles are kept. Processing gives up with an {@link IllegalStateException}
 * whose message is meant for the user once the tile would fall below
 * {@link TileGrid#minimumTileSize(int)}. Integer halving of an odd size rounds down (500, 250, 125…),
 * so choose a tile size that is a power of two times what the network needs.
 * <p>
 * Progress: one status line and fraction (share of output pixels done) per tile, and
 * {@link Progress#checkCanceled()} before every tile; on cancel a {@link CancellationException}
 * leaves the output partly written, and no part of it should be used.
 * <p>
 * Not thread-safe: one {@code process} call at a time per instance, because
 * {@link #triedTileSizes()} describes the last call. The function runs on the calling thread.
 *
 * <pre>
 * TiledProcessor tiler = new TiledProcessor();
 * try (SavedModelRunner model = SavedModelRunner.load(dir, device)) {
 *     tiler.process(image, output, model.asTileFunction(), 512, 32, progress);
 * }
 * </pre>
 */
public final class TiledProcessor {

	private static final int MAX_CAUSE_DEPTH = 16;

	/** TensorFlow's report of a full GPU or a failed native allocation, named because TensorFlow lives in its own class loader. */
	private static final String RESOURCE_EXHAUSTED = "org.tensorflow.exceptions.TFResourceExhaustedException";

	private final List<Integer> triedTileSizes = new ArrayList<>();
	private final boolean insideImage;

	/** Windows past the image border are filled by mirroring. */
	public TiledProcessor() {
		this(false);
	}

	/**
	 * @param insideImage true to keep windows inside the image ({@link TileGrid#insideImage()}), for
	 *            networks that know image edges from training; along an axis shorter than a tile
	 *            the rest of the window is then filled with zeros (the mean of a normalised image)
	 */
	public TiledProcessor(boolean insideImage) {
		this.insideImage = insideImage;
	}

	/**
	 * Fills {@code output} with the function applied to {@code input}, tile by tile.
	 *
	 * @param input 2-D image, x along dimension 0, or 3-D {@code (x, y, channel)} for a function that
	 *            takes several input channels (handed to it channels fastest); any interval minimum
	 * @param output 2-D image of the same size as {@code input} (its minimum may differ), or 3-D
	 *            {@code (x, y, channel)} for a function with several output channels; must not be a
	 *            view of {@code input}; every pixel is overwritten
	 * @param f the per-tile computation; receives {@code tileSize × tileSize} tiles (smaller sizes
	 *            after an out-of-memory retry) and returns as many values per pixel as
	 *            {@code output} has channels, channels fastest (a network's {@code (y, x, channel)})
	 * @param tileSize edge of the tiles to try first, in pixels
	 * @param overlap context in pixels on each side of a tile's core, at least the reach of {@code f}
	 * @param progress status, fraction, warnings and cancel; {@link Progress#NONE} for none
	 * @throws BadInputException if the images are not 2-D or differ in size, or the tile size is too
	 *             small for the overlap
	 * @throws IllegalStateException if even the smallest tile runs out of memory, or {@code f}
	 *             returns the wrong number of values
	 * @throws CancellationException if the user cancels
	 */
	public void process(RandomAccessibleInterval<FloatType> input, RandomAccessibleInterval<FloatType> output, TileFunction f, int tileSize, int overlap,
		Progress progress) {
		Objects.requireNonNull(f, "f");
		Objects.requireNonNull(progress, "progress");
		checkImages(input, output);
		TileGrid grid = new TileGrid(input.dimension(0), input.dimension(1), tileSize, overlap, insideImage);
		triedTileSizes.clear();
		triedTileSizes.add(tileSize);
		int inputChannels = input.numDimensions() == 2 ? 1 : (int) input.dimension(2);
		RandomAccessible<FloatType> source = insideImage ? Views.extendZero(Views.zeroMin(input)) : mirrored(Views.zeroMin(input));
		RandomAccessibleInterval<FloatType> target = Views.zeroMin(output);
		Deque<Tile> queue = new ArrayDeque<>(grid.tiles());
		long done = 0;
		int finished = 0;
		while (!queue.isEmpty()) {
			progress.checkCanceled();
			Tile tile = queue.peekFirst();
			progress.status("Tile " + (finished + 1) + " of " + (finished + queue.size()) + " (" + grid.tileSize() + " px)");
			try {
				runTile(source, inputChannels, target, f, tile);
			}
			catch (RuntimeException | OutOfMemoryError e) {
				if (!isOutOfMemory(e)) throw e;
				grid = smallerGrid(grid, e, progress);
				queue = retile(queue, grid);
				continue;
			}
			queue.removeFirst();
			finished++;
			done += tile.core().area();
			progress.fraction((double) done / grid.image().area());
		}
	}

	/**
	 * The tile sizes, in pixels, that the last {@link #process} call used, in order: the requested
	 * size first, then one entry per out-of-memory retry (e.g. {@code [512, 256, 128]}). Empty
	 * before the first call.
	 */
	public List<Integer> triedTileSizes() {
		return Collections.unmodifiableList(new ArrayList<>(triedTileSizes));
	}

	/**
	 * True when {@code e}, or any of its causes, says that memory ran out: a Java heap
	 * {@link OutOfMemoryError} or TensorFlow's {@code TFResourceExhaustedException} (how TensorFlow
	 * reports a full GPU or a failed native allocation).
	 */
	public static boolean isOutOfMemory(Throwable e) {
		// a bounded walk: a cause chain can in principle loop back on itself
		Throwable t = e;
		for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause())
			if (t instanceof OutOfMemoryError || t.getClass().getName().equals(RESOURCE_EXHAUSTED)) return true;
		return false;
	}

	// -- Helpers --

	private static void checkImages(RandomAccessibleInterval<FloatType> input, RandomAccessibleInterval<FloatType> output) {
		Objects.requireNonNull(input, "input");
		Objects.requireNonNull(output, "output");
		if (input.numDimensions() != 2 && input.numDimensions() != 3)
			throw new BadInputException("Tiled processing needs a 2-D image (x, y) or 3-D (x, y, channel), got " + input.numDimensions() + "-D.");
		if (output.numDimensions() != 2 && output.numDimensions() != 3)
			throw new BadInputException("The output must be 2-D (x, y) or 3-D (x, y, channel), got " + output.numDimensions() + "-D.");
		if (input.dimension(0) != output.dimension(0) || input.dimension(1) != output.dimension(1)) throw new BadInputException("The output image is " + sizeOf(output) +
			" px but the input is " + sizeOf(input) + " px; they must be the same size.");
	}

	private static String sizeOf(Interval interval) {
		return java.util.Arrays.stream(interval.dimensionsAsLongArray()).mapToObj(Long::toString).collect(Collectors.joining("×"));
	}

	/**
	 * Mirror without repeating the edge pixel, like numpy's "reflect"; ImgLib2's single-boundary
	 * mirror is undefined along an axis of one pixel, where repeating the pixel is the only choice.
	 */
	private static RandomAccessible<FloatType> mirrored(RandomAccessibleInterval<FloatType> image) {
		boolean thin = image.dimension(0) == 1 || image.dimension(1) == 1;
		return thin ? Views.extendMirrorDouble(image) : Views.extendMirrorSingle(image);
	}

	/** Reads the window, runs the function, and writes only the core, so a failure writes nothing. */
	private static void runTile(RandomAccessible<FloatType> source, int inputChannels, RandomAccessibleInterval<FloatType> target, TileFunction f, Tile tile) {
		int size = (int) tile.input().width();
		float[] values = read(source, tile.input(), inputChannels);
		int channels = target.numDimensions() == 2 ? 1 : (int) target.dimension(2);
		long expected = tile.input().area() * channels;
		float[] result = f.apply(values, size, size);
		if (result == null || result.length != expected) throw new IllegalStateException("The tile function returned " +
			(result == null ? "null" : result.length + " values") + " for a " + size + "×" + size + " tile; expected " + expected + " values.");
		for (int c = 0; c < channels; c++)
			write(result, size, channels, c, tile, channels == 1 ? target : Views.hyperSlice(target, 2, c));
	}

	/** The window's pixels, row-major, channels fastest for a 3-D source. */
	private static float[] read(RandomAccessible<FloatType> source, Region window, int channels) {
		float[] values = new float[Math.toIntExact(window.area() * channels)];
		for (int c = 0; c < channels; c++) {
			RandomAccessible<FloatType> plane = channels == 1 && source.numDimensions() == 2 ? source : Views.hyperSlice(source, 2, c);
			Cursor<FloatType> cursor = Views.flatIterable(Views.interval(plane, interval(window))).cursor();
			for (int i = c; i < values.length; i += channels)
				values[i] = cursor.next().getRealFloat();
		}
		return values;
	}

	private static void write(float[] result, int tileWidth, int channels, int channel, Tile tile, RandomAccessibleInterval<FloatType> target) {
		Region core = tile.core();
		Cursor<FloatType> cursor = Views.flatIterable(Views.interval(target, interval(core))).cursor();
		for (int y = 0; y < core.height(); y++) {
			int rowStart = (tile.coreOffsetY() + y) * tileWidth + tile.coreOffsetX();
			for (int x = 0; x < core.width(); x++)
				cursor.next().set(result[(rowStart + x) * channels + channel]);
		}
	}

	private static Interval interval(Region r) {
		return FinalInterval.createMinSize(r.x(), r.y(), r.width(), r.height());
	}

	/** Halves the tile size after an out-of-memory failure, or gives up when it would get too small. */
	private TileGrid smallerGrid(TileGrid grid, Throwable cause, Progress progress) {
		int failed = grid.tileSize();
		int smaller = failed / 2;
		int minimum = TileGrid.minimumTileSize(grid.overlap());
		if (smaller < minimum) throw new IllegalStateException("Out of memory even with tiles of " + failed + " px (tried " + triedList() +
			"); tiles below " + minimum + " px are not used with an overlap of " + grid.overlap() +
			" px. Free memory (close other images or programs), use the CPU instead of the GPU, or process a smaller image.", cause);
		progress.log("Out of memory with tiles of " + failed + " px; retrying with " + smaller + " px");
		triedTileSizes.add(smaller);
		return grid.withTileSize(smaller);
	}

	private String triedList() {
		return triedTileSizes.stream().map(Object::toString).collect(Collectors.joining(", ")) + " px";
	}

	/** The unfinished tiles' cores, each covered again by tiles of the new grid, in the same order. */
	private static Deque<Tile> retile(Deque<Tile> unfinished, TileGrid grid) {
		Deque<Tile> queue = new ArrayDeque<>();
		for (Tile tile : unfinished)
			queue.addAll(grid.tiles(tile.core()));
		return queue;
	}
}
