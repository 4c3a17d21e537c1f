package org.ml4em.ij;

import java.awt.Color;

import ij.process.LUT;

/**
 * Lookup tables that give each cluster label its own colour on a 16-bit label image.
 * <p>
 * ImageJ maps a 16-bit value {@code v} to LUT entry {@code round(v · 256 / (max + 1))} for a
 * display range {@code 0 … max} ({@code ShortProcessor.create8BitImage}); the LUT built here
 * inverts that mapping, so every label lands on a block of entries of one colour. A stock LUT
 * ("3-3-2 RGB", "glasbey") would need the display range 0 … 255 and is not in plain ImageJ.
 */
final class LabelColours {

	/**
	 * Kelly's colours of maximum contrast (without white and black), so that neighbouring labels
	 * differ clearly; further labels get hues spaced by the golden angle.
	 */
	private static final int[] PALETTE = { 0xF3C300, 0x875692, 0xF38400, 0xA1CAF1, 0xBE0032, 0xC2B280, 0x848482, 0x008856,
		0xE68FAC, 0x0067A5, 0xF99379, 0x604E97, 0xF6A600, 0xB3446C, 0xDCD300, 0x882D17, 0x8DB600, 0x654522, 0xE25822,
		0x2B3D26 };

	private static final float GOLDEN_ANGLE = 0.381966f;

	private LabelColours() {}

	/**
	 * A LUT for a display range {@code 0 … displayMax}: labels below {@code k} get distinct
	 * colours, values from {@code k} up (pixels left out of the clustering) black.
	 */
	static LUT lut(int k, int displayMax) {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int entry = 0; entry < 256; entry++) {
			int label = (int) Math.min(displayMax, Math.floor((entry + 0.5) * (displayMax + 1) / 256.0));
			int rgb = label < k ? colour(label) : 0;
			r[entry] = (byte) (rgb >> 16);
			g[entry] = (byte) (rgb >> 8);
			b[entry] = (byte) rgb;
		}
		return new LUT(r, g, b);
	}

	/** The colour of a label, as 0xRRGGBB. */
	static int colour(int label) {
		if (label < PALETTE.length) return PALETTE[label];
		float hue = (label * GOLDEN_ANGLE) % 1f;
		return Color.HSBtoRGB(hue, 0.75f, 0.9f) & 0xFFFFFF;
	}
}
