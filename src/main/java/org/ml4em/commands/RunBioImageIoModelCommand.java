package org.ml4em.commands;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.bioimageio.BioImageIoModel;
import org.ml4em.bioimageio.BioImageIoRunner;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > Run bioimage.io Model}: opens a bioimage.io model with TensorFlow
 * SavedModel weights (a zip, or a folder such as DeepImageJ's {@code Fiji.app/models/<model>/};
 * ML4EM's or anyone's, format 0.4 or 0.5), checks it against its own test tensors (the largest
 * difference is reported), and runs it on an image tile by tile, with the model's pre- and
 * postprocessing.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Run bioimage.io Model" "model='unet.zip',input='a.tif',output='out.tif'"}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Run bioimage.io Model", label = "Run bioimage.io Model", headless = true,
	description = "Runs a bioimage.io model (TensorFlow SavedModel weights) on an image, tiled, after checking it against its own test tensors.")
public class RunBioImageIoModelCommand extends Ml4emCommand {

	@Parameter(label = "Model (zip or folder)", persist = false, style = "open", description = "a bioimage.io model zip, or an unpacked model folder")
	private File model;

	@Parameter(label = "Image", persist = false, description = "2-D, or x, y, channel for a model of several input channels")
	private RandomAccessibleInterval<? extends RealType<?>> input;

	@Parameter(label = "Check the test tensors first", persist = false)
	private boolean check = true;

	@Parameter(label = "Largest tile (pixels)", min = "16", persist = false)
	private int tile_size = 512;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "Model output", type = ItemIO.OUTPUT)
	private Img<FloatType> output;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		if (model == null || model.getPath().isEmpty()) throw new BadInputException("Run bioimage.io Model needs model='<model zip or folder>'.");
		if (input == null) throw new BadInputException("Run bioimage.io Model needs an image: input='<image file>'.");
		long start = System.nanoTime();
		try (BioImageIoModel description = BioImageIoModel.open(model.toPath());
			SavedModelRunner network = SavedModelRunner.load(description.savedModel(), TensorFlowDevices.resolve(DeviceChoice.parse(device)))) {
			BioImageIoRunner runner = new BioImageIoRunner(description, network);
			String checked = "";
			if (check) {
				progress.status("Checking " + description.name() + " against its test tensors");
				BioImageIoRunner.Check c = runner.check();
				checked = String.format(Locale.ROOT, "; test tensors: largest difference %.2g over an output range of %.3g%s", c.maxDifference(), c.outputRange(),
					c.maxDifference() > 1e-3 * Math.max(c.outputRange(), 1e-12) ? ": MORE THAN 0.1 % OFF, the results may be wrong" : "");
			}
			progress.status("Running " + description.name());
			output = runner.apply(input, tile_size, progress);
			long channels = output.numDimensions() == 3 ? output.dimension(2) : 1;
			summary = String.format(Locale.ROOT, "Run bioimage.io Model: %s (format %s) on %d x %d pixels, %d output channel%s, on %s in %.1f s%s.",
				description.name(), description.formatVersion(), input.dimension(0), input.dimension(1), channels, channels == 1 ? "" : "s",
				network.device().description(), (System.nanoTime() - start) / 1e9, checked);
		}
		return summary;
	}

	/** The model's output: (x, y), or (x, y, channel) for several output channels. */
	public Img<FloatType> getOutput() {
		return output;
	}

	/** One line: model, size, device, time, and the test-tensor check. */
	public String getSummary() {
		return summary;
	}
}
