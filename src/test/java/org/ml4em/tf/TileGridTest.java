package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.tf.TileGrid.Region;
import org.ml4em.tf.TileGrid.Tile;

class TileGridTest {

	/** width, height, tile size, overlap: multiples of the core, of the tile, neither, smaller than a tile, one pixel wide. */
	private static final int[][] CASES = { { 1000, 700, 256, 16 }, { 448, 672, 256, 16 }, { 512, 256, 256, 16 }, { 100, 70, 256, 16 },
		{ 1, 50, 32, 0 }, { 257, 33, 64, 8 }, { 60, 500, 48, 0 } };

	@Test
	void coresCoverTheImageExactlyOnce() {
		for (int[] c : CASES)
			assertCoveredOnce(c[0], c[1], c[2], c[3]);
	}

	private static void assertCoveredOnce(long width, long height, int tileSize, int overlap) {
		TileGrid grid = new TileGrid(width, height, tileSize, overlap);
		int[] hits = new int[(int) (width * height)];
		for (Tile tile : grid.tiles()) {
			Region core = tile.core();
			for (long y = core.y(); y < core.y() + core.height(); y++)
				for (long x = core.x(); x < core.x() + core.width(); x++)
					hits[(int) (y * width + x)]++;
		}
		for (int i = 0; i < hits.length; i++)
			assertEquals(1, hits[i], "pixel " + i + " of " + width + "×" + height);
	}

	@Test
	void everyWindowHasTheFullSizeAndContextAroundItsCore() {
		for (int[] c : CASES)
			assertWindowsSurroundCores(c[0], c[1], c[2], c[3]);
	}

	private static void assertWindowsSurroundCores(long width, long height, int tileSize, int overlap) {
		for (Tile tile : new TileGrid(width, height, tileSize, overlap).tiles()) {
			assertEquals(tileSize, tile.input().width());
			assertEquals(tileSize, tile.input().height());
			assertTrue(tile.coreOffsetX() >= overlap && tile.coreOffsetY() >= overlap, tile.toString());
			assertTrue(tile.coreOffsetX() + tile.core().width() + overlap <= tileSize, tile.toString());
			assertTrue(tile.coreOffsetY() + tile.core().height() + overlap <= tileSize, tile.toString());
		}
	}

	@Test
	void windowsStayWithinOneOverlapOfTheBorderWhenTheImageIsLargeEnough() {
		for (Tile tile : new TileGrid(1000, 700, 256, 16).tiles()) {
			Region w = tile.input();
			assertTrue(w.x() >= -16 && w.y() >= -16, w.toString());
			assertTrue(w.x() + w.width() <= 1016 && w.y() + w.height() <= 716, w.toString());
		}
	}

	@Test
	void insideImageWindowsNeverLeaveALargeEnoughImage() {
		for (long[] size : new long[][] { { 1000, 700 }, { 256, 256 }, { 300, 257 } }) {
			TileGrid grid = new TileGrid(size[0], size[1], 256, 32, true);
			Set<String> covered = new HashSet<>();
			for (TileGrid.Tile t : grid.tiles()) {
				assertTrue(grid.image().contains(t.input()), t + " inside " + size[0] + "×" + size[1]);
				assertTrue(t.input().contains(t.core()), t.toString());
				for (long y = t.core().y(); y < t.core().y() + t.core().height(); y++)
					for (long x = t.core().x(); x < t.core().x() + t.core().width(); x++)
						assertTrue(covered.add(x + "," + y), "pixel " + x + "," + y + " twice");
			}
			assertEquals(size[0] * size[1], covered.size());
		}
		// Along an axis shorter than a tile the window starts at 0 and reaches past the far border only.
		TileGrid.Tile only = new TileGrid(100, 300, 256, 32, true).tiles().get(0);
		assertEquals(0, only.input().x());
		assertEquals(0, only.input().y());
		assertTrue(new TileGrid(100, 300, 256, 32, true).withTileSize(128).insideImage());
	}

	@Test
	void anInsideImageAxisNoLongerThanATileIsOneWindow() {
		// 512² with 512-px tiles and 96 px of overlap was four windows, all the same pixels.
		List<Tile> one = new TileGrid(512, 512, 512, 96, true).tiles();
		assertEquals(1, one.size());
		assertEquals(new Region(0, 0, 512, 512), one.get(0).core());
		assertEquals(new Region(0, 0, 512, 512), one.get(0).input());
		// Only that axis: 1024 along x keeps cores of 512 − 2·96 px.
		List<Tile> wide = new TileGrid(1024, 300, 512, 96, true).tiles();
		assertEquals(4, wide.size());
		for (Tile t : wide) {
			assertEquals(new Region(t.core().x(), 0, Math.min(320, 1024 - t.core().x()), 300), t.core());
			assertEquals(0, t.input().y());
		}
	}

	@Test
	void listsTilesRowByRow() {
		List<Tile> tiles = new TileGrid(1000, 700, 256, 16).tiles();
		assertEquals(5 * 4, tiles.size());
		assertEquals(new Region(0, 0, 224, 224), tiles.get(0).core());
		assertEquals(new Region(-16, -16, 256, 256), tiles.get(0).input());
		assertEquals(new Region(224, 0, 224, 224), tiles.get(1).core());
		assertEquals(new Region(896, 672, 104, 28), tiles.get(19).core());
		assertEquals(new Region(760, 460, 256, 256), tiles.get(19).input());
	}

	@Test
	void coversASubAreaOnly() {
		TileGrid grid = new TileGrid(1000, 700, 64, 8);
		Region area = new Region(224, 448, 224, 224);
		long covered = 0;
		for (Tile tile : grid.tiles(area)) {
			assertTrue(area.contains(tile.core()), tile.toString());
			covered += tile.core().area();
		}
		assertEquals(area.area(), covered);
		assertThrows(IllegalArgumentException.class, () -> grid.tiles(new Region(990, 0, 20, 20)));
	}

	@Test
	void clipsToTheImage() {
		TileGrid grid = new TileGrid(100, 70, 64, 8);
		assertEquals(new Region(0, 0, 56, 56), grid.clip(new Region(-8, -8, 64, 64)));
		assertEquals(new Region(90, 60, 10, 10), grid.clip(new Region(90, 60, 64, 64)));
		assertEquals(0, grid.clip(new Region(200, 0, 10, 10)).area());
	}

	@Test
	void rejectsTilesTooSmallForTheOverlap() {
		BadInputException e = assertThrows(BadInputException.class, () -> new TileGrid(100, 100, 40, 16));
		assertEquals("Tiles of 40 px are too small for an overlap of 16 px; use tiles of at least 48 px.", e.getMessage());
		assertEquals(32, TileGrid.minimumTileSize(0));
		assertThrows(BadInputException.class, () -> new TileGrid(0, 100, 64, 0));
		assertThrows(BadInputException.class, () -> new TileGrid(10, 100, 64, -1));
	}
}
