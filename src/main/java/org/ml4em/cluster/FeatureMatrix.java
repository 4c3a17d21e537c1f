package org.ml4em.cluster;

import java.util.Objects;

import org.ml4em.BadInputException;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The points to cluster: one row of {@code d} features per pixel, stored row-major in a float
 * array, together with the flat index ({@code x + y·width}) of the pixel each row came from.
 * <p>
 * From an image: a 2-D image gives one feature (intensity) per pixel; a 3-D image
 * {@code (x, y, f)} gives the {@code f} values of each pixel (channels, slices or an energy-loss
 * spectrum). Pixels with a NaN or infinite feature, and pixels outside the optional mask, are
 * left out; their counts are kept so the caller can say so. Immutable.
 *
 * <pre>
 * FeatureMatrix points = FeatureMatrix.fromImage(img, null);
 * ClusteringResult r = new KMeans(ClusteringSettings.kMeans(3)).fit(points, Progress.NONE);
 * </pre>
 */
public final class FeatureMatrix {

	private final float[] values;
	private final int rows;
	private final int features;
	private final int[] pixelIndex;
	private final long width;
	private final long height;
	private final long nonFinitePixels;
	private final long maskedPixels;

	private FeatureMatrix(float[] values, int rows, int features, int[] pixelIndex, long width, long height,
		long nonFinitePixels, long maskedPixels)
	{
		this.values = values;
		this.rows = rows;
		this.features = features;
		this.pixelIndex = pixelIndex;
		this.width = width;
		this.height = height;
		this.nonFinitePixels = nonFinitePixels;
		this.maskedPixels = maskedPixels;
	}

	/**
	 * Wraps points given as an array (not copied: do not modify it afterwards).
	 *
	 * @param values row-major {@code rows × features} values, all finite
	 * @throws BadInputException when the sizes disagree or a value is not finite
	 */
	public static FeatureMatrix fromArray(float[] values, int rows, int features) {
		Objects.requireNonNull(values, "values");
		if (rows < 1 || features < 1 || (long) rows * features != values.length)
			throw new BadInputException("Expected " + rows + " x " + features + " values, got " + values.length + ".");
		for (float v : values)
			if (!Float.isFinite(v)) throw new BadInputException("Points must be finite numbers; found " + v + ".");
		int[] index = new int[rows];
		for (int i = 0; i < rows; i++) index[i] = i;
		return new FeatureMatrix(values, rows, features, index, rows, 1, 0, 0);
	}

	/**
	 * Reads the features of every usable pixel of an image.
	 *
	 * @param image 2-D {@code (x, y)} or 3-D {@code (x, y, feature)} image of any real type
	 * @param mask optional 2-D image of the same width and height; only pixels where it is
	 *            non-zero are clustered; {@code null} to use all pixels
	 * @throws BadInputException on wrong dimensionality, a mask of another size, an empty image, or
	 *             when no pixel is left to cluster
	 */
	public static FeatureMatrix fromImage(RandomAccessibleInterval<? extends RealType<?>> image,
		RandomAccessibleInterval<? extends RealType<?>> mask)
	{
		Objects.requireNonNull(image, "image");
		checkShape(image, mask);
		long width = image.dimension(0), height = image.dimension(1);
		int features = image.numDimensions() == 3 ? (int) image.dimension(2) : 1;
		boolean[] keep = new boolean[(int) (width * height)];
		long masked = markMasked(mask, width, height, keep);
		long nonFinite = markNonFinite(image, width, height, features, keep);
		return gather(image, width, height, features, keep, nonFinite, masked);
	}

	private static void checkShape(RandomAccessibleInterval<?> image, RandomAccessibleInterval<?> mask) {
		int n = image.numDimensions();
		if (n != 2 && n != 3)
			throw new BadInputException("Clustering needs a 2-D image or a 3-D stack whose third axis holds the features per pixel; got a " + n + "-D image.");
		for (int i = 0; i < n; i++)
			if (image.dimension(i) < 1) throw new BadInputException("The image is empty (size 0 along axis " + i + ").");
		long pixels = image.dimension(0) * image.dimension(1);
		long features = n == 3 ? image.dimension(2) : 1;
		if (pixels * features > Integer.MAX_VALUE - 8)
			throw new BadInputException("The image has " + pixels + " pixels x " + features + " features; at most " + (Integer.MAX_VALUE - 8) + " values can be clustered at once. Crop or bin it first.");
		if (mask == null) return;
		if (mask.numDimensions() != 2 || mask.dimension(0) != image.dimension(0) || mask.dimension(1) != image.dimension(1))
			throw new BadInputException("The mask must be a 2-D image of " + image.dimension(0) + " x " + image.dimension(1) + " pixels like the input; got " + describe(mask) + ".");
	}

	private static long markMasked(RandomAccessibleInterval<? extends RealType<?>> mask, long width, long height, boolean[] keep) {
		if (mask == null) {
			java.util.Arrays.fill(keep, true);
			return 0;
		}
		long masked = 0;
		RandomAccess<? extends RealType<?>> m = mask.randomAccess();
		long[] min = mask.minAsLongArray();
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				m.setPosition(min[0] + x, 0);
				m.setPosition(min[1] + y, 1);
				keep[(int) (x + y * width)] = m.get().getRealDouble() != 0;
				if (!keep[(int) (x + y * width)]) masked++;
			}
		return masked;
	}

	private static long markNonFinite(RandomAccessibleInterval<? extends RealType<?>> image, long width, long height, int features, boolean[] keep) {
		long nonFinite = 0;
		RandomAccess<? extends RealType<?>> a = image.randomAccess();
		long[] min = image.minAsLongArray();
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int p = (int) (x + y * width);
				if (!keep[p]) continue;
				a.setPosition(min[0] + x, 0);
				a.setPosition(min[1] + y, 1);
				for (int f = 0; f < features && keep[p]; f++) {
					if (features > 1) a.setPosition(min[2] + f, 2);
					if (!Double.isFinite(a.get().getRealDouble())) keep[p] = false;
				}
				if (!keep[p]) nonFinite++;
			}
		return nonFinite;
	}

	private static FeatureMatrix gather(RandomAccessibleInterval<? extends RealType<?>> image, long width, long height, int features,
		boolean[] keep, long nonFinite, long masked)
	{
		int rows = 0;
		for (boolean b : keep) if (b) rows++;
		if (rows == 0)
			throw new BadInputException("No pixel is left to cluster: " + nonFinite + " pixels are NaN or infinite and " + masked + " lie outside the mask.");
		float[] values = new float[rows * features];
		int[] index = new int[rows];
		RandomAccess<? extends RealType<?>> a = image.randomAccess();
		long[] min = image.minAsLongArray();
		int row = 0;
		for (int p = 0; p < keep.length; p++) {
			if (!keep[p]) continue;
			index[row] = p;
			a.setPosition(min[0] + p % width, 0);
			a.setPosition(min[1] + p / width, 1);
			for (int f = 0; f < features; f++) {
				if (features > 1) a.setPosition(min[2] + f, 2);
				values[row * features + f] = a.get().getRealFloat();
			}
			row++;
		}
		return new FeatureMatrix(values, rows, features, index, width, height, nonFinite, masked);
	}

	private static String describe(RandomAccessibleInterval<?> img) {
		StringBuilder s = new StringBuilder(img.numDimensions() + "-D, ");
		for (int i = 0; i < img.numDimensions(); i++) s.append(i > 0 ? " x " : "").append(img.dimension(i));
		return s.toString();
	}

	/** Mean of each feature over all rows, in double precision. */
	public double[] featureMeans() {
		double[] mean = new double[features];
		for (int i = 0; i < values.length; i++) mean[i % features] += values[i];
		for (int f = 0; f < features; f++) mean[f] /= rows;
		return mean;
	}

	/** Row-major {@code rows × features} values; shared, do not modify. */
	public float[] values() {
		return values;
	}

	/** Number of points (usable pixels). */
	public int rows() {
		return rows;
	}

	/** Features per point. */
	public int features() {
		return features;
	}

	/** Flat pixel index {@code x + y·width} of each row; shared, do not modify. */
	public int[] pixelIndex() {
		return pixelIndex;
	}

	/** Width of the source image (rows for {@link #fromArray}). */
	public long width() {
		return width;
	}

	/** Height of the source image (1 for {@link #fromArray}). */
	public long height() {
		return height;
	}

	/** Pixels left out because a feature was NaN or infinite. */
	public long nonFinitePixels() {
		return nonFinitePixels;
	}

	/** Pixels left out because the mask was zero there. */
	public long maskedPixels() {
		return maskedPixels;
	}
}
