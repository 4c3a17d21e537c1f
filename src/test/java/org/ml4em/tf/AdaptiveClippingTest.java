package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The adaptive clip limit: none while warming up, then about mean + 3 SD of the norms seen, and one spike does not lift it much. */
class AdaptiveClippingTest {

	@Test
	void limitFollowsTheNormsAndIgnoresSpikesAndNaN() {
		AdaptiveClipping c = new AdaptiveClipping();
		SplittableRandom r = new SplittableRandom(1);
		for (int i = 0; i < AdaptiveClipping.WARM_UP; i++) {
			assertEquals(Float.MAX_VALUE, c.limit());
			c.record(10 + r.nextGaussian());
		}
		for (int i = 0; i < 2000; i++)
			c.record(10 + r.nextGaussian());
		assertEquals(13, c.limit(), 0.5, "mean 10 + 3 × SD 1");
		c.record(Double.NaN);
		assertEquals(13, c.limit(), 0.5);
		float before = c.limit();
		c.record(1000);
		assertTrue(c.limit() > before && c.limit() < 1000, "one spike lifts the limit, but not to itself: " + c.limit());
	}
}
