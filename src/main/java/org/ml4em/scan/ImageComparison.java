package org.ml4em.scan;

import org.ml4em.BadInputException;

/**
 * How close an image is to a reference (SCIENCE.md section 4's metrics), all relative to the
 * reference's dynamic range L = max − min:
 * <ul>
 * <li>PSNR = 10 log₁₀(L² / MSE), dB;</li>
 * <li>SSIM (Wang et al. 2004): Gaussian window of σ 1.5 px, K₁ 0.01, K₂ 0.03, averaged over the
 * image (the window clipped and renormalised at the borders);</li>
 * <li>RMS error / L.</li>
 * </ul>
 *
 * @param psnr dB; infinite for identical images
 * @param ssim −1 … 1
 * @param relativeRms RMS error over the reference's dynamic range
 */
public record ImageComparison(double psnr, double ssim, double relativeRms) {

	private static final double SIGMA = 1.5, K1 = 0.01, K2 = 0.03;

	/**
	 * @param image the image to judge, row by row
	 * @param reference the truth, the same size
	 * @throws BadInputException when the sizes differ, a value is NaN or infinite, or the reference is flat
	 */
	public static ImageComparison of(float[] image, float[] reference, int width, int height) {
		if (image.length != reference.length || image.length != (long) width * height) throw new BadInputException("The images have " + image.length
			+ " and " + reference.length + " pixels; they must be the same size (" + width + " x " + height + ").");
		double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, squares = 0;
		for (int i = 0; i < image.length; i++) {
			if (!Float.isFinite(image[i]) || !Float.isFinite(reference[i]))
				throw new BadInputException("Pixel " + (i % width) + ", " + (i / width) + " is NaN or infinite; both images must hold numbers everywhere.");
			min = Math.min(min, reference[i]);
			max = Math.max(max, reference[i]);
			squares += (image[i] - reference[i]) * (double) (image[i] - reference[i]);
		}
		double range = max - min;
		if (!(range > 0)) throw new BadInputException("The reference image is flat (every pixel " + min + "); PSNR and SSIM need a dynamic range.");
		double mse = squares / image.length;
		return new ImageComparison(10 * Math.log10(range * range / mse), ssim(image, reference, width, height, range), Math.sqrt(mse) / range);
	}

	private static double ssim(float[] x, float[] y, int w, int h, double range) {
		double c1 = Math.pow(K1 * range, 2), c2 = Math.pow(K2 * range, 2);
		int n = x.length;
		double[] xx = new double[n], yy = new double[n], xy = new double[n], fx = new double[n], fy = new double[n];
		for (int i = 0; i < n; i++) {
			fx[i] = x[i];
			fy[i] = y[i];
			xx[i] = (double) x[i] * x[i];
			yy[i] = (double) y[i] * y[i];
			xy[i] = (double) x[i] * y[i];
		}
		double[] ones = new double[n];
		java.util.Arrays.fill(ones, 1);
		double[] weight = blur(ones, w, h);
		double[] mx = divide(blur(fx, w, h), weight), my = divide(blur(fy, w, h), weight);
		double[] sxx = divide(blur(xx, w, h), weight), syy = divide(blur(yy, w, h), weight), sxy = divide(blur(xy, w, h), weight);
		double sum = 0;
		for (int i = 0; i < n; i++) {
			double vx = sxx[i] - mx[i] * mx[i], vy = syy[i] - my[i] * my[i], cov = sxy[i] - mx[i] * my[i];
			sum += (2 * mx[i] * my[i] + c1) * (2 * cov + c2) / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
		}
		return sum / n;
	}

	private static double[] divide(double[] a, double[] b) {
		for (int i = 0; i < a.length; i++)
			a[i] /= b[i];
		return a;
	}

	/** Gaussian of σ {@value #SIGMA} px truncated at 5 px (11 taps, as in Wang et al.). */
	private static double[] blur(double[] v, int w, int h) {
		return GaussianBlur.blur(v, w, h, SIGMA, 5);
	}
}
