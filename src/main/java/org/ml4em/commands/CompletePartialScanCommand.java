package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.PixelCalibration;
import org.ml4em.scan.ScanCompleter;
import org.ml4em.scan.ScanCompleterModel;
import org.ml4em.scan.ScanMask;
import org.ml4em.scan.ScanPaths;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > Complete Partial Scan}: fills in the pixels a sparse scan did not
 * measure, by the trained network ({@code method=network}, the default), harmonic inpainting or
 * normalised convolution ({@link ScanCompleter}). The input is the sparse image with its
 * {@code mask} (non-zero = measured), or a full image that is first sampled along
 * {@code path=spiral|lines|random} at {@code coverage} (to judge a method against the truth).
 * <p>
 * Headless: {@code ./ml4em --headless --run "Complete Partial Scan" "input='scan.tif',mask='scan_mask.tif',output='full.tif'"}.
 * The completed image is 32-bit, of the input's size and pixel size, with measured pixels as measured.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Complete Partial Scan", label = "Complete Partial Scan", headless = true,
	description = "Completes a sparse (partial) scan: the trained network, harmonic inpainting or normalised convolution fill the unmeasured pixels.")
public class CompletePartialScanCommand extends Ml4emCommand implements CalibratedOutputs, PixelSizeInput {

	@Parameter(label = "Image", persist = false, description = "the sparse scan (with a mask), or a full image to sample first (without one)")
	private RandomAccessibleInterval<? extends RealType<?>> input;

	@Parameter(label = "Use a mask", persist = false, description = "on: the input is a sparse scan and the mask says which pixels were measured")
	private boolean use_mask = false;

	// Fiji's image selector offers no "none", so the mask only counts when use_mask is on.
	@Parameter(label = "Mask image", required = false, persist = false, description = "non-zero where measured; the input's size")
	private RandomAccessibleInterval<? extends RealType<?>> mask;

	@Parameter(label = "Scan path (without a mask)", choices = { "spiral", "lines", "random" }, persist = false)
	private String path = "spiral";

	@Parameter(label = "Coverage (without a mask)", persist = false, description = "fraction of the pixels the simulated path is made for, in (0, 1]")
	private double coverage = 1 / 16.0;

	@Parameter(label = "Random seed", persist = false, description = "path=random only")
	private long seed = 42;

	@Parameter(label = "Method", choices = { "network", "harmonic", "normconv" }, persist = false)
	private String method = "network";

	@Parameter(label = "Model folder (empty: shipped model)", required = false, persist = false, style = "directory")
	private File model;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "Pixel size (Å, 0: none)", min = "0", persist = false, description = "written into the completed image; taken from the input's calibration")
	private double pixel_size = 0;

	@Parameter(label = "Completed image", type = ItemIO.OUTPUT)
	private Img<FloatType> completed;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (input == null) throw new BadInputException("Complete Partial Scan needs an image: input='<image file>'.");
		if (input.numDimensions() != 2) throw new BadInputException("Complete Partial Scan takes a 2-D image, got " + input.numDimensions() + "-D.");
		if (use_mask && mask == null) throw new BadInputException("use_mask is on but no mask image was given; add mask=<image> or turn use_mask off.");
		int w = (int) input.dimension(0), h = (int) input.dimension(1);
		float[] values = PlaneValues.of(input);
		ScanMask scan = use_mask ? measured(w, h) : ScanPaths.named(path, w, h, coverage, seed);
		ScanCompleter.Method m = ScanCompleter.Method.parse(method);
		long start = System.nanoTime();
		String ranOn;
		float[] out;
		if (m == ScanCompleter.Method.NETWORK) {
			Path dir = ScanModelFolder.folderOf(model);
			try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.parse(device)))) {
				ScanCompleterModel network = ScanModelFolder.read(dir, runner);
				out = ScanCompleter.network(values, scan, network, ScanCompleter.DEFAULT_TILE_SIZE, progress);
				String scale = ScanCompleter.runsAtHalfResolution(scan, network) ? String.format(Locale.ROOT, " at half resolution (mean gap %.1f px)", scan.meanGap())
					: "";
				ranOn = "network (" + (model == null || model.getPath().isEmpty() ? "shipped model" : "model " + model.getName()) + ")" + scale + " on "
					+ runner.device().description();
			}
		}
		else {
			out = ScanCompleter.classical(values, scan, m, progress);
			ranOn = m.label() + " on the CPU";
		}
		completed = ArrayImgs.floats(out, w, h);
		String coverageText = use_mask ? "" : String.format(Locale.ROOT, " of nominal 1/%.1f along a simulated %s", 1 / coverage, path);
		summary = String.format(Locale.ROOT, "Complete Partial Scan: %d x %d pixels, %d measured (coverage 1/%.1f%s), completed by %s in %.2f s.", w, h,
			scan.sampledCount(), 1 / scan.measuredCoverage(), coverageText, ranOn, (System.nanoTime() - start) / 1e9);
		return summary;
	}

	private ScanMask measured(int w, int h) {
		if (mask.numDimensions() != 2 || mask.dimension(0) != w || mask.dimension(1) != h) throw new BadInputException("The mask is "
			+ java.util.Arrays.toString(mask.dimensionsAsLongArray()) + " pixels but the image is [" + w + ", " + h + "]; the mask must be the image's size.");
		float[] flags = PlaneValues.of(mask);
		boolean[] sampled = new boolean[flags.length];
		for (int i = 0; i < flags.length; i++)
			sampled[i] = flags[i] != 0 && !Float.isNaN(flags[i]);
		return new ScanMask(sampled, w, h, Double.NaN);
	}

	// -- CalibratedOutputs methods --

	@Override
	public PixelCalibration calibration(String outputName) {
		return pixel_size > 0 ? new PixelCalibration(pixel_size / 10, pixel_size / 10, "nm") : null;
	}

	// -- Outputs and setters, for Java callers --

	/** The completed image: 32-bit, the input's size, measured pixels as measured. */
	public Img<FloatType> getCompleted() {
		return completed;
	}

	/** One line: size, pixels measured, coverage, method, device, time. */
	public String getSummary() {
		return summary;
	}
}
