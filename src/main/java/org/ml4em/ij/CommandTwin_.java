package org.ml4em.ij;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.ml4em.BadInputException;
import org.ml4em.cli.FolderOutput;
import org.ml4em.commands.CalibratedOutputs;
import org.ml4em.commands.CommandCatalog;
import org.ml4em.commands.PixelSizeInput;
import org.ml4em.commands.ResultFiles;
import org.ml4em.commands.ResultTable;
import org.ml4em.commands.SpectrumPlot;
import org.ml4em.io.PixelCalibration;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Every ML4EM command in ImageJ 1.x menus and macros, one {@code plugins.config} line each with the
 * command's label as argument:
 *
 * <pre>
 * run("Find Atomic Columns", "method=cnn threshold=0.5 device=auto");
 * run("Compare Images", "reference=[truth.tif]");
 * </pre>
 *
 * The keys are the command's parameter names, as in Fiji and in {@code ./ml4em}; keys left out keep
 * the command's defaults, and a checkbox is on when its key is present (ImageJ's rule). The first
 * image parameter is the current image; further ones name an open image by title (or
 * {@code None}). Image outputs are shown as ImageJ images (calibrated where the command knows the
 * pixel size), tables as results tables, plots as plot windows, the summary in the Log. Commands
 * whose headless run writes a folder of results (EELS, training, export) also take
 * {@code output=[folder]}, a new folder that receives the same files as {@code ./ml4em} writes. Without
 * macro options the same parameters are asked in a dialog, which the recorder records. Bad input
 * ends with the command's one message ({@code IJ.error}, which stops a macro) and shows nothing.
 * <p>
 * In Fiji the SciJava command of the same label takes over the menu entry; this twin is what runs
 * in plain ImageJ 1.x and in headless macro runs without Fiji.
 */
public class CommandTwin_ implements ij.plugin.PlugIn {

	private static final String NONE = "None";
	/** The macro key of the result folder, as in {@code ./ml4em}. */
	private static final String OUTPUT = "output";
	private static Context context;

	@Override
	public void run(String label) {
		try {
			CommandInfo info = new CommandCatalog(context()).find(label);
			ImagePlus current = WindowManager.getCurrentImage();
			Map<String, Object> inputs = ask(info, current);
			if (inputs == null) return;
			FolderOutput folder = resultFolder(Macro.getOptions()); // checked before the work, so a bad folder wastes nothing
			CommandModule module = (CommandModule) context().service(CommandService.class).run(info, false, inputs).get();
			if (module.getCancelReason() != null) {
				IJ.error(info.getTitle(), module.getCancelReason());
				return;
			}
			show(module, current);
			if (folder != null) writeResultFiles(module, folder);
		}
		catch (BadInputException e) {
			IJ.error(label, e.getMessage());
		}
		catch (CancellationException e) {
			IJ.showStatus(label + " was canceled; nothing was created.");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			IJ.showStatus(label + " was interrupted.");
		}
		catch (ExecutionException e) {
			IJ.handleException(e.getCause());
		}
		catch (java.io.IOException e) {
			IJ.error(label, "The result files could not be written: " + e.getMessage());
		}
		catch (ModuleException e) {
			IJ.handleException(e);
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	private static synchronized Context context() {
		if (context == null) context = new Context(CommandService.class);
		return context;
	}

	// -- Parameters --

	/** The inputs from the macro options, or from a dialog; null when the user cancels. */
	private static Map<String, Object> ask(CommandInfo info, ImagePlus current) throws ModuleException {
		Map<String, Object> inputs = new LinkedHashMap<>();
		List<ModuleItem<?>> settable = new ArrayList<>();
		boolean imageTaken = false;
		for (ModuleItem<?> item : info.inputs()) {
			if (!CommandCatalog.isUserInput(item)) continue;
			if (CommandCatalog.isImage(item) && !imageTaken) {
				imageTaken = true;
				if (current == null) throw new BadInputException(info.getTitle() + " works on the current image, and no image is open.");
				inputs.put(item.getName(), ImagePlusImgs.toFloatImg(current));
			}
			else settable.add(item);
		}
		String options = Macro.getOptions();
		if (options != null) {
			checkKeys(options, settable, info);
			for (ModuleItem<?> item : settable) {
				String key = item.getName();
				if (item.getType() == boolean.class || item.getType() == Boolean.class) inputs.put(key, hasKey(options, key));
				else {
					String text = Macro.getValue(options, key, null);
					if (text != null) inputs.put(key, convert(item, text, info));
				}
			}
		}
		else {
			GenericDialog gd = new GenericDialog(info.getTitle());
			Module defaults = info.createModule();
			for (ModuleItem<?> item : settable)
				addField(gd, item, defaults.getInput(item.getName()));
			gd.showDialog();
			if (gd.wasCanceled()) return null;
			for (ModuleItem<?> item : settable)
				inputs.put(item.getName(), readField(gd, item, info));
		}
		pixelSizeFromImage(info, current, inputs);
		return inputs;
	}

	private static void addField(GenericDialog gd, ModuleItem<?> item, Object value) {
		String key = item.getName();
		Class<?> type = item.getType();
		if (CommandCatalog.isImage(item)) {
			List<String> titles = new ArrayList<>(List.of(NONE));
			titles.addAll(List.of(WindowManager.getImageTitles()));
			gd.addChoice(key, titles.toArray(String[]::new), NONE);
		}
		else if (type == boolean.class || type == Boolean.class) gd.addCheckbox(key, Boolean.TRUE.equals(value));
		else if (item.getChoices() != null && !item.getChoices().isEmpty())
			gd.addChoice(key, item.getChoices().stream().map(String::valueOf).toArray(String[]::new), String.valueOf(value));
		else if (value instanceof Number n) gd.addNumericField(key, n.doubleValue(), digits(n));
		else gd.addStringField(key, value == null ? "" : String.valueOf(value), 30);
	}

	/** Enough decimals that the field gives the default back exactly (1e-6 must not become 0.000). */
	private static int digits(Number n) {
		if (n instanceof Integer || n instanceof Long) return 0;
		return Math.max(0, Math.min(9, BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().scale()));
	}

	private static Object readField(GenericDialog gd, ModuleItem<?> item, CommandInfo info) {
		Class<?> type = item.getType();
		if (CommandCatalog.isImage(item)) return image(gd.getNextChoice(), item, info);
		if (type == boolean.class || type == Boolean.class) return gd.getNextBoolean();
		if (item.getChoices() != null && !item.getChoices().isEmpty()) return gd.getNextChoice();
		if (Number.class.isAssignableFrom(box(type))) return convert(item, String.valueOf(gd.getNextNumber()), info);
		return convert(item, gd.getNextString(), info);
	}

	private static Object convert(ModuleItem<?> item, String text, CommandInfo info) {
		String key = item.getName();
		Class<?> type = box(item.getType());
		if (CommandCatalog.isImage(item)) return image(text, item, info);
		if (item.getChoices() != null && !item.getChoices().isEmpty() && !item.getChoices().contains(text)) throw new BadInputException(
			key + "=" + text + " is not one of " + item.getChoices() + " (" + info.getTitle() + ").");
		try {
			if (type == Integer.class) return (int) wholeNumber(text, key);
			if (type == Long.class) return wholeNumber(text, key);
			if (type == Double.class) return Double.parseDouble(text);
			if (type == Float.class) return Float.parseFloat(text);
		}
		catch (NumberFormatException e) {
			throw new BadInputException(key + "=" + text + " is not a number (" + info.getTitle() + ").");
		}
		if (type == File.class) return text.isEmpty() ? null : new File(text);
		if (type == String.class) return text;
		throw new BadInputException(info.getTitle() + ": the parameter " + key + " (" + type.getSimpleName() + ") cannot be set from a macro.");
	}

	private static long wholeNumber(String text, String key) {
		double v = Double.parseDouble(text);
		if (v != Math.rint(v) || Math.abs(v) > (1L << 53)) throw new BadInputException(key + " must be a whole number, got " + text + ".");
		return (long) v;
	}

	private static RandomAccessibleInterval<?> image(String title, ModuleItem<?> item, CommandInfo info) {
		if (title == null || title.isEmpty() || title.equals(NONE)) {
			if (item.isRequired()) throw new BadInputException(info.getTitle() + " needs " + item.getName() + "=[<title of an open image>].");
			return null;
		}
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) throw new BadInputException(item.getName() + "=[" + title + "]: no open image has that title (" + info.getTitle() + ").");
		return ImagePlusImgs.toFloatImg(imp);
	}

	/** Like Fiji: a command that takes a pixel size starts from the current image's calibration. */
	private static void pixelSizeFromImage(CommandInfo info, ImagePlus current, Map<String, Object> inputs) {
		if (current == null || inputs.get(PixelSizeInput.PIXEL_SIZE) instanceof Double d && d > 0 || info.getInput(PixelSizeInput.PIXEL_SIZE) == null) return;
		PixelCalibration.angstrom(current.getCalibration().pixelWidth, current.getCalibration().getUnit())
			.ifPresent(a -> inputs.put(PixelSizeInput.PIXEL_SIZE, a));
	}

	private static void checkKeys(String options, List<ModuleItem<?>> items, CommandInfo info) {
		List<String> known = new ArrayList<>();
		items.forEach(i -> known.add(i.getName()));
		for (ModuleItem<?> o : info.outputs())
			if (ResultFiles.class.isAssignableFrom(o.getType())) known.add(OUTPUT);
		for (String key : keys(options))
			if (!known.contains(key)) throw new BadInputException(info.getTitle() + " has no parameter '" + key + "'; it takes " + String.join(", ", known) + ".");
	}

	/** The keys of macro options "a=1 b=[x y] c": a, b, c. */
	static List<String> keys(String options) {
		List<String> keys = new ArrayList<>();
		int i = 0, n = options.length();
		while (i < n) {
			while (i < n && options.charAt(i) == ' ') i++;
			int start = i;
			while (i < n && options.charAt(i) != ' ' && options.charAt(i) != '=') i++;
			if (i > start) keys.add(options.substring(start, i));
			if (i < n && options.charAt(i) == '=') {
				i++;
				if (i < n && options.charAt(i) == '[') {
					int close = options.indexOf(']', i);
					i = close < 0 ? n : close + 1;
				}
				else while (i < n && options.charAt(i) != ' ') i++;
			}
		}
		return keys;
	}

	private static boolean hasKey(String options, String key) {
		return keys(options).contains(key) && !"false".equals(Macro.getValue(options, key, null));
	}

	private static Class<?> box(Class<?> type) {
		if (type == int.class) return Integer.class;
		if (type == long.class) return Long.class;
		if (type == double.class) return Double.class;
		if (type == float.class) return Float.class;
		if (type == boolean.class) return Boolean.class;
		return type;
	}

	// -- Outputs --

	@SuppressWarnings("unchecked")
	private static void show(CommandModule module, ImagePlus current) {
		Object command = module.getDelegateObject();
		String prefix = current == null ? "" : stripExtension(current.getTitle()) + "-";
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			Object value = module.getOutput(item.getName());
			if (value instanceof RandomAccessibleInterval<?> image && image.getType() instanceof RealType<?>) {
				PixelCalibration pixel = command instanceof CalibratedOutputs c ? c.calibration(item.getName()) : null;
				List<String> slices = command instanceof CalibratedOutputs c ? c.sliceLabels(item.getName()) : List.of();
				imageOf((RandomAccessibleInterval<? extends RealType<?>>) image, prefix + item.getName(), slices, pixel).show();
			}
			else if (value instanceof ResultTable table) ResultsTables.show(ResultsTables.of(table), table.title());
			else if (value instanceof SpectrumPlot plot) SpectrumPlots.toPlot(plot).show();
			else if (value instanceof String text) IJ.log(text);
		}
	}

	@SuppressWarnings("unchecked")
	private static ImagePlus imageOf(RandomAccessibleInterval<? extends RealType<?>> image, String title, List<String> slices, PixelCalibration pixel) {
		if (image.numDimensions() == 2 && image.getType() instanceof UnsignedShortType)
			return CalibratedImageDisplay.labelImage((RandomAccessibleInterval<UnsignedShortType>) image, title, pixel);
		if (image.numDimensions() == 2) return ImagePlusImgs.toFloatImage(image, title, pixel);
		List<String> labels = slices.size() == image.dimension(2) ? slices : new ArrayList<>();
		for (int z = labels.size(); z < image.dimension(2); z++)
			labels.add("channel " + (z + 1));
		return ImagePlusImgs.toFloatStack(image, title, labels, pixel);
	}

	private static FolderOutput resultFolder(String options) {
		String folder = options == null ? null : Macro.getValue(options, OUTPUT, null);
		return folder == null ? null : new FolderOutput(java.nio.file.Path.of(folder), List.of(), false);
	}

	private static void writeResultFiles(CommandModule module, FolderOutput folder) throws java.io.IOException {
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (module.getOutput(item.getName()) instanceof ResultFiles files)
				for (java.nio.file.Path written : folder.write(files))
					IJ.log("wrote " + written);
	}

	private static String stripExtension(String title) {
		int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) : title;
	}
}
