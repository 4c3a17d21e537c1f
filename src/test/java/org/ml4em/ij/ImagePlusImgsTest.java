package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.IndexColorModel;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.cluster.PixelClusterer;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class ImagePlusImgsTest {

	/** A 4 × 3 plane whose pixel (x, y) holds {@code base + x + 10·y}. */
	private static FloatProcessor plane(float base) {
		FloatProcessor fp = new FloatProcessor(4, 3);
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 4; x++) fp.setf(x, y, base + x + 10 * y);
		return fp;
	}

	private static ImagePlus stack(int channels, int slices, int frames) {
		ImageStack stack = new ImageStack(4, 3);
		for (int i = 0; i < channels * slices * frames; i++) stack.addSlice(plane(100 * i));
		ImagePlus imp = new ImagePlus("stack", stack);
		imp.setDimensions(channels, slices, frames);
		return imp;
	}

	private static float at(Img<FloatType> img, long... position) {
		return img.randomAccess().setPositionAndGet(position).get();
	}

	@Test
	void namedSlicesBecomeALabelledCalibratedStack() {
		float[] values = { 1, 2, 3, 4, 5, 6 };
		ImagePlus imp = ImagePlusImgs.toFloatStack(ArrayImgs.floats(values, 2, 1, 3), "Band-gap map", java.util.List.of("eg", "eg_low", "eg_high"),
			new org.ml4em.io.PixelCalibration(2, 2, "nm"));
		assertEquals(3, imp.getStackSize());
		assertEquals("eg_low", imp.getStack().getSliceLabel(2));
		assertEquals(4f, imp.getStack().getProcessor(2).getf(1, 0));
		assertEquals(2.0, imp.getCalibration().pixelWidth);
		assertEquals("nm", imp.getCalibration().getUnit());
	}

	@Test
	void singlePlaneBecomes2D() {
		Img<FloatType> img = ImagePlusImgs.toFloatImg(new ImagePlus("plane", plane(0)));
		assertArrayEquals(new long[] { 4, 3 }, img.dimensionsAsLongArray());
		assertEquals(23, at(img, 3, 2));
		assertEquals(1, at(img, 1, 0));
	}

	@Test
	void unsigned16BitStaysPositive() {
		ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 0, 65000);
		assertEquals(65000, at(ImagePlusImgs.toFloatImg(new ImagePlus("u16", sp)), 0, 0));
	}

	@Test
	void calibrationFunctionIsApplied() {
		ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 0, 32768 - 5);
		ImagePlus imp = new ImagePlus("signed", sp);
		Calibration cal = imp.getCalibration();
		cal.setSigned16BitCalibration();
		assertEquals(-5, at(ImagePlusImgs.toFloatImg(imp), 0, 0));
	}

	@Test
	void channelsBecomeTheFeatureAxis() {
		Img<FloatType> img = ImagePlusImgs.toFloatImg(stack(3, 1, 1));
		assertArrayEquals(new long[] { 4, 3, 3 }, img.dimensionsAsLongArray());
		assertEquals(12, at(img, 2, 1, 0));
		assertEquals(212, at(img, 2, 1, 2));
	}

	@Test
	void slicesBecomeTheFeatureAxis() {
		Img<FloatType> img = ImagePlusImgs.toFloatImg(stack(1, 5, 1));
		assertArrayEquals(new long[] { 4, 3, 5 }, img.dimensionsAsLongArray());
		assertEquals(403, at(img, 3, 0, 4));
	}

	@Test
	void rgbIsRefusedWithAHint() {
		var e = assertThrows(BadInputException.class, () -> ImagePlusImgs.toFloatImg(new ImagePlus("colour.jpg", new ColorProcessor(4, 3))));
		assertTrue(e.getMessage().contains("'colour.jpg' is an RGB image"), e.getMessage());
		assertTrue(e.getMessage().contains("convert to 8-bit or split channels first"), e.getMessage());
	}

	@Test
	void channelsTimesSlicesIsRefused() {
		var e = assertThrows(BadInputException.class, () -> ImagePlusImgs.toFloatImg(stack(2, 2, 1)));
		assertTrue(e.getMessage().contains("2 channels x 2 slices"), e.getMessage());
	}

	@Test
	void timeSeriesIsRefused() {
		var e = assertThrows(BadInputException.class, () -> ImagePlusImgs.toFloatImg(stack(1, 1, 3)));
		assertTrue(e.getMessage().contains("3 time frames"), e.getMessage());
	}

	@Test
	void inputIsNotModified() {
		ImagePlus imp = new ImagePlus("plane", plane(0));
		Img<FloatType> img = ImagePlusImgs.toFloatImg(imp);
		img.firstElement().set(-1);
		assertEquals(0, imp.getProcessor().getf(0, 0));
	}

	@Test
	void labelImageIs16BitWithCalibrationAndRange() {
		Img<UnsignedShortType> labels = ArrayImgs.unsignedShorts(new short[] { 0, 1, 2, 1, 0, 2 }, 3, 2);
		Calibration cal = new Calibration();
		cal.pixelWidth = 0.02;
		cal.pixelHeight = 0.03;
		cal.setUnit("nm");
		ImagePlus imp = ImagePlusImgs.toLabelImage(labels, 3, "a-labels", cal);
		assertEquals("a-labels", imp.getTitle());
		assertEquals(16, imp.getBitDepth());
		assertEquals(2, imp.getProcessor().get(2, 0));
		assertEquals(2, imp.getProcessor().get(2, 1));
		assertEquals(0.02, imp.getCalibration().pixelWidth);
		assertEquals(0.03, imp.getCalibration().pixelHeight);
		assertEquals("nm", imp.getCalibration().getUnit());
		assertEquals(0, imp.getDisplayRangeMin());
		assertEquals(2, imp.getDisplayRangeMax());
	}

	@Test
	void everyLabelShowsInItsOwnColour() {
		for (int k : new int[] { 2, 3, 7, 30, 255 }) {
			short[] pixels = new short[k];
			for (int i = 0; i < k; i++) pixels[i] = (short) i;
			ImagePlus imp = ImagePlusImgs.toLabelImage(ArrayImgs.unsignedShorts(pixels, k, 1), k, "l", null);
			// What ImageJ draws: the 8-bit rendering looked up in the LUT.
			byte[] shown = (byte[]) imp.getProcessor().convertToByteProcessor(true).getPixels();
			IndexColorModel lut = imp.getProcessor().getLut();
			Set<Integer> colours = new HashSet<>();
			for (byte b : shown) colours.add(lut.getRGB(b & 0xff));
			assertEquals(k, colours.size(), "k=" + k);
		}
	}

	@Test
	void unlabelledPixelsShowBlackNotAsTheLastCluster() {
		Img<UnsignedShortType> labels = ArrayImgs.unsignedShorts(new short[] { 0, 1, 2, (short) PixelClusterer.UNLABELLED }, 4, 1);
		ImagePlus imp = ImagePlusImgs.toLabelImage(labels, 3, "l", null);
		assertEquals(3, imp.getDisplayRangeMax());
		byte[] shown = (byte[]) imp.getProcessor().convertToByteProcessor(true).getPixels();
		IndexColorModel lut = imp.getProcessor().getLut();
		assertEquals(0xFF000000, lut.getRGB(shown[3] & 0xff));
		assertNotEquals(lut.getRGB(shown[2] & 0xff), lut.getRGB(shown[3] & 0xff));
	}

	@Test
	void labelTitleDropsTheExtension() {
		assertEquals("haadf_stem-labels", KMeansClustering_.labelTitle(new ImagePlus("haadf_stem.tif", new ByteProcessor(1, 1))));
		assertEquals("my scan-labels", KMeansClustering_.labelTitle(new ImagePlus("my scan", new ByteProcessor(1, 1))));
	}

	@Test
	void floatImageKeepsValuesAndPixelSize() {
		net.imglib2.img.Img<net.imglib2.type.numeric.real.FloatType> img = net.imglib2.img.array.ArrayImgs.floats(new float[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
		ImagePlus imp = ImagePlusImgs.toFloatImage(img, "t", new org.ml4em.io.PixelCalibration(2.0, 2.5, "nm"));
		assertEquals(3, imp.getWidth());
		assertEquals(6f, imp.getProcessor().getf(2, 1));
		assertEquals(2.0, imp.getCalibration().pixelWidth);
		assertEquals(2.5, imp.getCalibration().pixelHeight);
		assertEquals("nm", imp.getCalibration().getUnit());
		assertEquals("pixel", ImagePlusImgs.toFloatImage(img, "u", null).getCalibration().getUnit());
	}
}
