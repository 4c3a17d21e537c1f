package org.ml4em.eels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArraySpectrumImageTest {

	private static final int W = 4, H = 3, C = 5;
	private static final EnergyAxis ENERGY = new EnergyAxis(-1, 0.5, C);

	@Test
	void arrayImageRoundTrip() {
		ArraySpectrumImage a = ArraySpectrumImage.zeros(W, H, ENERGY);
		double[] s = { 1, 2, 3, 4, 5 };
		a.setSpectrum(2, 1, s);
		double[] back = new double[C];
		a.spectrum(2, 1, back);
		assertArrayEquals(s, back);
		a.spectrum(1, 2, back);
		assertArrayEquals(new double[C], back);
	}

	@Test
	void energyAxisPlacesEveryChannel() {
		assertEquals(-1, ENERGY.energy(0));
		assertEquals(1, ENERGY.energy(C - 1));
		assertEquals(0.25, ENERGY.energy(2.5));
		assertThrows(IllegalArgumentException.class, () -> new EnergyAxis(0, 1, 0));
	}
}
