package org.ml4em.columns;

/**
 * Bilinear resampling of row-major images (channels fastest), pixel centres aligned: pixel
 * {@code i} of the new grid lies at {@code (i + 0.5) / scale − 0.5} of the old one ({@link #toOld});
 * outside the image the edge pixel is repeated. Shrinking first averages each new pixel's
 * footprint (a box of about 1 / scale old pixels), so that noise is averaged, not aliased: a
 * low-dose image recorded at a finer pixel than trained keeps its signal-to-noise ratio.
 */
final class Resampling {

	private Resampling() {}

	/**
	 * {@return the image on a grid {@code scale} times as fine: {@code round(width·scale) × round(height·scale)}}
	 */
	static float[] resample(float[] source, int width, int height, int channels, int newWidth, int newHeight) {
		double sx = (double) newWidth / width, sy = (double) newHeight / height;
		float[] image = boxAverage(source, width, height, channels, (int) Math.round(1 / Math.min(1, sx)), (int) Math.round(1 / Math.min(1, sy)));
		float[] out = new float[newWidth * newHeight * channels];
		for (int j = 0; j < newHeight; j++) {
			double y = clamp((j + 0.5) / sy - 0.5, height);
			int y0 = (int) Math.floor(y), y1 = Math.min(height - 1, y0 + 1);
			double fy = y - y0;
			for (int i = 0; i < newWidth; i++) {
				double x = clamp((i + 0.5) / sx - 0.5, width);
				int x0 = (int) Math.floor(x), x1 = Math.min(width - 1, x0 + 1);
				double fx = x - x0;
				for (int c = 0; c < channels; c++) {
					double top = image[(x0 + y0 * width) * channels + c] * (1 - fx) + image[(x1 + y0 * width) * channels + c] * fx;
					double bottom = image[(x0 + y1 * width) * channels + c] * (1 - fx) + image[(x1 + y1 * width) * channels + c] * fx;
					out[(i + j * newWidth) * channels + c] = (float) (top * (1 - fy) + bottom * fy);
				}
			}
		}
		return out;
	}

	/** {@return a coordinate of the new grid on the old one} @param scale new pixels per old pixel */
	static double toOld(double coordinate, double scale) {
		return (coordinate + 0.5) / scale - 0.5;
	}

	/** Mean over a box of {@code bx × by} pixels centred on each pixel (clipped at the edges); the image itself for 1 × 1. */
	static float[] boxAverage(float[] image, int width, int height, int channels, int bx, int by) {
		if (bx <= 1 && by <= 1) return image;
		float[] rows = new float[image.length], out = new float[image.length];
		int hx = bx / 2, hy = by / 2;
		for (int j = 0; j < height; j++)
			for (int i = 0; i < width; i++)
				for (int c = 0; c < channels; c++) {
					double sum = 0;
					int from = Math.max(0, i - hx), to = Math.min(width - 1, i - hx + bx - 1);
					for (int k = from; k <= to; k++)
						sum += image[(k + j * width) * channels + c];
					rows[(i + j * width) * channels + c] = (float) (sum / (to - from + 1));
				}
		for (int j = 0; j < height; j++)
			for (int i = 0; i < width; i++)
				for (int c = 0; c < channels; c++) {
					double sum = 0;
					int from = Math.max(0, j - hy), to = Math.min(height - 1, j - hy + by - 1);
					for (int k = from; k <= to; k++)
						sum += rows[(i + k * width) * channels + c];
					out[(i + j * width) * channels + c] = (float) (sum / (to - from + 1));
				}
		return out;
	}

	private static double clamp(double v, int size) {
		return Math.max(0, Math.min(size - 1, v));
	}
}
