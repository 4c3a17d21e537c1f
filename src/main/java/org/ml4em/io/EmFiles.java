package org.ml4em.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.ml4em.io.dm.DmReader;
import org.ml4em.io.hspy.HyperSpyReader;

/**
 * Opens any file ML4EM reads — Gatan DM3/DM4, HyperSpy {@code .hspy}, TIFF — recognising the
 * format by the file's first bytes, not by its name.
 * <pre>{@code
 * try (EmFile f = EmFiles.open(Path.of("si.dm4"))) {
 *     EmSignal s = f.signal();          // axes fastest first, values read on demand
 *     Axis energy = s.axes().get(s.energyAxis());
 * }
 * }</pre>
 */
public final class EmFiles {

	private static final byte[] HDF5_SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private EmFiles() {}

	/**
	 * Opens a file; TIFF stacks get channel numbers as energies (origin 0, step 1 eV).
	 *
	 * @param file the file
	 * @return the opened file; close it when done
	 * @throws IOException with one clear sentence when the file is missing, unreadable, of an
	 *     unknown format, truncated or damaged
	 */
	public static EmFile open(Path file) throws IOException {
		return open(file, EnergyCalibration.CHANNELS);
	}

	/**
	 * Opens a file.
	 *
	 * @param file the file
	 * @param tiffEnergy energy calibration of the planes of a TIFF stack (other formats calibrate
	 *     themselves and ignore it)
	 * @return the opened file; close it when done
	 * @throws IOException with one clear sentence when the file is missing, unreadable, of an
	 *     unknown format, truncated or damaged
	 */
	public static EmFile open(Path file, EnergyCalibration tiffEnergy) throws IOException {
		return switch (detect(file)) {
			case DM -> DmReader.read(file);
			case HDF5 -> HyperSpyReader.read(file);
			case TIFF -> TiffSignals.read(file, tiffEnergy);
		};
	}

	/** The formats told apart by their first bytes. */
	enum Format { DM, HDF5, TIFF }

	static Format detect(Path file) throws IOException {
		if (!Files.exists(file))
			throw new NoSuchFileException(file.toString(), null, "no such file");
		if (Files.isDirectory(file))
			throw new IOException(file + " is a folder; expected a DM3, DM4, .hspy or TIFF file");
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0 && (head[3] == 3 || head[3] == 4))
			return Format.DM;
		if (n == 8 && Arrays.equals(head, HDF5_SIGNATURE))
			return Format.HDF5;
		if (n >= 4 && (head[0] == 'I' && head[1] == 'I' || head[0] == 'M' && head[1] == 'M'))
			return Format.TIFF;
		throw new IOException(file.getFileName() + " is not a file ML4EM can read (" + (n == 0 ? "it is empty" : "unknown first bytes")
			+ "); expected a Gatan DM3/DM4, HyperSpy .hspy (HDF5) or TIFF file");
	}
}
