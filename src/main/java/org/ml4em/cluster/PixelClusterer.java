package org.ml4em.cluster;

import java.util.List;
import java.util.Objects;

import org.ml4em.Progress;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.RealType;

/**
 * Clusters the pixels of an image and returns a label image with per-cluster statistics: the
 * engine behind {@code Plugins > ML4EM > K-means Clustering}.
 *
 * <pre>
 * PixelClustering c = new PixelClusterer(ClusteringSettings.kMeans(3)).cluster(img, null, Progress.NONE);
 * Img&lt;UnsignedShortType&gt; labels = c.labels();
 * </pre>
 *
 * Labels are 0 … k−1 ordered by ascending mean of the first feature, so results do not depend on
 * the seed's numbering; pixels that were not clustered (NaN, outside the mask) get
 * {@link #UNLABELLED}.
 */
public final class PixelClusterer {

	/** Label of pixels left out of the clustering. */
	public static final int UNLABELLED = 65535;

	private final ClusteringSettings settings;

	public PixelClusterer(ClusteringSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * The outcome for an image.
	 *
	 * @param labels {@code width × height} label image
	 * @param clusters statistics of each cluster, indexed by label
	 * @param result the clustering of the usable pixels
	 * @param points the features the clustering ran on (with the counts of left-out pixels)
	 */
	public record PixelClustering(Img<UnsignedShortType> labels, List<ClusterStatistics> clusters, ClusteringResult result,
		FeatureMatrix points)
	{}

	/**
	 * Clusters the pixels of {@code image}.
	 *
	 * @param image 2-D {@code (x, y)} or 3-D {@code (x, y, feature)} image; not modified
	 * @param mask optional 2-D image; only its non-zero pixels are clustered
	 * @throws org.ml4em.BadInputException on unusable input or settings, with the reason
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public PixelClustering cluster(RandomAccessibleInterval<? extends RealType<?>> image,
		RandomAccessibleInterval<? extends RealType<?>> mask, Progress progress)
	{
		progress.status("Reading pixels");
		checkMemory(image);
		FeatureMatrix points = FeatureMatrix.fromImage(image, mask);
		settings.check(points.rows());
		if (settings.k() >= UNLABELLED) throw new org.ml4em.BadInputException("k=" + settings.k() + " is above the limit of " + (UNLABELLED - 1) + " labels.");
		if (points.nonFinitePixels() > 0)
			progress.log(points.nonFinitePixels() + " pixels with NaN or infinite values were excluded and labelled " + UNLABELLED + ".");
		ClusteringResult result = fit(points, progress).orderedByFirstFeature();
		return new PixelClustering(labelImage(points, result), ClusterStatistics.of(points, result), result, points);
	}

	/**
	 * Refuses, before anything is allocated, an image whose working copies would not fit in the
	 * memory Java has left: one clear message instead of an OutOfMemoryError half-way through.
	 */
	private void checkMemory(RandomAccessibleInterval<?> image) {
		if (image.numDimensions() < 2) return;
		long pixels = image.dimension(0) * image.dimension(1);
		long features = image.numDimensions() == 3 ? image.dimension(2) : 1;
		// float features, plus per pixel: mask flag, index, label, two bounds, label image, output labels
		long bytes = pixels * features * 4 + pixels * 23;
		if (settings.method() == ClusteringSettings.Method.GMM) bytes += pixels * features * 8;
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (bytes > free) throw new org.ml4em.BadInputException(String.format(java.util.Locale.ROOT,
			"Clustering %d pixels x %d features needs about %.1f GB of memory but Java has only %.1f GB free; give Java more memory " +
				"(Fiji: Edit > Options > Memory & Threads; headless: ML4EM_JAVA_OPTS=-Xmx...), or crop or bin the image.",
			pixels, features, bytes / 1e9, free / 1e9));
	}

	private ClusteringResult fit(FeatureMatrix points, Progress progress) {
		return settings.method() == ClusteringSettings.Method.GMM ? new GaussianMixture(settings).fit(points, progress)
			: new KMeans(settings).fit(points, progress);
	}

	private static Img<UnsignedShortType> labelImage(FeatureMatrix points, ClusteringResult result) {
		short[] pixels = new short[(int) (points.width() * points.height())];
		java.util.Arrays.fill(pixels, (short) UNLABELLED);
		int[] index = points.pixelIndex(), labels = result.labels();
		for (int i = 0; i < labels.length; i++) pixels[index[i]] = (short) labels[i];
		return ArrayImgs.unsignedShorts(pixels, points.width(), points.height());
	}
}
