package org.ml4em.commands;


import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings;
import org.ml4em.cluster.PixelClusterer;
import org.ml4em.cluster.PixelClusterer.PixelClustering;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * {@code Plugins > ML4EM > K-means Clustering}: clusters the pixels of an image by intensity, or
 * by the values of its channels/slices (a spectrum per pixel), with K-means or a Gaussian
 * mixture.
 * <p>
 * From Java: {@code commandService.run(KMeansClusteringCommand.class, true, "input", img, "k", 3)},
 * or {@code new KMeansClusteringCommand()} with the setters, {@code setContext(context)} and
 * {@link #run()}. Headless: {@code ./ml4em --headless --run "K-means Clustering"
 * "input='a.tif',k=3,output='labels.tif'"}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>K-means Clustering", label = "K-means Clustering", headless = true,
	description = "Cluster pixels by intensity or by their spectrum with K-means or a Gaussian mixture; outputs a label image and cluster statistics.")
public class KMeansClusteringCommand extends Ml4emCommand {

	@Parameter(label = "Image", description = "2-D image, or a 3-D stack whose third axis holds the features of each pixel", persist = false)
	private RandomAccessibleInterval<? extends RealType<?>> input;

	@Parameter(label = "Number of clusters", min = "1")
	private int k = 3;

	@Parameter(label = "Method", choices = { "kmeans", "gmm" }, description = "kmeans: equal spherical clusters; gmm: Gaussian mixture for clusters of unequal spread")
	private String method = "kmeans";

	@Parameter(label = "GMM covariance", choices = { "full", "diagonal" })
	private String covariance = "full";

	@Parameter(label = "Restarts", min = "1", persist = false)
	private int restarts = ClusteringSettings.DEFAULT_RESTARTS;

	@Parameter(label = "Maximum iterations", min = "1", persist = false)
	private int max_iterations = ClusteringSettings.DEFAULT_MAX_ITERATIONS;

	@Parameter(label = "Random seed", persist = false)
	private long seed = ClusteringSettings.DEFAULT_SEED;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "K-means backend", choices = { "auto", "java", "tensorflow" }, persist = false)
	private String backend = "auto";

	@Parameter(label = "Use a mask", persist = false, description = "cluster only the pixels where the mask image is non-zero")
	private boolean use_mask = false;

	// Fiji's image selector offers no "none", so the mask only counts when use_mask is on.
	@Parameter(label = "Mask image", required = false, persist = false, description = "2-D image of the input's size; used when 'Use a mask' is on")
	private RandomAccessibleInterval<? extends RealType<?>> mask;

	@Parameter(label = "Labels", type = ItemIO.OUTPUT)
	private Img<UnsignedShortType> labels;

	@Parameter(label = "Cluster statistics", type = ItemIO.OUTPUT)
	private ResultTable statistics;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) {
		ClusteringSettings settings = ClusteringSettings.fromWords(method, k, covariance, restarts, max_iterations, seed, backend, device);
		if (use_mask && mask == null) throw new BadInputException("use_mask is on but no mask image was given; add mask=<image> or turn use_mask off.");
		PixelClustering c = new PixelClusterer(settings).cluster(input, use_mask ? mask : null, progress);
		labels = c.labels();
		statistics = ClusterTable.of(c);
		summary = ClusteringSummary.of(c);
		return summary;
	}

	// -- Outputs --

	/** The label image: 0 … k−1 by ascending mean of the first feature; 65535 where not clustered. */
	public Img<UnsignedShortType> getLabels() {
		return labels;
	}

	/** One row per cluster: label, pixels, mean and std per feature (and inertia for K-means). */
	public ResultTable getStatistics() {
		return statistics;
	}

	/** One line: method, k, score, converged restarts, the device that ran, excluded pixels. */
	public String getSummary() {
		return summary;
	}

	// -- Setters for Java callers --

	public void setInput(RandomAccessibleInterval<? extends RealType<?>> input) {
		this.input = input;
	}

	public void setK(int k) {
		this.k = k;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public void setCovariance(String covariance) {
		this.covariance = covariance;
	}

	public void setRestarts(int restarts) {
		this.restarts = restarts;
	}

	public void setMaxIterations(int maxIterations) {
		this.max_iterations = maxIterations;
	}

	public void setSeed(long seed) {
		this.seed = seed;
	}

	public void setDevice(String device) {
		this.device = device;
	}

	public void setBackend(String backend) {
		this.backend = backend;
	}

	/** Clusters only the pixels where {@code mask} is non-zero; {@code null} for all pixels. */
	public void setMask(RandomAccessibleInterval<? extends RealType<?>> mask) {
		this.mask = mask;
		this.use_mask = mask != null;
	}
}
