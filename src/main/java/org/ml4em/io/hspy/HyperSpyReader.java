package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.ml4em.io.EmFile;

import io.jhdf.HdfFile;

/**
 * Reads HyperSpy {@code .hspy} files (HDF5, file format versions 1.0 to 3.1, as written by HyperSpy
 * and RosettaSciIO) with the pure-Java HDF5 library jhdf.
 * <pre>{@code
 * try (EmFile f = HyperSpyReader.read(Path.of("si.hspy"))) {   // or EmFiles.open(...)
 *     EmSignal s = f.signal();
 *     Axis energy = s.axes().get(0);                 // fastest first: HyperSpy's last axis
 *     double beamKeV = s.acquisition().beamEnergyKeV();
 *     Map<?, ?> metadata = (Map<?, ?>) s.metadata().get("metadata");
 * }
 * }</pre>
 * Every group {@code /Experiments/<name>} holding a {@code data} data set becomes an
 * {@link org.ml4em.io.EmSignal}: axes from its {@code axis-i} groups, listed fastest first (HyperSpy
 * lists them slowest first, as NumPy does); title, signal type and {@link org.ml4em.io.AcquisitionInfo}
 * from its {@code metadata}. The signal's metadata map holds {@code "metadata"} and
 * {@code "original_metadata"} as nested maps; {@link EmFile#tags()} holds the whole file, root
 * attributes ({@code file_format}, {@code file_format_version}) included, with data sets described
 * rather than copied.
 * <p>
 * Values stay in the file: uncompressed data are memory-mapped, chunked and compressed data are
 * decompressed a slab at a time. Keep the {@link EmFile} open while reading values; closing it
 * closes the HDF5 file. Element types: int8 … uint64, float32, float64, bool; complex64/128 and rgba8
 * are reported but their values refused. Stateless and thread-safe; the returned file's values may be
 * read from several threads.
 */
public final class HyperSpyReader {

	private HyperSpyReader() {}

	/**
	 * Opens a HyperSpy file.
	 *
	 * @param file the file
	 * @return the opened file, with format "HyperSpy"; close it when done
	 * @throws IOException with one sentence naming the file when it is not HDF5, HDF5 but not
	 *     HyperSpy, truncated, damaged, or holds data ML4EM has no type for
	 */
	public static EmFile read(Path file) throws IOException {
		String name = String.valueOf(file.getFileName());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
		HdfFile hdf = null;
		try {
			requireWholeHdf5(channel, name);
			// jhdf's HdfFile(Path) would leave its channel open when the file is refused; this one is ours to close
			hdf = new HdfFile(channel);
			return new HyperSpyFile(file, hdf, new OpenHdfFile(channel, hdf)).read();
		} catch (IOException e) {
			close(new OpenHdfFile(channel, hdf), e);
			throw e;
		} catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
			// jhdf reports malformed structures with runtime exceptions, deep recursion, or a failed
			// allocation of a size read from the damaged file
			close(new OpenHdfFile(channel, hdf), e);
			throw new IOException(name + " is damaged or not a readable HDF5 file (" + describe(e) + ").", e);
		}
	}

	/** Refuses files that are not HDF5, and truncated ones, before jhdf trips over them somewhere. */
	private static void requireWholeHdf5(FileChannel channel, String name) throws IOException {
		if (!HdfSuperblock.startsWithSignature(channel))
			throw new IOException(name + " is not an HDF5 file (" + (channel.size() == 0 ? "it is empty"
				: "it does not start with the HDF5 signature") + "); expected a .hspy written by HyperSpy.");
		long declared = HdfSuperblock.declaredLength(channel);
		if (declared > channel.size())
			throw new IOException(name + " is truncated: its HDF5 header declares " + declared + " bytes but the file has "
				+ channel.size() + "; copy or save it again.");
	}

	private static String describe(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

	private static void close(OpenHdfFile open, Throwable failure) {
		try {
			open.close();
		} catch (IOException e) {
			failure.addSuppressed(e);
		}
	}
}
