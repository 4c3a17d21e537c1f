package org.ml4em.ij;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.BadInputException;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.io.FileInfo;
import ij.io.OpenDialog;
import ij.plugin.PlugIn;

/**
 * {@code File > Import > Gatan DM3/DM4 (ML4EM)}, {@code File > Import > HyperSpy (ML4EM)} and
 * {@code Plugins > ML4EM > Open EM File}: opens every signal of a DM3, DM4, .hspy (or TIFF) file
 * as a calibrated image or stack (see {@link EmImages}), metadata in Image > Show Info.
 * <p>
 * Macro: {@code run("Gatan DM3/DM4 (ML4EM)", "open=/data/si.dm4");} — the format is recognised
 * from the file's content, so each entry opens any of the formats. A file that cannot be read
 * stops the macro with the reason, as ImageJ's own {@code open()} does; with the extra key
 * {@code log_errors} the reason goes to the Log window instead and the macro goes on (batch
 * conversion: check {@code nImages}).
 */
public class OpenEmFile_ implements PlugIn {

	@Override
	public void run(String arg) {
		String kind = switch (arg == null ? "" : arg) {
			case "dm" -> "Gatan DM3/DM4";
			case "hspy" -> "HyperSpy";
			default -> "EM";
		};
		String options = Macro.getOptions();
		boolean logErrors = options != null && (" " + options).contains(" log_errors");
		OpenDialog dialog = new OpenDialog("Open " + kind + " file");
		if (dialog.getFileName() == null)
			return;
		Path file = Path.of(dialog.getDirectory(), dialog.getFileName());
		try {
			for (ImagePlus imp : open(file))
				imp.show();
		}
		catch (IOException | BadInputException e) {
			if (logErrors)
				IJ.log("ML4EM: " + e.getMessage());
			else
				IJ.error("ML4EM", e.getMessage());
		}
	}

	/** Where the image came from, so that commands reading files can offer it (see {@link CurrentImageFileInput}). */
	private static FileInfo sourceInfo(Path file) {
		FileInfo info = new FileInfo();
		Path absolute = file.toAbsolutePath();
		info.directory = absolute.getParent() + File.separator;
		info.fileName = absolute.getFileName().toString();
		return info;
	}

	/**
	 * Opens every signal of a file as an image, without showing them.
	 *
	 * @param file the file
	 * @return one image per signal, the main one first
	 * @throws IOException when the file cannot be read, with one clear sentence
	 */
	public static ImagePlus[] open(Path file) throws IOException {
		String name = file.getFileName().toString();
		EmFile em = EmFiles.open(file);
		boolean virtual = false;
		try {
			ImagePlus[] images = new ImagePlus[em.signals().size()];
			for (int i = 0; i < images.length; i++) {
				EmSignal s = em.signals().get(i);
				String title = images.length == 1 ? name : name + " - " + (s.title().isEmpty() ? "signal " + (i + 1) : s.title());
				images[i] = EmImages.toImagePlus(s, title, EmImages.infoText(s, em.tags()));
				images[i].setFileInfo(sourceInfo(file));
				virtual |= images[i].getStack().isVirtual();
			}
			return images;
		}
		finally {
			// A virtual stack reads from the file while it is shown, so the file stays open then
			// (a memory-mapped DM file needs nothing open; an HDF5 file does).
			if (!virtual)
				em.close();
		}
	}
}
