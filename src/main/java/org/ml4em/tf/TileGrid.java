package org.ml4em.tf;

import java.util.ArrayList;
import java.util.List;

import org.ml4em.BadInputException;

/**
 * Splits a 2-D image into square tiles with overlap, for running a network on images larger than
 * memory allows.
 * <p>
 * Each {@link Tile} has a <em>core</em>, the part of the output it is responsible for, and an
 * <em>input window</em> of exactly {@code tileSize × tileSize} pixels that surrounds the core
 * with at least {@code overlap} pixels of context on every side. The cores of one grid cover the
 * image (or the requested area) exactly once, row by row; neighbouring windows therefore share
 * {@code 2 × overlap} pixels.
 * <p>
 * Windows may reach outside the image: the image is thought of as mirror-extended, and callers
 * fill those pixels by mirroring (see {@link TiledProcessor}). Windows are placed so that they
 * reach at most {@code overlap} pixels beyond the far border when the image is large enough,
 * which keeps mirrored pixels to the same amount on every side; only an image smaller than one
 * core needs more padding than that.
 * <p>
 * Windows inside the image ({@link #insideImage()}): for networks trained on patches cut at their
 * edges, whose borders they have learned, mirrored context makes false structures at the image's
 * edge. Such a grid shifts every window to lie inside the image (a core at the border then has no
 * context on that side, as in training); only along an axis shorter than a tile does the window
 * reach past the far border, and there one core spans the axis (every window there would be the
 * same): an image no larger than one tile is a single window.
 * <p>
 * Coordinates are pixels, x along image dimension 0 and y along dimension 1, with the image's
 * first pixel at (0, 0). Instances are immutable and thread-safe.
 *
 * <pre>
 * TileGrid grid = new TileGrid(1000, 700, 256, 16);
 * for (TileGrid.Tile tile : grid.tiles()) {
 *     // read tile.input() (256 × 256, mirrored outside the image), run the network on it,
 *     // then copy the pixels at tile.coreOffsetX(), tile.coreOffsetY() of its result,
 *     // tile.core().width() × tile.core().height() of them, to tile.core() in the output
 * }
 * </pre>
 */
public final class TileGrid {

	/** Smallest core (tile minus both overlaps) worth computing, in pixels. */
	public static final int MIN_CORE_SIZE = 16;

	/** Smallest tile edge ever used, in pixels, whatever the overlap. */
	public static final int MIN_TILE_SIZE = 32;

	/**
	 * An axis-aligned rectangle of pixels, {@code [x, x + width) × [y, y + height)}.
	 *
	 * @param x first column (may be negative for a window reaching past the left border)
	 * @param y first row (may be negative)
	 * @param width columns, at least 0
	 * @param height rows, at least 0
	 */
	public record Region(long x, long y, long width, long height) {

		/** @throws IllegalArgumentException if width or height is negative */
		public Region {
			if (width < 0 || height < 0) throw new IllegalArgumentException("A region cannot have a negative size: " + width + "×" + height);
		}

		/** Number of pixels, {@code width × height}. */
		public long area() {
			return width * height;
		}

		/** True when every pixel of {@code other} lies inside this region. */
		public boolean contains(Region other) {
			return other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height;
		}
	}

	/**
	 * One tile: the window fed to the network and the core of its result that goes to the output.
	 *
	 * @param input the window, {@code tileSize × tileSize}; may reach outside the image
	 * @param core the output pixels this tile writes; always inside the image and inside {@code input}
	 */
	public record Tile(Region input, Region core) {

		/** Column of the core's first pixel inside the window, at least {@code overlap}. */
		public int coreOffsetX() {
			return (int) (core.x() - input.x());
		}

		/** Row of the core's first pixel inside the window, at least {@code overlap}. */
		public int coreOffsetY() {
			return (int) (core.y() - input.y());
		}
	}

	private final long width;
	private final long height;
	private final int tileSize;
	private final int overlap;
	private final boolean insideImage;

	/** A grid whose windows may reach past the image by mirroring; see {@link #TileGrid(long, long, int, int, boolean)}. */
	public TileGrid(long width, long height, int tileSize, int overlap) {
		this(width, height, tileSize, overlap, false);
	}

	/**
	 * @param width image width in pixels (dimension 0), at least 1
	 * @param height image height in pixels (dimension 1), at least 1
	 * @param tileSize edge of every input window in pixels, at least {@link #minimumTileSize(int)}
	 * @param overlap context in pixels kept on each side of a core, at least 0
	 * @param insideImage whether windows are kept inside the image where it is large enough
	 * @throws BadInputException naming the offending value
	 */
	public TileGrid(long width, long height, int tileSize, int overlap, boolean insideImage) {
		if (width < 1 || height < 1)
			throw new BadInputException("The image to tile is " + width + "×" + height + " px; it must be at least 1×1 px.");
		if (overlap < 0) throw new BadInputException("The tile overlap is " + overlap + " px; it must be 0 or more.");
		if (tileSize < minimumTileSize(overlap)) throw new BadInputException("Tiles of " + tileSize + " px are too small for an overlap of " +
			overlap + " px; use tiles of at least " + minimumTileSize(overlap) + " px.");
		this.width = width;
		this.height = height;
		this.tileSize = tileSize;
		this.overlap = overlap;
		this.insideImage = insideImage;
	}

	/** Whether windows stay inside the image (past the far border only along an axis shorter than a tile). */
	public boolean insideImage() {
		return insideImage;
	}

	/** {@return a grid like this one with another tile size} */
	public TileGrid withTileSize(int size) {
		return new TileGrid(width, height, size, overlap, insideImage);
	}

	/**
	 * The smallest tile edge allowed with this overlap: {@code max(MIN_TILE_SIZE, 2 × overlap + MIN_CORE_SIZE)}, so that
	 * every tile still contributes a useful core.
	 */
	public static int minimumTileSize(int overlap) {
		return Math.max(MIN_TILE_SIZE, 2 * overlap + MIN_CORE_SIZE);
	}

	/** Image width in pixels. */
	public long width() {
		return width;
	}

	/** Image height in pixels. */
	public long height() {
		return height;
	}

	/** Edge of every input window in pixels. */
	public int tileSize() {
		return tileSize;
	}

	/** Context kept on each side of a core, in pixels. */
	public int overlap() {
		return overlap;
	}

	/** Core edge: {@code tileSize − 2 × overlap} (the whole axis where an inside-image grid has one window along it). */
	public int coreSize() {
		return tileSize - 2 * overlap;
	}

	/** The whole image as a region. */
	public Region image() {
		return new Region(0, 0, width, height);
	}

	/** Tiles whose cores cover the whole image exactly once, row by row. */
	public List<Tile> tiles() {
		return tiles(image());
	}

	/**
	 * Tiles whose cores cover {@code area} exactly once, row by row. Used to redo part of an image
	 * with smaller tiles; the windows still draw their context from the whole (mirrored) image.
	 *
	 * @param area a region inside the image
	 * @throws IllegalArgumentException if {@code area} is not inside the image
	 */
	public List<Tile> tiles(Region area) {
		if (!image().contains(area)) throw new IllegalArgumentException("Area " + area + " is not inside the " + width + "×" + height + " image.");
		List<Tile> tiles = new ArrayList<>();
		List<long[]> rows = spans(area.y(), area.y() + area.height(), height), columns = spans(area.x(), area.x() + area.width(), width);
		for (long[] row : rows)
			for (long[] column : columns)
				tiles.add(new Tile(new Region(column[2], row[2], tileSize, tileSize), new Region(column[0], row[0], column[1] - column[0], row[1] - row[0])));
		return tiles;
	}

	/**
	 * The cores along one axis that cover {@code [from, to)}, each as {core start, core end,
	 * window start}: cores of {@link #coreSize()}, except along an axis no longer than a tile of an
	 * inside-image grid, where every window would be the same (the whole axis) and one core covers
	 * it all, with the same result for a fraction of the work.
	 */
	private List<long[]> spans(long from, long to, long imageLength) {
		List<long[]> spans = new ArrayList<>();
		if (insideImage && imageLength <= tileSize) {
			spans.add(new long[] { from, to, 0 });
			return spans;
		}
		for (long start = from; start < to; start += coreSize())
			spans.add(new long[] { start, Math.min(to, start + coreSize()), windowStart(start, imageLength) });
		return spans;
	}

	/** The part of {@code region} that lies inside the image (empty when they do not meet). */
	public Region clip(Region region) {
		long x0 = Math.max(0, region.x());
		long y0 = Math.max(0, region.y());
		long x1 = Math.min(width, region.x() + region.width());
		long y1 = Math.min(height, region.y() + region.height());
		return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
	}

	/**
	 * First pixel of a window along one axis. Starting {@code overlap} before the core gives the
	 * core its context on the near side; a core shorter than {@link #coreSize()} (the last one)
	 * then has even more on the far side. Moving the window back so it ends {@code overlap} past
	 * the image spends that surplus on real pixels instead of mirrored ones; it never moves
	 * before {@code -overlap}, which only matters for images smaller than one core.
	 */
	private long windowStart(long coreStart, long imageLength) {
		if (insideImage) return imageLength < tileSize ? 0 : Math.max(0, Math.min(coreStart - overlap, imageLength - tileSize));
		long latest = Math.max(-overlap, imageLength + overlap - tileSize);
		return Math.min(coreStart - overlap, latest);
	}
}
