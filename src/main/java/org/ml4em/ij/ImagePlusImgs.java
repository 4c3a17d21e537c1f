package org.ml4em.ij;

import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.io.PixelCalibration;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Copies between ImageJ 1.x {@link ImagePlus} images and ImgLib2 images (imglib2-ij is not
 * available to ML4EM, and a copy is simpler than a view for the sizes clustered here).
 *
 * <pre>
 * Img&lt;FloatType&gt; pixels = ImagePlusImgs.toFloatImg(imp);      // (x, y) or (x, y, feature)
 * ImagePlus labels = ImagePlusImgs.toLabelImage(clustering.labels(), 3, "a-labels", imp.getCalibration());
 * </pre>
 *
 * Stateless and thread-safe; the images passed in are never modified.
 */
public final class ImagePlusImgs {

	/** Largest number of values one {@code ArrayImg} of floats can hold. */
	private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

	private ImagePlusImgs() {}

	/**
	 * Copies an image into a new float image, in calibrated values where 8- and 16-bit images
	 * carry a calibration function (so that signed 16-bit data keep their sign).
	 * <ul>
	 * <li>one plane: a 2-D {@code (x, y)} image;</li>
	 * <li>several channels, or several slices (not both), one frame: a 3-D {@code (x, y, feature)}
	 * image whose features are the channels or the slices, in stack order.</li>
	 * </ul>
	 *
	 * @throws BadInputException for RGB images, time series, images with both several channels
	 *             and several slices, and images too large for one array
	 */
	public static Img<FloatType> toFloatImg(ImagePlus imp) {
		int features = featureCount(imp);
		int width = imp.getWidth(), height = imp.getHeight(), plane = width * height;
		float[] values = new float[plane * features];
		Calibration calibration = imp.getBitDepth() != 32 && imp.getCalibration().calibrated() ? imp.getCalibration() : null;
		if (features == 1) copyPlane(imp.getProcessor(), calibration, values, 0);
		else {
			ImageStack stack = imp.getStack();
			// With one frame and only channels or only slices, stack order is feature order.
			for (int f = 0; f < features; f++) copyPlane(stack.getProcessor(f + 1), calibration, values, f * plane);
		}
		return features == 1 ? ArrayImgs.floats(values, width, height) : ArrayImgs.floats(values, width, height, features);
	}

	/**
	 * How many features per pixel {@link #toFloatImg} will give: 1 for a single plane, else the
	 * number of channels or slices.
	 *
	 * @throws BadInputException when the image cannot be clustered, naming why and what to do
	 */
	public static int featureCount(ImagePlus imp) {
		Objects.requireNonNull(imp, "imp");
		String name = "'" + imp.getTitle() + "'";
		if (imp.getBitDepth() == 24)
			throw new BadInputException(name + " is an RGB image; convert to 8-bit or split channels first (Image > Type > 8-bit, or Image > Color > Split Channels).");
		int channels = imp.getNChannels(), slices = imp.getNSlices(), frames = imp.getNFrames();
		if (frames > 1)
			throw new BadInputException(name + " has " + frames + " time frames; clustering needs a single frame whose channels or slices are the features of each pixel (pick one frame with Image > Duplicate, or relabel frames as slices with Image > Properties).");
		if (channels > 1 && slices > 1)
			throw new BadInputException(name + " has " + channels + " channels x " + slices + " slices; clustering takes either the channels or the slices as the features of each pixel, not both (pick one with Image > Duplicate).");
		int features = Math.max(channels, slices);
		if ((long) imp.getWidth() * imp.getHeight() * features > MAX_VALUES)
			throw new BadInputException(name + " has " + imp.getWidth() + " x " + imp.getHeight() + " pixels x " + features + " features; at most " + MAX_VALUES + " values can be clustered at once. Crop or bin it first.");
		return features;
	}

	private static void copyPlane(ImageProcessor ip, Calibration calibration, float[] values, int offset) {
		int n = ip.getPixelCount();
		if (calibration == null) for (int i = 0; i < n; i++) values[offset + i] = ip.getf(i);
		else for (int i = 0; i < n; i++) values[offset + i] = (float) calibration.getCValue(ip.get(i));
	}

	/**
	 * Copies a label image into a new 16-bit image with one distinct colour per label.
	 * <p>
	 * The display range is {@code 0 … k−1}, each label having its own colour. When some pixels
	 * were left out of the clustering ({@link org.ml4em.cluster.PixelClusterer#UNLABELLED}), the
	 * range is {@code 0 … k} instead so that those pixels show black rather than in the colour of
	 * the last cluster. Pixel width, height and unit are copied from {@code calibration}.
	 *
	 * @param labels 2-D {@code (x, y)} labels 0 … k−1, or {@code UNLABELLED}
	 * @param k number of clusters
	 * @param title title of the new image
	 * @param calibration calibration of the clustered image, or {@code null}
	 */
	public static ImagePlus toLabelImage(RandomAccessibleInterval<UnsignedShortType> labels, int k, String title, Calibration calibration) {
		if (labels.numDimensions() != 2)
			throw new IllegalArgumentException("labels must be 2-D, got " + labels.numDimensions() + "-D");
		int width = (int) labels.dimension(0), height = (int) labels.dimension(1);
		short[] pixels = new short[width * height];
		boolean unlabelled = copyLabels(labels, k, pixels);
		ShortProcessor ip = new ShortProcessor(width, height, pixels, null);
		int displayMax = Math.max(1, unlabelled ? k : k - 1);
		ip.setLut(LabelColours.lut(k, displayMax));
		ip.setMinAndMax(0, displayMax);
		ImagePlus imp = new ImagePlus(title, ip);
		imp.setCalibration(spatialCalibration(calibration));
		return imp;
	}

	/**
	 * Copies a 2-D real image into a new 32-bit ImagePlus with the given pixel size.
	 *
	 * @param image 2-D {@code (x, y)}
	 * @param title title of the new image
	 * @param calibration pixel size and unit, or {@code null} for none
	 */
	public static ImagePlus toFloatImage(RandomAccessibleInterval<? extends RealType<?>> image, String title, PixelCalibration calibration) {
		if (image.numDimensions() != 2)
			throw new IllegalArgumentException("image must be 2-D, got " + image.numDimensions() + "-D");
		int width = (int) image.dimension(0), height = (int) image.dimension(1);
		float[] pixels = new float[width * height];
		int i = 0;
		for (RealType<?> v : Views.flatIterable(image))
			pixels[i++] = v.getRealFloat();
		FloatProcessor ip = new FloatProcessor(width, height, pixels);
		ip.resetMinAndMax();
		ImagePlus imp = new ImagePlus(title, ip);
		imp.setCalibration(calibration(calibration));
		return imp;
	}

	/**
	 * Copies a 3-D real image {@code (x, y, slice)} into a new 32-bit stack with named slices and
	 * the given pixel size (e.g. a band-gap map: eg, eg_low, eg_high).
	 *
	 * @param image 3-D {@code (x, y, slice)}
	 * @param title title of the new image
	 * @param sliceLabels one name per slice
	 * @param calibration pixel size and unit, or {@code null} for none
	 */
	public static ImagePlus toFloatStack(RandomAccessibleInterval<? extends RealType<?>> image, String title, java.util.List<String> sliceLabels,
		PixelCalibration calibration)
	{
		if (image.numDimensions() != 3 || image.dimension(2) != sliceLabels.size())
			throw new IllegalArgumentException("image must be 3-D with one label per slice, got " + image.numDimensions() + "-D and " + sliceLabels.size() + " labels");
		ij.ImageStack stack = new ij.ImageStack((int) image.dimension(0), (int) image.dimension(1));
		for (int z = 0; z < sliceLabels.size(); z++)
			stack.addSlice(sliceLabels.get(z), toFloatImage(Views.hyperSlice(image, 2, image.min(2) + z), sliceLabels.get(z), null).getProcessor());
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(calibration(calibration));
		imp.getProcessor().resetMinAndMax();
		return imp;
	}

	/** {@return an ImageJ calibration with the pixel size of {@code pixel}, empty for null} */
	public static Calibration calibration(PixelCalibration pixel) {
		Calibration c = new Calibration();
		if (pixel != null) {
			c.pixelWidth = pixel.pixelWidth();
			c.pixelHeight = pixel.pixelHeight();
			c.setUnit(pixel.unit());
		}
		return c;
	}

	/** Copies in flat (x fastest) order; returns whether any pixel is not a cluster label. */
	private static boolean copyLabels(RandomAccessibleInterval<UnsignedShortType> labels, int k, short[] pixels) {
		boolean unlabelled = false;
		Cursor<UnsignedShortType> cursor = Views.flatIterable(labels).cursor();
		for (int i = 0; cursor.hasNext(); i++) {
			int label = cursor.next().get();
			pixels[i] = (short) label;
			if (label >= k) unlabelled = true;
		}
		return unlabelled;
	}

	/** Only the spatial part: a calibration function or value unit would be wrong for labels. */
	private static Calibration spatialCalibration(Calibration from) {
		Calibration c = new Calibration();
		if (from == null) return c;
		c.pixelWidth = from.pixelWidth;
		c.pixelHeight = from.pixelHeight;
		c.setUnit(from.getUnit());
		c.setYUnit(from.getYUnit());
		return c;
	}
}
