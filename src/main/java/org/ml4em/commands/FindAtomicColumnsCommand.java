package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Numbers;
import org.ml4em.Progress;
import org.ml4em.columns.ColumnFinder;
import org.ml4em.columns.ColumnFinderResult;
import org.ml4em.columns.DetectedColumn;
import org.ml4em.columns.LogDetector;
import org.ml4em.io.PixelCalibration;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * {@code Plugins > ML4EM > Find Atomic Columns}: every atomic column of a HAADF-STEM image with
 * its class (atom, vacancy, dopant), found by the trained U-Net ({@code method=cnn}, the shipped
 * model or {@code model=<folder>}) or by the classical LoG detector ({@code method=log}, for
 * comparison).
 * <p>
 * Headless: {@code ./ml4em --headless --run "Find Atomic Columns" "input='sim.tif',output='columns.csv',output_map='heatmap.tif'"};
 * the pixel size comes from the file's calibration unless {@code pixel_size} (Å) is given.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Find Atomic Columns", label = "Find Atomic Columns", headless = true,
	description = "Finds and classifies the atomic columns of a HAADF-STEM image with a CNN trained on simulations, or with the LoG baseline.")
public class FindAtomicColumnsCommand extends Ml4emCommand implements CalibratedOutputs, PixelSizeInput {


	@Parameter(label = "Image", description = "2-D HAADF-STEM image (an RGB image is converted to grey)", persist = false)
	private RandomAccessibleInterval<? extends RealType<?>> input;

	@Parameter(label = "Pixel size (Å)", persist = false, description = "Å per pixel; 0 takes it from the image's calibration")
	private double pixel_size = 0;

	@Parameter(label = "Method", choices = { "cnn", "log" }, description = "cnn: the trained network; log: Laplacian-of-Gaussian blob detection (baseline)")
	private String method = "cnn";

	@Parameter(label = "Model folder (empty: shipped model)", required = false, persist = false, style = "directory",
		description = "a folder written by Train Column Finder; empty uses the model shipped with ML4EM")
	private File model;

	@Parameter(label = "Threshold", min = "0", max = "1", persist = false,
		description = "cnn: least heat-map value of a column; log: least response relative to the 90th percentile of candidates")
	private double threshold = 0.5;

	@Parameter(label = "Probe FWHM for LoG (Å)", min = "0.1", persist = false, description = "the columns' width, used by method=log only")
	private double probe_fwhm = 1.1;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "Columns", type = ItemIO.OUTPUT)
	private ResultTable columns;

	@Parameter(label = "Column heat map", type = ItemIO.OUTPUT, attrs = { @Attr(name = OutputFiles.SUFFIX, value = "map"),
		@Attr(name = OutputFiles.ON_REQUEST, value = "true") })
	private Img<FloatType> heatmap;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	private List<DetectedColumn> found = List.of();
	private int imageWidth, imageHeight;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (input == null) throw new BadInputException("Find Atomic Columns needs an image: input='<image file>'.");
		List<String> notes = new ArrayList<>();
		GreyImage image = GreyImage.of(input, notes);
		imageWidth = image.width();
		imageHeight = image.height();
		if (!(pixel_size > 0)) throw new BadInputException("The image has no pixel size in Å: give pixel_size (Å per pixel, e.g. 0.1), or an image "
			+ "calibrated in Å, nm or pm.");
		String ranOn;
		if (method.equals("log")) {
			found = new LogDetector(probe_fwhm / pixel_size, threshold).detect(image.pixels(), image.width(), image.height(), progress);
			ranOn = "LoG detector (probe FWHM " + probe_fwhm + " Å)";
		}
		else ranOn = runNetwork(image, notes, progress);
		columns = table(found, pixel_size);
		summary = summary(ranOn, notes);
		return summary;
	}

	private String runNetwork(GreyImage image, List<String> notes, Progress progress) throws IOException {
		Path dir = ColumnModelFolder.folderOf(model);
		String name = ColumnModelFolder.isShipped(model) ? "shipped model" : "model " + model.getName();
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.parse(device)))) {
			ColumnFinderResult result = new ColumnFinder(ColumnModelFolder.read(dir, runner), threshold, ColumnFinder.DEFAULT_TILE_SIZE)
				.find(image.pixels(), image.width(), image.height(), pixel_size, progress);
			found = result.columns();
			notes.addAll(result.warnings());
			heatmap = ArrayImgs.floats(result.heatMap(), result.width(), result.height());
			return "CNN, " + name + ", on " + runner.device().description();
		}
	}

	private static ResultTable table(List<DetectedColumn> found, double pixelSize) {
		List<List<Object>> rows = new ArrayList<>();
		for (DetectedColumn c : found)
			rows.add(List.of(c.x(), c.y(), c.x() * pixelSize, c.y() * pixelSize, c.label(), c.score()));
		return new ResultTable("Atomic columns", List.of("x", "y", "x_angstrom", "y_angstrom", "class", "score"), rows);
	}

	private String summary(String ranOn, List<String> notes) {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Find Atomic Columns: %d columns", found.size()));
		List<String> labels = found.stream().map(DetectedColumn::label).distinct().sorted().toList();
		for (String label : labels)
			s.append(String.format(Locale.ROOT, ", %d %s", found.stream().filter(c -> c.label().equals(label)).count(), label));
		s.append(" (" + ranOn + ", threshold " + Numbers.compact(threshold) + ", pixel size " + Numbers.compact(pixel_size) + " Å).");
		for (String note : notes)
			s.append(' ').append(note);
		return s.toString();
	}

	// -- CalibratedOutputs methods --

	@Override
	public PixelCalibration calibration(String outputName) {
		return pixel_size > 0 ? new PixelCalibration(pixel_size / 10, pixel_size / 10, "nm") : null;
	}

	// -- Outputs and setters, for Java callers --

	/** One row per column: x, y (pixels, sub-pixel), x_angstrom, y_angstrom, class, score. */
	public ResultTable getColumns() {
		return columns;
	}

	/** The columns found, by decreasing score. */
	public List<DetectedColumn> getFound() {
		return found;
	}

	/** {@return the width in pixels of the image the columns were found on} */
	public int imageWidth() {
		return imageWidth;
	}

	/** {@return the height in pixels of the image the columns were found on} */
	public int imageHeight() {
		return imageHeight;
	}

	/** The column probability per pixel (method=cnn only; null for log). */
	public Img<FloatType> getHeatmap() {
		return heatmap;
	}

	/** One line: counts per class, method, device, warnings. */
	public String getSummary() {
		return summary;
	}

	/** @param image the image */
	public void setInput(RandomAccessibleInterval<? extends RealType<?>> image) {
		this.input = image;
	}

	/** @param angstrom Å per pixel */
	public void setPixelSize(double angstrom) {
		this.pixel_size = angstrom;
	}

	/** @param method cnn or log */
	public void setMethod(String method) {
		this.method = method;
	}

	/** @param folder a model folder, or null for the shipped model */
	public void setModel(File folder) {
		this.model = folder;
	}

	/** @param threshold see the parameter */
	public void setThreshold(double threshold) {
		this.threshold = threshold;
	}

	/** @param device auto, cpu or gpu */
	public void setDevice(String device) {
		this.device = device;
	}

	/** A 2-D image as floats, row-major. */
	record GreyImage(float[] pixels, int width, int height) {

		/** Takes a 2-D image, or an RGB image as 3 channels (averaged, and said so in {@code notes}). */
		static GreyImage of(RandomAccessibleInterval<? extends RealType<?>> image, List<String> notes) {
			int n = image.numDimensions();
			boolean rgb = n == 3 && image.dimension(2) == 3;
			if (n != 2 && !rgb) throw new BadInputException("Find Atomic Columns needs a 2-D image, got " + n + "-D " + java.util.Arrays.toString(
				image.dimensionsAsLongArray()) + "; choose one slice or channel.");
			long w = image.dimension(0), h = image.dimension(1);
			if (!rgb) return new GreyImage(PlaneValues.of(image), (int) w, (int) h);
			float[] pixels = PlaneValues.of(Views.hyperSlice(image, 2, 0));
			for (int c = 1; c < 3; c++) {
				float[] channel = PlaneValues.of(Views.hyperSlice(image, 2, c));
				for (int i = 0; i < pixels.length; i++)
					pixels[i] += channel[i];
			}
			for (int i = 0; i < pixels.length; i++)
				pixels[i] /= 3;
			notes.add("The RGB image was converted to grey (mean of R, G and B) first.");
			return new GreyImage(pixels, (int) w, (int) h);
		}
	}
}
