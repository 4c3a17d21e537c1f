package org.ml4em.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class PixelClustererTest {

	/** 256 × 256 image: left half ~100, right half ~300, noise σ 10; a NaN square. */
	private static Img<FloatType> twoHalves() {
		Img<FloatType> img = ArrayImgs.floats(256, 256);
		java.util.Random random = new java.util.Random(2);
		var ra = img.randomAccess();
		for (int y = 0; y < 256; y++)
			for (int x = 0; x < 256; x++) {
				ra.setPositionAndGet(x, y).set((float) ((x < 128 ? 300 : 100) + 10 * random.nextGaussian()));
				if (x < 8 && y < 8) ra.get().set(Float.NaN);
			}
		return img;
	}

	@Test
	void labelsOrderedByMeanAndNaNLeftOut() {
		var c = new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(twoHalves(), null, Progress.NONE);
		var ra = c.labels().randomAccess();
		assertEquals(1, ra.setPositionAndGet(20, 100).get(), "bright half gets the higher label");
		assertEquals(0, ra.setPositionAndGet(200, 100).get());
		assertEquals(PixelClusterer.UNLABELLED, ra.setPositionAndGet(3, 3).get());
		assertEquals(64, c.points().nonFinitePixels());
		assertEquals(128 * 256, c.clusters().get(0).pixels());
		assertEquals(128 * 256 - 64, c.clusters().get(1).pixels());
		assertEquals(300, c.clusters().get(1).mean()[0], 0.5);
		assertEquals(10, c.clusters().get(1).standardDeviation()[0], 0.3);
	}

	@Test
	void maskRestrictsThePixels() {
		Img<UnsignedShortType> mask = ArrayImgs.unsignedShorts(256, 256);
		var m = mask.randomAccess();
		for (int y = 100; y < 200; y++)
			for (int x = 0; x < 256; x++) m.setPositionAndGet(x, y).set(1);
		var c = new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(twoHalves(), mask, Progress.NONE);
		assertEquals(256 * 156, c.points().maskedPixels());
		assertEquals(PixelClusterer.UNLABELLED, c.labels().randomAccess().setPositionAndGet(200, 10).get());
		assertEquals(256 * 100, c.clusters().get(0).pixels() + c.clusters().get(1).pixels());
	}

	@Test
	void spectrumPerPixelIsAFeatureVector() {
		Img<FloatType> stack = ArrayImgs.floats(64, 64, 20);
		var ra = stack.randomAccess();
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++)
				for (int e = 0; e < 20; e++)
					// Same total intensity, different spectral shape: only the spectrum separates them.
					ra.setPositionAndGet(x, y, e).set(y < 32 ? e : 19 - e);
		var c = new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(stack, null, Progress.NONE);
		assertEquals(20, c.points().features());
		assertEquals(0, c.labels().randomAccess().setPositionAndGet(5, 5).get());
		assertEquals(1, c.labels().randomAccess().setPositionAndGet(5, 40).get());
	}

	@Test
	void badImagesAreNamed() {
		assertMessage(() -> new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(ArrayImgs.floats(4, 4, 2, 2), null, Progress.NONE), "4-D");
		assertMessage(() -> new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(net.imglib2.view.Views.interval(ArrayImgs.floats(4, 4), new net.imglib2.FinalInterval(0, 4)), null, Progress.NONE), "empty");
		Img<FloatType> allNaN = ArrayImgs.floats(8, 8);
		allNaN.forEach(p -> p.set(Float.NaN));
		assertMessage(() -> new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(allNaN, null, Progress.NONE), "No pixel is left");
		assertMessage(() -> new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(twoHalves(), ArrayImgs.floats(10, 10), Progress.NONE), "mask");
	}

	@Test
	void imageTooLargeForMemoryIsRefusedBeforeAllocating() {
		var huge = net.imglib2.util.ConstantUtils.constantRandomAccessibleInterval(new FloatType(1), new net.imglib2.FinalInterval(40_000, 40_000));
		assertMessage(() -> new PixelClusterer(ClusteringSettings.kMeans(2)).cluster(huge, null, Progress.NONE), "needs about 43.2 GB of memory");
	}

	private static void assertMessage(org.junit.jupiter.api.function.Executable run, String part) {
		BadInputException e = assertThrows(BadInputException.class, run);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
