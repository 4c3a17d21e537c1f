package org.ml4em.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.commands.CalibratedOutputs;
import org.ml4em.commands.CommandCatalog;
import org.ml4em.commands.OutputFiles;
import org.ml4em.commands.ResultTable;
import org.ml4em.commands.SpectrumPlot;
import org.ml4em.ij.SpectrumPlots;
import org.ml4em.io.CsvWriter;
import org.ml4em.io.PixelCalibration;
import org.ml4em.io.TiffWriter;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

/**
 * Where a command's outputs go when run headless: the first image output to the path given as
 * {@code output=}, further images to {@code <stem>_<name>.tif}, a single table to
 * {@code <stem>.csv} (several to {@code <stem>_<name>.csv}), plots to {@code <stem>_<name>.png};
 * text outputs are printed. A command without image outputs takes {@code output='<file>.csv'} for
 * its first table (further tables beside it). Images carry the pixel size the command reports
 * through {@link CalibratedOutputs}.
 * <p>
 * Every target is checked before the command runs (never an input, never an existing file unless
 * {@code --overwrite}); after it runs all files are written to hidden staging files first and
 * only then renamed into place, so a failure leaves no half-written result.
 */
final class OutputPlan {

	private final Path primary;
	private final boolean overwrite;
	private final Map<String, Path> targets = new LinkedHashMap<>();

	/**
	 * @param allOutputs the command's output items
	 * @param primary the path given as {@code output=}
	 * @param inputs files the command reads: never to be overwritten
	 * @param requested files of outputs written on request ({@link OutputFiles#ON_REQUEST}), by output name
	 */
	OutputPlan(List<ModuleItem<?>> allOutputs, Path primary, List<Path> inputs, Map<String, Path> requested, boolean overwrite) {
		List<ModuleItem<?>> outputs = allOutputs.stream().filter(o -> !onRequest(o)).toList();
		this.primary = primary.toAbsolutePath().normalize();
		this.overwrite = overwrite;
		String name = this.primary.getFileName().toString().toLowerCase();
		if (tablesOnly(outputs)) {
			if (!name.endsWith(".csv")) throw new BadInputException("output='" + primary + "' must name a .csv file: this command writes tables only.");
		}
		else if (!name.matches(".*\\.tiff?"))
			throw new BadInputException("output='" + primary + "' must name a .tif file; tables are written beside it as .csv.");
		planTargets(outputs);
		requested.forEach((item, file) -> targets.put(item, file.toAbsolutePath().normalize()));
		for (Path target : targets.values()) checkTarget(target, inputs);
	}

	private void planTargets(List<ModuleItem<?>> outputs) {
		String name = primary.getFileName().toString();
		fileNames(outputs, name, name.replaceFirst("\\.[^.]*$", "")).forEach((item, file) -> targets.put(item, primary.resolveSibling(file)));
	}

	/**
	 * The file name of each output that is written to a file, by output name: the one naming rule,
	 * shared with {@code --list}.
	 *
	 * @param primaryName the file name given as {@code output=}
	 * @param stem that name without its extension
	 */
	static Map<String, String> fileNames(List<ModuleItem<?>> outputs, String primaryName, String stem) {
		Map<String, String> names = new LinkedHashMap<>();
		outputs = outputs.stream().filter(o -> !onRequest(o)).toList();
		long tables = outputs.stream().filter(o -> ResultTable.class.isAssignableFrom(o.getType())).count();
		if (tablesOnly(outputs)) {
			boolean first = true;
			for (ModuleItem<?> item : outputs)
				if (ResultTable.class.isAssignableFrom(item.getType())) {
					names.put(item.getName(), first ? primaryName : stem + "_" + suffix(item) + ".csv");
					first = false;
				}
			return names;
		}
		boolean firstImage = true;
		for (ModuleItem<?> item : outputs) {
			if (CommandCatalog.isImage(item)) {
				names.put(item.getName(), firstImage ? primaryName : stem + "_" + suffix(item) + ".tif");
				firstImage = false;
			}
			else if (ResultTable.class.isAssignableFrom(item.getType()))
				names.put(item.getName(), tables == 1 ? stem + ".csv" : stem + "_" + suffix(item) + ".csv");
			else if (SpectrumPlot.class.isAssignableFrom(item.getType()))
				names.put(item.getName(), stem + "_" + suffix(item) + ".png");
		}
		return names;
	}

	/** {@return whether the outputs that go to files without being asked for are tables only} */
	static boolean tablesOnly(List<ModuleItem<?>> outputs) {
		return outputs.stream().filter(o -> !onRequest(o)).noneMatch(o -> CommandCatalog.isImage(o) || SpectrumPlot.class.isAssignableFrom(o.getType()))
			&& outputs.stream().anyMatch(o -> ResultTable.class.isAssignableFrom(o.getType()));
	}

	/** {@return whether an output is written only to the file {@code output_<suffix>=} names} */
	static boolean onRequest(ModuleItem<?> item) {
		return item.get(OutputFiles.ON_REQUEST) != null;
	}

	/** {@return the launcher key that names an on-request output's file: output_ and its suffix} */
	static String requestKey(ModuleItem<?> item) {
		return OutputFiles.REQUEST_PREFIX + suffix(item);
	}

	private static String suffix(ModuleItem<?> item) {
		String suffix = item.get(OutputFiles.SUFFIX);
		return suffix == null ? item.getName() : suffix;
	}

	private void checkTarget(Path target, List<Path> inputs) {
		for (Path input : inputs)
			if (sameFile(input, target)) throw new BadInputException("The output " + target + " would overwrite the input; choose another output path.");
		if (Files.exists(target) && !overwrite)
			throw new BadInputException("The output " + target + " already exists; remove it, choose another output path, or add --overwrite.");
		Path dir = target.getParent();
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new BadInputException("Cannot create the output folder " + dir + " (" + e.getMessage() + ").");
		}
		if (!Files.isWritable(dir)) throw new BadInputException("The output folder " + dir + " is not writable.");
	}

	private static boolean sameFile(Path a, Path b) {
		try {
			return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b) : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
		}
		catch (IOException e) {
			return false;
		}
	}

	/** Writes every planned output of the finished module; returns the files written. */
	List<Path> write(Module module) throws IOException {
		Map<Path, Path> staged = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, Path> t : targets.entrySet()) {
				Object value = module.getOutput(t.getKey());
				if (value == null) continue;
				Path staging = t.getValue().resolveSibling("." + t.getValue().getFileName() + ".partial");
				Files.deleteIfExists(staging);
				PixelCalibration calibration = module.getDelegateObject() instanceof CalibratedOutputs c ? c.calibration(t.getKey()) : null;
				writeOne(value, staging, calibration);
				staged.put(staging, t.getValue());
			}
			List<Path> written = new ArrayList<>();
			for (Map.Entry<Path, Path> s : staged.entrySet()) {
				Files.move(s.getKey(), s.getValue(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
				written.add(s.getValue());
			}
			return written;
		}
		finally {
			for (Path s : staged.keySet()) Files.deleteIfExists(s);
		}
	}

	@SuppressWarnings("unchecked")
	private static void writeOne(Object value, Path file, PixelCalibration calibration) throws IOException {
		if (value instanceof ResultTable table) CsvWriter.write(file, table.header(), table.rows(), false);
		else if (value instanceof SpectrumPlot plot) SpectrumPlots.writePng(plot, file);
		else {
			RandomAccessibleInterval<? extends RealType<?>> img = (RandomAccessibleInterval<? extends RealType<?>>) value;
			TiffWriter.write(img, file, pixelType(img), calibration, false);
		}
	}

	private static TiffWriter.PixelType pixelType(RandomAccessibleInterval<? extends RealType<?>> img) {
		Object type = img.getType();
		if (type instanceof UnsignedByteType) return TiffWriter.PixelType.UINT8;
		if (type instanceof UnsignedShortType) return TiffWriter.PixelType.UINT16;
		return TiffWriter.PixelType.FLOAT32;
	}
}
