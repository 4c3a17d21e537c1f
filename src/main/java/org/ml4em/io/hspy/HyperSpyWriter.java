package org.ml4em.io.hspy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.io.AtomicFileWriter;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

/**
 * Writes a signal as a HyperSpy {@code .hspy} file (file format 3.1) that HyperSpy 1.7+ and
 * RosettaSciIO open with its axes, title, signal type and beam energy.
 * <pre>{@code
 * HyperSpyWriter.write(signal, Path.of("out.hspy"), false);
 * HyperSpyWriter.write(signal, Path.of("small.hspy"), HyperSpyWriter.Storage.CHUNKED_DEFLATE, true);
 * }</pre>
 * Layout: root attributes {@code file_format = "HyperSpy"}, {@code file_format_version = "3.1"};
 * the values in {@code /Experiments/<title>/data} in NumPy order (the signal's fastest axis last);
 * one {@code axis-i} group per axis, also in NumPy order, with {@code name}, {@code scale},
 * {@code offset}, {@code units}, {@code size} and {@code navigate} (empty names and units are left
 * out, which HyperSpy shows as undefined); {@code metadata} with {@code General/title},
 * {@code Signal/signal_type}, {@code Signal/record_by} and, when known,
 * {@code Acquisition_instrument/TEM/beam_energy} (keV) and {@code microscope}. A signal read from a
 * HyperSpy file keeps its metadata and original metadata; other signals' metadata (DM tags…)
 * becomes {@code original_metadata}.
 * <p>
 * Element types int8 … uint64, float32 and float64 are written as they are; bool as uint8 (jhdf
 * cannot write NumPy's bool type for data sets); complex and RGBA are refused. The values are
 * copied into memory once, as jhdf writes from Java arrays. The file appears atomically: a failed
 * write leaves no partial file and the old file, if any, unchanged; before it replaces the target,
 * the written file is read back. Stateless and thread-safe.
 */
public final class HyperSpyWriter {

	/** How the values are laid out in the file. */
	public enum Storage {
		/** One uncompressed block: fastest to write, and memory-mapped when read by ML4EM. */
		CONTIGUOUS,
		/** HyperSpy's default: chunks holding whole signals where possible, shuffled and deflated (gzip level 4). */
		CHUNKED_DEFLATE
	}

	/** The HyperSpy file format version written. */
	public static final String FORMAT_VERSION = "3.1";

	/** h5py's default gzip level, which HyperSpy uses. */
	private static final int DEFLATE_LEVEL = 4;

	private HyperSpyWriter() {}

	/**
	 * Writes a signal uncompressed ({@link Storage#CONTIGUOUS}).
	 *
	 * @param signal the signal
	 * @param file the file to write, usually ending in ".hspy"
	 * @param overwrite whether an existing file may be replaced
	 * @throws IOException when the file exists and {@code overwrite} is false, or writing fails
	 * @throws BadInputException for complex or RGBA values, or axes too long for Java arrays
	 */
	public static void write(EmSignal signal, Path file, boolean overwrite) throws IOException {
		write(signal, file, Storage.CONTIGUOUS, overwrite);
	}

	/**
	 * Writes a signal.
	 *
	 * @param signal the signal
	 * @param file the file to write, usually ending in ".hspy"
	 * @param storage how the values are laid out
	 * @param overwrite whether an existing file may be replaced
	 * @throws IOException when the file exists and {@code overwrite} is false, the signal's values
	 *     cannot be read (a closed or damaged source file), or writing fails
	 * @throws BadInputException for complex or RGBA values, axes too long for Java arrays, or
	 *     compressed data beyond jhdf's 2 GiB limit
	 */
	public static void write(EmSignal signal, Path file, Storage storage, boolean overwrite) throws IOException {
		Objects.requireNonNull(signal, "signal");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(storage, "storage");
		ElementType stored = signal.type() == ElementType.BOOL ? ElementType.UINT8 : signal.type();
		NumpyArrays.javaType(stored); // refuses complex and RGBA before any work
		long[] shape = numpyShape(signal.axes());
		DatasetCreationOptions options = options(signal, stored, storage);
		Object data;
		try {
			data = NumpyArrays.of(signal.values(), shape, signal.type());
		} catch (UncheckedIOException e) {
			throw new IOException("Cannot write HyperSpy file '" + file + "': the signal's values cannot be read ("
				+ e.getCause().getMessage() + ").", e.getCause());
		}
		AtomicFileWriter.writePath(file, "HyperSpy", overwrite, temp -> {
			writeHdf(temp, signal, data, options);
			WrittenFileCheck.verify(temp, signal, stored);
		});
	}

	private static void writeHdf(Path temp, EmSignal signal, Object data, DatasetCreationOptions options) throws IOException {
		try (WritableHdfFile hdf = HdfFile.write(temp)) {
			hdf.putAttribute("file_format", "HyperSpy");
			hdf.putAttribute("file_format_version", FORMAT_VERSION);
			String title = signal.title().isEmpty() ? HyperSpyMetadata.UNNAMED : HdfTreeWriter.linkName(signal.title());
			WritableGroup experiment = hdf.putGroup("Experiments").putGroup(title);
			writeAxes(experiment, signal.axes());
			experiment.putDataset("data", data, options);
			HdfTreeWriter.write(experiment.putGroup("metadata"), WrittenMetadata.metadata(signal));
			HdfTreeWriter.write(experiment.putGroup("original_metadata"), WrittenMetadata.original(signal));
			JhdfEndPadding.apply(hdf);
		} catch (HdfException | IllegalArgumentException | IllegalStateException e) {
			throw new IOException("jhdf could not write it (" + e.getMessage() + ")", e);
		}
	}

	private static void writeAxes(WritableGroup experiment, List<Axis> axes) throws IOException {
		for (int d = 0; d < axes.size(); d++) {
			Axis axis = axes.get(d);
			WritableGroup group = experiment.putGroup("axis-" + (axes.size() - 1 - d)); // NumPy order
			if (!axis.name().isEmpty())
				group.putAttribute("name", axis.name());
			group.putAttribute("scale", axis.scale());
			group.putAttribute("offset", axis.offset());
			if (!axis.units().isEmpty())
				group.putAttribute("units", axis.units());
			group.putAttribute("size", axis.size());
			BooleanAttribute.put(group, "navigate", axis.navigate());
		}
	}

	private static long[] numpyShape(List<Axis> axes) {
		long[] shape = new long[axes.size()];
		for (int d = 0; d < shape.length; d++)
			shape[shape.length - 1 - d] = axes.get(d).size();
		return shape;
	}

	private static DatasetCreationOptions options(EmSignal signal, ElementType stored, Storage storage) {
		DatasetCreationOptions.Builder b = DatasetCreationOptions.builder();
		boolean unsigned = switch (stored) {
			case UINT8, UINT16, UINT32, UINT64 -> true;
			default -> false;
		};
		if (unsigned)
			b.unsigned();
		if (storage == Storage.CHUNKED_DEFLATE && !signal.axes().isEmpty()) {
			if (signal.size() * stored.bytes() > Integer.MAX_VALUE)
				throw new BadInputException("jhdf compresses data sets of up to 2 GiB; this signal has "
					+ signal.size() * stored.bytes() + " bytes; write it with Storage.CONTIGUOUS");
			b.chunkDimensions(HyperSpyChunks.of(signal.axes(), stored.bytes())).shuffle().deflate(DEFLATE_LEVEL);
		}
		return b.build();
	}
}
