package org.ml4em.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.commands.ResultFiles;
import org.ml4em.commands.ResultTable;
import org.ml4em.commands.SpectrumPlot;
import org.ml4em.ij.SpectrumPlots;
import org.ml4em.io.CsvWriter;
import org.ml4em.io.Folders;
import org.ml4em.io.TiffWriter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Where a command that delivers {@link ResultFiles} writes them headless: into the folder given as
 * {@code output=}. The folder must be new or empty (or {@code --overwrite}, which replaces it); the
 * files are written into a hidden staging folder beside it, which is renamed only when complete.
 */
public final class FolderOutput {

	private final Path folder;

	/**
	 * @param folder the folder to create
	 * @param inputs the input files, which the folder must not contain
	 * @param overwrite whether a non-empty folder may be replaced
	 * @throws BadInputException when the folder cannot be used, saying why
	 */
	public FolderOutput(Path folder, List<Path> inputs, boolean overwrite) {
		this.folder = folder.toAbsolutePath().normalize();
		for (Path input : inputs)
			if (input.toAbsolutePath().normalize().startsWith(this.folder))
				throw new BadInputException("output='" + folder + "' contains the input " + input + "; choose another output folder.");
		if (Files.isRegularFile(this.folder))
			throw new BadInputException("output='" + folder + "' is a file; this command writes a folder of results, give a folder name.");
		if (!overwrite && Files.isDirectory(this.folder) && !isEmpty(this.folder))
			throw new BadInputException("The output folder " + folder + " exists and is not empty; choose a new folder, or add --overwrite.");
		try {
			Files.createDirectories(this.folder.getParent());
		}
		catch (IOException e) {
			throw new BadInputException("Cannot create the output folder " + this.folder.getParent() + " (" + e.getMessage() + ").");
		}
	}

	/** Writes the files; returns what was written. */
	public List<Path> write(ResultFiles results) throws IOException {
		Path staging = folder.resolveSibling("." + folder.getFileName() + ".partial");
		Folders.deleteTree(staging);
		Files.createDirectory(staging);
		try {
			for (Map.Entry<String, Object> f : results.files().entrySet())
				writeOne(f.getValue(), staging.resolve(f.getKey()));
			if (Files.exists(folder))
				Folders.deleteTree(folder); // empty, or --overwrite
			Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Folders.deleteTree(staging);
		}
		List<Path> written = new ArrayList<>();
		for (String name : results.files().keySet())
			written.add(folder.resolve(name));
		return written;
	}

	@SuppressWarnings("unchecked")
	private static void writeOne(Object content, Path file) throws IOException {
		if (content instanceof ResultTable table)
			CsvWriter.write(file, table.header(), table.rows(), false);
		else if (content instanceof SpectrumPlot plot)
			SpectrumPlots.writePng(plot, file);
		else if (content instanceof ResultFiles.Folder dir) {
			Files.createDirectory(file);
			dir.writeTo(file);
		}
		else if (content instanceof ResultFiles.FileContent f)
			f.writeTo(file);
		else if (content instanceof ResultFiles.Image image)
			TiffWriter.write(image.image(), file, TiffWriter.PixelType.FLOAT32, image.calibration(), false);
		else if (content instanceof RandomAccessibleInterval<?> image)
			TiffWriter.write((RandomAccessibleInterval<? extends RealType<?>>) image, file, TiffWriter.PixelType.FLOAT32, null, false);
		else
			throw new IllegalArgumentException("cannot write " + content.getClass().getSimpleName() + " to " + file.getFileName());
	}

	private static boolean isEmpty(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.findAny().isEmpty();
		}
		catch (IOException e) {
			return false;
		}
	}
}
