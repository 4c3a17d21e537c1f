package org.ml4em.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.ml4em.BadInputException;
import org.ml4em.commands.CommandCatalog;
import org.ml4em.commands.ResultFiles;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One headless run of a command: image parameters read from file paths (TIFF, DM3/DM4, .hspy), the other values
 * handed to SciJava (which converts them to the parameter types), outputs written per
 * {@link OutputPlan}. Ctrl-C cancels the command and waits for it to stop, so nothing is left
 * half-written.
 */
final class HeadlessRun {

	/** The key that names where the main output goes; it is not a command parameter. */
	static final String OUTPUT_KEY = "output";

	private final Context context;
	private final CommandInfo info;
	private final PrintStream out;
	/** Set when the command has returned, so that a Ctrl-C hook stops waiting for it. */
	private volatile boolean finished;

	HeadlessRun(Context context, CommandInfo info, PrintStream out) {
		this.context = context;
		this.info = info;
		this.out = out;
	}

	/**
	 * Runs the command with the given arguments.
	 *
	 * @throws BadInputException on unknown keys, unreadable inputs, bad output paths, or when the
	 *             command itself refuses its input
	 */
	List<Path> run(Map<String, String> arguments, boolean overwrite) throws IOException, InterruptedException {
		Map<String, String> args = new LinkedHashMap<>(arguments);
		String output = args.remove(OUTPUT_KEY);
		Map<String, Path> requested = requestedOutputs(args);
		impliedSwitches(args);
		checkKeys(args.keySet());
		List<Path> inputFiles = new ArrayList<>();
		Map<String, Object> inputs = inputs(args, inputFiles);
		if (writesFolder()) {
			if (output == null) throw new BadInputException("Add output='<folder>' to say where the results of \"" + info.getTitle() + "\" go.");
			FolderOutput folder = new FolderOutput(Path.of(output), inputFiles, overwrite);
			Module module = execute(inputs);
			printTextOutputs(module);
			List<Path> written = new ArrayList<>();
			for (ModuleItem<?> item : info.outputs())
				if (module.getOutput(item.getName()) instanceof ResultFiles files) written.addAll(folder.write(files));
			return written;
		}
		OutputPlan plan = output == null ? null : new OutputPlan(list(info.outputs()), Path.of(output), inputFiles, requested, overwrite);
		if (plan == null && hasFileOutputs())
			throw new BadInputException("Add output='<file>" + (OutputPlan.tablesOnly(list(info.outputs())) ? ".csv" : ".tif") + "' to say where the results of \""
				+ info.getTitle() + "\" go.");
		Module module = execute(inputs);
		printTextOutputs(module);
		return plan == null ? List.of() : plan.write(module);
	}

	/**
	 * On the command line a given image switches itself on: {@code mask='m.tif'} implies
	 * {@code use_mask=true} (Fiji's dialog needs the separate switch because its image selector
	 * cannot be left empty).
	 */
	private void impliedSwitches(Map<String, String> args) {
		for (ModuleItem<?> item : info.inputs()) {
			String switchName = "use_" + item.getName();
			if (CommandCatalog.isImage(item) && args.containsKey(item.getName()) && info.getInput(switchName) != null)
				args.putIfAbsent(switchName, "true");
		}
	}

	private void checkKeys(Iterable<String> keys) {
		List<String> known = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) if (CommandCatalog.isUserInput(item)) known.add(item.getName());
		for (String key : keys)
			if (!known.contains(key)) throw new BadInputException("\"" + info.getTitle() + "\" has no parameter '" + key + "'; its parameters are " +
				String.join(", ", known) + " and output.");
	}

	private Map<String, Object> inputs(Map<String, String> args, List<Path> inputFiles) throws IOException {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : info.inputs()) {
			String value = args.get(item.getName());
			if (!CommandCatalog.isUserInput(item) || value == null) continue;
			if (CommandCatalog.isImage(item)) {
				Path file = Path.of(value);
				inputs.put(item.getName(), readImage(item.getName(), file));
				if (inputFiles.isEmpty() && info.getInput(FilePixelSize.KEY) != null && !args.containsKey(FilePixelSize.KEY))
					FilePixelSize.angstrom(file).ifPresent(size -> inputs.put(FilePixelSize.KEY, Double.toString(size)));
				inputFiles.add(file);
			}
			else if (item.getType() == File.class) {
				// The command reads it itself; the launcher only checks it is there and protects it.
				Path file = Path.of(value);
				if ("directory".equals(item.getWidgetStyle())) checkFolder(item.getName(), file);
				else checkReadable(item.getName(), file);
				inputFiles.add(file);
				inputs.put(item.getName(), file.toFile());
			}
			else inputs.put(item.getName(), value);
		}
		for (ModuleItem<?> item : info.inputs())
			if (CommandCatalog.isImage(item) && item.isRequired() && !inputs.containsKey(item.getName()))
				throw new BadInputException("\"" + info.getTitle() + "\" needs " + item.getName() + "='<image file>'.");
		return inputs;
	}

	/**
	 * Reads the main signal of a TIFF, DM3/DM4 or .hspy file into memory, a spectrum image as
	 * (x, y, energy).
	 */
	private static Object readImage(String key, Path file) throws IOException {
		checkReadable(key, file);
		try (EmFile em = EmFiles.open(file)) {
			RandomAccessibleInterval<FloatType> view = em.signal().imageEnergyLast();
			checkFitsInMemory(key, file, em.signal().size());
			Img<FloatType> copy = ArrayImgs.floats(view.dimensionsAsLongArray());
			LoopBuilder.setImages(view, copy).forEachPixel((from, to) -> to.set(from));
			return copy;
		}
		catch (IOException e) {
			throw new BadInputException(e.getMessage(), e);
		}
	}

	private static void checkFitsInMemory(String key, Path file, long values) {
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (values > Integer.MAX_VALUE - 8 || values * Float.BYTES > free * 0.8)
			throw new BadInputException(String.format("%s='%s' holds %,d values (%.1f GB as 32-bit), more than this command can load into the %.1f GB of memory left; "
				+ "give Java more memory (ML4EM_JAVA_OPTS=-Xmx…) or crop the data first.", key, file, values, values * 4e-9, free * 1e-9));
	}

	private static void checkReadable(String key, Path file) {
		if (!Files.isRegularFile(file)) throw new BadInputException(key + "='" + file + "': no such file.");
		if (!Files.isReadable(file)) throw new BadInputException(key + "='" + file + "': the file is not readable.");
	}

	private static void checkFolder(String key, Path folder) {
		if (!Files.isDirectory(folder)) throw new BadInputException(key + "='" + folder + "': no such folder.");
	}

	private Module execute(Map<String, Object> inputs) throws InterruptedException {
		ModuleService modules = context.service(ModuleService.class);
		Module module = modules.createModule(info);
		// Parameters not given keep their declared defaults: resolving them stops SciJava from
		// filling them with values persisted by earlier runs, so a command line means the same
		// thing every time.
		for (ModuleItem<?> item : info.inputs())
			if (CommandCatalog.isUserInput(item) && !inputs.containsKey(item.getName())) module.resolveInput(item.getName());
		Thread hook = new Thread(() -> cancelAndWait(module), "ml4em-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			modules.run(module, true, inputs).get();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("\"" + info.getTitle() + "\" failed: " + e.getCause(), e.getCause());
		}
		finally {
			finished = true;
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// The hook is already running: it waits for us.
			}
		}
		String reason = cancelReason(module);
		if (reason != null) throw new BadInputException(reason);
		return module;
	}

	private void cancelAndWait(Module module) {
		if (module.getDelegateObject() instanceof Cancelable c) c.cancel("Interrupted from the console.");
		for (int i = 0; i < 100 && !finished; i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	private static String cancelReason(Module module) {
		if (module.getDelegateObject() instanceof Cancelable c && c.isCanceled())
			return c.getCancelReason() == null ? "The command was canceled." : c.getCancelReason();
		return null;
	}

	/** Commands that deliver {@link ResultFiles} write a folder: {@code output=} names it. */
	private boolean writesFolder() {
		for (ModuleItem<?> item : info.outputs())
			if (ResultFiles.class.isAssignableFrom(item.getType())) return true;
		return false;
	}

	/** Takes the {@code output_<suffix>=} keys of outputs written on request out of {@code args}. */
	private Map<String, Path> requestedOutputs(Map<String, String> args) {
		Map<String, Path> requested = new LinkedHashMap<>();
		for (ModuleItem<?> item : info.outputs()) {
			String file = OutputPlan.onRequest(item) ? args.remove(OutputPlan.requestKey(item)) : null;
			if (file != null) requested.put(item.getName(), Path.of(file));
		}
		return requested;
	}

	private boolean hasFileOutputs() {
		for (ModuleItem<?> item : info.outputs())
			if (OutputPlan.onRequest(item)) continue;
			else if (CommandCatalog.isImage(item) || org.ml4em.commands.ResultTable.class.isAssignableFrom(item.getType())
				|| org.ml4em.commands.SpectrumPlot.class.isAssignableFrom(item.getType())) return true;
		return false;
	}

	private void printTextOutputs(Module module) {
		for (ModuleItem<?> item : info.outputs())
			if (item.getType() == String.class && module.getOutput(item.getName()) != null) out.println(module.getOutput(item.getName()));
	}

	private static List<ModuleItem<?>> list(Iterable<ModuleItem<?>> items) {
		List<ModuleItem<?>> l = new ArrayList<>();
		items.forEach(l::add);
		return l;
	}
}
