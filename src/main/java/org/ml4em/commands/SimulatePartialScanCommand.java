package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.PixelCalibration;
import org.ml4em.columns.ColumnPoint;
import org.ml4em.scan.ScanMask;
import org.ml4em.scan.ScanPaths;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > Simulate Partial Scan}: what a sparse scan of a full image would have
 * measured — an Archimedes spiral, a subset of lines, random points, or the probe positions a
 * microscope recorded ({@code positions}, a CSV of x, y in pixels) — as the sparse image (zero
 * where nothing was measured) and its mask (255 where measured), with the measured coverage beside
 * the nominal one ({@link ScanPaths}).
 * <p>
 * Headless: {@code ./ml4em --headless --run "Simulate Partial Scan" "input='full.tif',path=spiral,coverage=0.0625,output='scan.tif'"}
 * writes {@code scan.tif} and {@code scan_mask.tif}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Simulate Partial Scan", label = "Simulate Partial Scan", headless = true,
	description = "Samples a full image along a sparse scan path (spiral, lines, random points or recorded positions): the sparse image and its mask.")
public class SimulatePartialScanCommand extends Ml4emCommand implements CalibratedOutputs, PixelSizeInput {

	@Parameter(label = "Full image", persist = false, description = "2-D image to sample")
	private RandomAccessibleInterval<? extends RealType<?>> input;

	@Parameter(label = "Scan path", choices = { "spiral", "lines", "random" }, persist = false)
	private String path = "spiral";

	@Parameter(label = "Coverage", persist = false, description = "fraction of the pixels the path is made for, in (0, 1]; 0.0625 is 1/16")
	private double coverage = 1 / 16.0;

	@Parameter(label = "Random seed", persist = false, description = "path=random only")
	private long seed = 42;

	@Parameter(label = "Recorded positions (CSV, optional)", required = false, persist = false,
		description = "x, y in pixels of each probe position; replaces path and coverage")
	private File positions;

	@Parameter(label = "Pixel size (Å, 0: none)", min = "0", persist = false, description = "written into the outputs; taken from the input's calibration")
	private double pixel_size = 0;

	@Parameter(label = "Sparse image", type = ItemIO.OUTPUT)
	private Img<FloatType> sparse;

	@Parameter(label = "Scan mask", type = ItemIO.OUTPUT, attrs = @Attr(name = OutputFiles.SUFFIX, value = "mask"))
	private Img<UnsignedByteType> mask;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (input == null) throw new BadInputException("Simulate Partial Scan needs a full image: input='<image file>'.");
		if (input.numDimensions() != 2) throw new BadInputException("Simulate Partial Scan takes a 2-D image, got " + input.numDimensions() + "-D.");
		long w = input.dimension(0), h = input.dimension(1);
		float[] values = PlaneValues.of(input);
		ScanMask scan = positions != null ? ScanPaths.positions((int) w, (int) h, recorded()) : ScanPaths.named(path, (int) w, (int) h, coverage, seed);
		byte[] flags = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			if (scan.sampled()[i]) flags[i] = (byte) 255;
			else values[i] = 0;
		}
		sparse = ArrayImgs.floats(values, w, h);
		mask = ArrayImgs.unsignedBytes(flags, w, h);
		String what = positions != null ? "recorded scan (" + positions.getName() + ")" : path + " scan";
		summary = String.format(Locale.ROOT, "Simulate Partial Scan: %s of %d x %d pixels, %d pixels measured: coverage %s, measured 1/%.1f (%.4f).", what, w, h,
			scan.sampledCount(), positions != null ? "as recorded" : String.format(Locale.ROOT, "nominal 1/%.1f (%.4f)", 1 / coverage, coverage),
			1 / scan.measuredCoverage(), scan.measuredCoverage());
		return summary;
	}

	private List<double[]> recorded() throws IOException {
		List<double[]> xy = new ArrayList<>();
		for (ColumnPoint p : ColumnTableFile.read(positions.toPath(), "positions").points())
			xy.add(new double[] { p.x(), p.y() });
		return xy;
	}

	// -- CalibratedOutputs methods --

	@Override
	public PixelCalibration calibration(String outputName) {
		return pixel_size > 0 ? new PixelCalibration(pixel_size / 10, pixel_size / 10, "nm") : null;
	}

	/** The full image's values where the path measured, 0 elsewhere. */
	public Img<FloatType> getSparse() {
		return sparse;
	}

	/** 255 where the path measured, 0 elsewhere. */
	public Img<UnsignedByteType> getMask() {
		return mask;
	}

	/** One line: path, size, pixels measured, nominal and measured coverage. */
	public String getSummary() {
		return summary;
	}
}
