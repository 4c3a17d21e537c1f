package org.ml4em.commands;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.scan.ImageComparison;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * {@code Plugins > ML4EM > Compare Images}: PSNR, SSIM and RMS error (relative to the reference's
 * dynamic range) of an image against a reference, e.g. a completed partial scan against the full
 * scan ({@link ImageComparison}).
 * <p>
 * Headless: {@code ./ml4em --headless --run "Compare Images" "image='completed.tif',reference='full.tif',output='scores.csv'"}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Compare Images", label = "Compare Images", headless = true,
	description = "PSNR, SSIM and relative RMS error of an image against a reference of the same size.")
public class CompareImagesCommand extends Ml4emCommand {

	@Parameter(label = "Image", persist = false, description = "the image to judge, 2-D")
	private RandomAccessibleInterval<? extends RealType<?>> image;

	@Parameter(label = "Reference", persist = false, description = "the truth, 2-D, the same size")
	private RandomAccessibleInterval<? extends RealType<?>> reference;

	@Parameter(label = "Scores", type = ItemIO.OUTPUT)
	private ResultTable scores;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (image == null || reference == null) throw new BadInputException("Compare Images needs image='<file>' and reference='<file>'.");
		long w = reference.dimension(0), h = reference.numDimensions() > 1 ? reference.dimension(1) : 1;
		if (image.numDimensions() != 2 || reference.numDimensions() != 2) throw new BadInputException("Compare Images takes 2-D images; got "
			+ image.numDimensions() + "-D and " + reference.numDimensions() + "-D.");
		if (image.dimension(0) != w || image.dimension(1) != h) throw new BadInputException("The image is " + image.dimension(0) + " x "
			+ image.dimension(1) + " pixels and the reference " + w + " x " + h + "; they must be the same size.");
		ImageComparison c = ImageComparison.of(PlaneValues.of(image), PlaneValues.of(reference), (int) w, (int) h);
		scores = new ResultTable("Image comparison", List.of("psnr_db", "ssim", "rms_relative"), List.of(List.of(c.psnr(), c.ssim(), c.relativeRms())));
		summary = String.format(Locale.ROOT, "Compare Images: PSNR %.2f dB, SSIM %.4f, RMS error %.2f %% of the reference's range (%d x %d pixels).", c.psnr(),
			c.ssim(), 100 * c.relativeRms(), w, h);
		return summary;
	}

	/** One row: psnr_db, ssim, rms_relative. */
	public ResultTable getScores() {
		return scores;
	}

	/** One line with the three figures. */
	public String getSummary() {
		return summary;
	}
}
