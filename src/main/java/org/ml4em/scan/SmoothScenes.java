package org.ml4em.scan;

import java.util.SplittableRandom;

/**
 * Low-magnification STEM scenes for training the scan completer: a support with a gentle
 * intensity gradient, overlapped by half-planes (crystal edges, holes) and ellipses (particles)
 * of other intensities, all with blurred edges, without noise ({@link CompletionPatches} adds
 * it). They show the network edges that run straight on between sparse samples, which lattice
 * images do not.
 */
final class SmoothScenes {

	private SmoothScenes() {}

	/** {@return a noise-free {@code size × size} scene, values about 0 … 1, row by row} */
	static float[] draw(int size, SplittableRandom r) {
		double[] v = new double[size * size];
		double base = 0.3 * r.nextDouble(), tilt = 0.4 * (r.nextDouble() - 0.5), angle = 2 * Math.PI * r.nextDouble();
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				v[y * size + x] = base + tilt * ((x - size / 2.0) * Math.cos(angle) + (y - size / 2.0) * Math.sin(angle)) / size;
		int shapes = 1 + r.nextInt(4);
		for (int s = 0; s < shapes; s++) {
			double level = r.nextDouble();
			if (r.nextBoolean()) halfPlane(v, size, level, r);
			else ellipse(v, size, level, r);
		}
		double sigma = 1 + 14 * r.nextDouble() * r.nextDouble();
		double[] blurred = GaussianBlur.smooth(v, size, size, sigma);
		float[] out = new float[v.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) blurred[i];
		return out;
	}

	private static void halfPlane(double[] v, int size, double level, SplittableRandom r) {
		double angle = 2 * Math.PI * r.nextDouble(), c = Math.cos(angle), s = Math.sin(angle);
		double offset = (r.nextDouble() - 0.5) * size * 0.8;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				if ((x - size / 2.0) * c + (y - size / 2.0) * s > offset) v[y * size + x] = level;
	}

	private static void ellipse(double[] v, int size, double level, SplittableRandom r) {
		double cx = size * r.nextDouble(), cy = size * r.nextDouble();
		double a = size * (0.05 + 0.5 * r.nextDouble()), b = a * (0.5 + 0.5 * r.nextDouble()), angle = Math.PI * r.nextDouble();
		double c = Math.cos(angle), s = Math.sin(angle);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				double u = ((x - cx) * c + (y - cy) * s) / a, w = (-(x - cx) * s + (y - cy) * c) / b;
				if (u * u + w * w <= 1) v[y * size + x] = level;
			}
	}
}
