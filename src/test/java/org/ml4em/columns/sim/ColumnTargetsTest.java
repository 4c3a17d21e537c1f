package org.ml4em.columns.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Training targets and random training settings. */
class ColumnTargetsTest {

	@Test
	void targetsPeakAtEverySiteOfTheirClass() {
		SimulatedAtomicImage image = new AtomicImageSimulator(AtomicImageSettings.defaults().withDefects(0.05, 0.05, 0).withSeed(2)).simulate();
		float[][] t = ColumnTargets.of(image);
		assertEquals(ColumnTargets.CHANNELS, t.length);
		int w = image.width();
		for (SimulatedColumn c : image.columns()) {
			int i = (int) Math.round(c.x()), j = (int) Math.round(c.y());
			if (i < 0 || j < 0 || i >= w || j >= image.height()) continue;
			// σ = 3 px: at most half a pixel diagonal off the site, the value is above exp(-0.5²/(2·3²)) = 0.97.
			assertTrue(t[0][i + j * w] > 0.97, "heat map at " + c);
			for (ColumnClass k : ColumnClass.values())
				assertEquals(k == c.columnClass(), t[1 + k.ordinal()][i + j * w] > 0.97, k + " channel at " + c);
		}
		// Above one half only within 0.35 Å of a site (σ·√(2 ln 2)): about 0.39 Å² of graphene's 2.62 Å² per site.
		float max = 0;
		int high = 0;
		for (float[] channel : t) for (float v : channel) max = Math.max(max, v);
		for (float v : t[0]) if (v > 0.5) high++;
		assertTrue(max <= 1);
		assertEquals(0.39 / 2.62, (double) high / t[0].length, 0.03);
	}

	@Test
	void samplerCoversTheTrainingRangeDeterministically() {
		Set<Lattice> lattices = EnumSet.noneOf(Lattice.class);
		Set<String> seen = new HashSet<>();
		double lowest = Double.MAX_VALUE, highest = 0;
		for (long seed = 0; seed < 200; seed++) {
			AtomicImageSettings s = TrainingSampler.sample(128, seed);
			assertEquals(s, TrainingSampler.sample(128, seed));
			lattices.add(s.lattice());
			seen.add(s.toString());
			assertTrue(s.pixelSize() >= AtomicImageSettings.MIN_PIXEL_SIZE && s.pixelSize() <= AtomicImageSettings.MAX_PIXEL_SIZE);
			double peak = s.dose() * s.detectorFraction();
			lowest = Math.min(lowest, peak);
			highest = Math.max(highest, peak);
		}
		assertEquals(EnumSet.allOf(Lattice.class), lattices);
		assertEquals(200, seen.size());
		assertTrue(lowest < 1 && highest > 100, "peak electrons " + lowest + " … " + highest);
		// Every sample makes an image.
		assertEquals(128, new AtomicImageSimulator(TrainingSampler.sample(128, 7)).simulate().width());
	}
}
