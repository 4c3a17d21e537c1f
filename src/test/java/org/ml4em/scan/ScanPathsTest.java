package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

/** Scan paths: measured coverage near the nominal one, paths that reach the whole image, determinism, bad input. */
class ScanPathsTest {

	@Test
	void pathsByNameAreThePathsAndAnUnknownNameIsRefused() {
		assertArrayEquals(ScanPaths.spiral(64, 48, 0.1).sampled(), ScanPaths.named("spiral", 64, 48, 0.1, 1).sampled());
		assertArrayEquals(ScanPaths.lines(64, 48, 0.1).sampled(), ScanPaths.named("lines", 64, 48, 0.1, 1).sampled());
		assertArrayEquals(ScanPaths.random(64, 48, 0.1, 7).sampled(), ScanPaths.named("random", 64, 48, 0.1, 7).sampled());
		assertTrue(assertThrows(BadInputException.class, () -> ScanPaths.named("zigzag", 64, 48, 0.1, 1)).getMessage().contains("use spiral, lines or random"));
	}

	@Test
	void spiralCoverageIsNearTheNominalAndItReachesTheCorners() {
		for (double coverage : new double[] { 1 / 16.0, 1 / 100.0 }) {
			ScanMask m = ScanPaths.spiral(512, 512, coverage);
			System.out.printf("ScanPathsTest: spiral 1/%.0f on 512 x 512: measured 1/%.1f%n", 1 / coverage, 1 / m.measuredCoverage());
			assertEquals(coverage, m.measuredCoverage(), 0.2 * coverage, "measured " + m.measuredCoverage());
			// Every 128 x 128 block (wider than the arms' spacing) is crossed by the path, corners included.
			for (int by = 0; by < 512; by += 128)
				for (int bx = 0; bx < 512; bx += 128) {
					boolean hit = false;
					for (int y = by; y < by + 128 && !hit; y++)
						for (int x = bx; x < bx + 128 && !hit; x++)
							hit = m.sampled()[x + 512 * y];
					assertTrue(hit, "block at " + bx + "," + by);
				}
		}
	}

	@Test
	void spiralArmsAreOneOverCoverageApart() {
		ScanMask m = ScanPaths.spiral(201, 201, 0.1);
		// Along the row through the centre, going right, sampled pixels come about every 10 pixels.
		int last = -1, gaps = 0;
		double sum = 0;
		for (int x = 100; x < 201; x++)
			if (m.sampled()[x + 100 * 201]) {
				if (last >= 0 && x - last > 1) {
					sum += x - last;
					gaps++;
				}
				last = x;
			}
		assertEquals(10, sum / gaps, 1.0);
	}

	@Test
	void linesAndRandomPointsHitTheirCoverageExactly() {
		ScanMask lines = ScanPaths.lines(100, 80, 0.1);
		assertEquals(8 * 100, lines.sampledCount());
		assertTrue(lines.sampled()[5 * 100] && !lines.sampled()[0]);
		ScanMask random = ScanPaths.random(100, 80, 0.01, 7);
		assertEquals(80, random.sampledCount());
		assertArrayEquals(random.sampled(), ScanPaths.random(100, 80, 0.01, 7).sampled(), "the same seed, the same points");
		assertEquals(0.01, random.measuredCoverage(), 1e-12);
	}

	@Test
	void recordedPositionsMarkTheirNearestPixels() {
		ScanMask m = ScanPaths.positions(10, 10, List.of(new double[] { 2.4, 3.6 }, new double[] { 2.2, 3.9 }, new double[] { -5, 1 }));
		assertEquals(1, m.sampledCount());
		assertTrue(m.sampled()[2 + 4 * 10]);
		assertEquals(0.01, m.nominalCoverage(), 1e-12);
		assertTrue(assertThrows(BadInputException.class, () -> ScanPaths.positions(10, 10, List.of(new double[] { 50, 50 }))).getMessage()
			.contains("None of the 1 scan positions"));
	}

	@Test
	void coverageOutsideZeroToOneIsRefused() {
		for (double c : new double[] { 0, -0.1, 1.5, Double.NaN })
			assertTrue(assertThrows(BadInputException.class, () -> ScanPaths.spiral(64, 64, c)).getMessage().contains("expected a fraction in (0, 1]"));
		assertEquals(64 * 64, ScanPaths.lines(64, 64, 1).sampledCount(), "coverage 1 is a full scan");
	}

	@Test
	void meanGapIsAQuarterOfTheLineSpacingAndStaysSmallForRandomPoints() {
		for (int spacing : new int[] { 16, 40, 100 }) {
			double gap = ScanPaths.lines(512, 512, 1.0 / spacing).meanGap();
			assertEquals(spacing / 4.0, gap, 0.06 * spacing, "lines every " + spacing + " rows");
		}
		double spiral16 = ScanPaths.spiral(512, 512, 1 / 16.0).meanGap(), spiral100 = ScanPaths.spiral(512, 512, 1 / 100.0).meanGap();
		double random100 = ScanPaths.random(512, 512, 1 / 100.0, 3).meanGap();
		System.out.printf("ScanPathsTest: mean gap, pixels: spiral 1/16 %.1f, spiral 1/100 %.1f, random 1/100 %.1f%n", spiral16, spiral100, random100);
		assertEquals(25, spiral100, 3);
		assertEquals(4, spiral16, 1);
		// Random points 1/100 are about 10 pixels apart: nearest-sample distances of a few pixels.
		assertTrue(random100 > 3 && random100 < 8, "random 1/100: " + random100);
	}

	@Test
	void meanGapOfFullAndEmptyMasks() {
		boolean[] all = new boolean[12];
		java.util.Arrays.fill(all, true);
		assertEquals(0, new ScanMask(all, 4, 3, 1).meanGap());
		assertEquals(Double.POSITIVE_INFINITY, new ScanMask(new boolean[12], 4, 3, 1).meanGap());
		boolean[] corner = new boolean[12];
		corner[0] = true;
		// Chamfer distances from (0, 0) on 4 x 3: row 0: 1 2 3; row 1: 1 √2 1+√2 2+√2; row 2: 2 1+√2 2√2 1+2√2.
		double r2 = Math.sqrt(2), expected = (1 + 2 + 3 + 1 + r2 + 1 + r2 + 2 + r2 + 2 + 1 + r2 + 2 * r2 + 1 + 2 * r2) / 11;
		assertEquals(expected, new ScanMask(corner, 4, 3, 1).meanGap(), 1e-12);
	}
}
