package org.ml4em.ij;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

import org.ml4em.BadInputException;
import org.ml4em.cluster.ClusteringSettings;
import org.ml4em.cluster.PixelClusterer;
import org.ml4em.cluster.PixelClusterer.PixelClustering;
import org.ml4em.commands.ClusterTable;
import org.ml4em.commands.ClusteringSummary;
import org.ml4em.commands.ResultTable;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > K-means Clustering} for ImageJ 1.x: clusters the pixels of the
 * current image (by intensity, or by the values of its channels or slices) with K-means or a
 * Gaussian mixture, and shows a label image {@code <title>-labels} and a "Cluster statistics"
 * table.
 * <p>
 * The dialog's labels are the macro keys, so the recorder writes, and macros may call:
 *
 * <pre>
 * run("K-means Clustering", "k=3 method=kmeans covariance=full restarts=10 max_iterations=300 seed=42 device=auto backend=auto mask=None");
 * </pre>
 *
 * Keys left out take the defaults shown. Bad input ends with one message
 * ({@code IJ.error}, which aborts a running macro) and creates nothing. In Fiji, the SciJava
 * command of the same label ({@code org.ml4em.commands.KMeansClusteringCommand}) takes over the
 * menu entry; this twin runs the same engine for plain ImageJ 1.x.
 */
public class KMeansClustering_ implements PlugIn {

	static final String COMMAND = "K-means Clustering";
	static final String NO_MASK = "None";
	private static final String[] METHODS = { "kmeans", "gmm" };
	private static final String[] COVARIANCES = { "full", "diagonal" };
	private static final String[] DEVICES = { "auto", "cpu", "gpu" };
	private static final String[] BACKENDS = { "auto", "java", "tensorflow" };
	/** Seeds beyond this are not exactly representable in the dialog's double field. */
	private static final double MAX_SEED = 1L << 53;

	/** What the dialog asked for: the engine settings and the optional mask image. */
	private record Request(ClusteringSettings settings, ImagePlus mask) {}

	/** Runs the command on the current image; {@code arg} is ignored. */
	@Override
	public void run(String arg) {
		ImagePlus image = WindowManager.getCurrentImage();
		if (image == null) {
			IJ.noImage();
			return;
		}
		try {
			ImagePlusImgs.featureCount(image); // refuse RGB, time series… before the dialog
			Request request = ask();
			if (request == null) return;
			PixelClustering clustering = cluster(image, request);
			showResults(image, request.settings(), clustering);
		}
		catch (BadInputException e) {
			IJ.error(COMMAND, e.getMessage());
		}
		catch (CancellationException e) {
			IJ.showStatus(COMMAND + " was canceled; nothing was created.");
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	// -- Dialog --

	/** Shows the dialog (or reads the macro options); null when the user cancels. */
	private static Request ask() {
		int[] imageIds = openImageIds();
		GenericDialog gd = dialog(maskChoices(imageIds));
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		return read(gd, imageIds);
	}

	private static GenericDialog dialog(String[] maskChoices) {
		GenericDialog gd = new GenericDialog(COMMAND);
		try {
			gd.addNumericField("k", 3, 0);
			gd.addChoice("method", METHODS, METHODS[0]);
			gd.addChoice("covariance", COVARIANCES, COVARIANCES[0]);
			gd.addNumericField("restarts", ClusteringSettings.DEFAULT_RESTARTS, 0);
			gd.addNumericField("max_iterations", ClusteringSettings.DEFAULT_MAX_ITERATIONS, 0);
			gd.addNumericField("seed", ClusteringSettings.DEFAULT_SEED, 0);
			gd.addChoice("device", DEVICES, DEVICES[0]);
			gd.addChoice("backend", BACKENDS, BACKENDS[0]);
			gd.addChoice("mask", maskChoices, NO_MASK);
		}
		catch (NumberFormatException e) {
			// The headless dialog parses macro numbers while the fields are added.
			throw new BadInputException("A numeric option is not a number (" + e.getMessage() + "); k, restarts, max_iterations and seed take whole numbers.");
		}
		return gd;
	}

	/** Reads the fields in the order they were added. */
	private static Request read(GenericDialog gd, int[] imageIds) {
		int k = wholeNumber(gd, "k", Integer.MAX_VALUE);
		String method = choice(gd, "method", METHODS);
		String covariance = choice(gd, "covariance", COVARIANCES);
		int restarts = wholeNumber(gd, "restarts", Integer.MAX_VALUE);
		int maxIterations = wholeNumber(gd, "max_iterations", Integer.MAX_VALUE);
		long seed = (long) wholeNumberValue(gd, "seed", MAX_SEED);
		String device = choice(gd, "device", DEVICES), backend = choice(gd, "backend", BACKENDS);
		ImagePlus mask = mask(gd, imageIds);
		return new Request(ClusteringSettings.fromWords(method, k, covariance, restarts, maxIterations, seed, backend, device), mask);
	}

	private static int wholeNumber(GenericDialog gd, String key, int max) {
		return (int) wholeNumberValue(gd, key, max);
	}

	private static double wholeNumberValue(GenericDialog gd, String key, double maxMagnitude) {
		double value = gd.getNextNumber();
		if (Double.isNaN(value) || value != Math.rint(value) || Math.abs(value) > maxMagnitude)
			throw new BadInputException(key + " must be a whole number" + (Double.isNaN(value) ? "" : " (got " + value + ")") + ".");
		return value;
	}

	/**
	 * The chosen item, checked against the list: ImageJ's headless dialog would otherwise
	 * replace a misspelt macro value silently by the first item.
	 */
	private static String choice(GenericDialog gd, String key, String[] items) {
		String item = gd.getNextChoice();
		String asked = macroValue(key);
		String value = asked != null ? asked : item;
		if (!Arrays.asList(items).contains(value))
			throw new BadInputException(key + "='" + value + "' is not known; expected " + String.join(", ", items) + ".");
		return value;
	}

	private static ImagePlus mask(GenericDialog gd, int[] imageIds) {
		String asked = macroValue("mask");
		int index = gd.getNextChoiceIndex();
		if (asked != null) index = Arrays.asList(maskChoices(imageIds)).indexOf(asked);
		if (index < 0)
			throw new BadInputException("mask='" + asked + "' is not an open image; expected None or the title of an open image.");
		return index == 0 ? null : WindowManager.getImage(imageIds[index - 1]);
	}

	/** The value a running macro gave for {@code key}; null in interactive use or when absent. */
	private static String macroValue(String key) {
		String options = Macro.getOptions();
		return options == null ? null : Macro.getValue(options, key, null);
	}

	private static int[] openImageIds() {
		int[] ids = WindowManager.getIDList();
		return ids == null ? new int[0] : ids;
	}

	private static String[] maskChoices(int[] imageIds) {
		String[] choices = new String[imageIds.length + 1];
		choices[0] = NO_MASK;
		for (int i = 0; i < imageIds.length; i++) choices[i + 1] = WindowManager.getImage(imageIds[i]).getTitle();
		return choices;
	}

	// -- Engine and outputs --

	private static PixelClustering cluster(ImagePlus image, Request request) {
		Img<FloatType> pixels = ImagePlusImgs.toFloatImg(image);
		Img<FloatType> mask = request.mask() == null ? null : ImagePlusImgs.toFloatImg(request.mask());
		return new PixelClusterer(request.settings()).cluster(pixels, mask, new ImageJProgress(COMMAND));
	}

	private static void showResults(ImagePlus image, ClusteringSettings settings, PixelClustering clustering) {
		ImagePlus labels = ImagePlusImgs.toLabelImage(clustering.labels(), settings.k(), labelTitle(image), image.getCalibration());
		ResultTable table = ClusterTable.of(clustering);
		labels.show();
		ResultsTables.show(ResultsTables.of(table), table.title());
		IJ.log(COMMAND + " of " + image.getTitle() + ": " + ClusteringSummary.of(clustering));
		IJ.showStatus(COMMAND + " done.");
	}

	/** {@code <title>-labels}, without a file extension such as ".tif" in the middle. */
	static String labelTitle(ImagePlus image) {
		String title = image.getTitle();
		return title.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "") + "-labels";
	}
}
