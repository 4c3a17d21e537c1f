package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.AtomicFileWriter;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;

/**
 * Writes one signal as a Gatan DM3 or DM4 file that {@link DmReader}, HyperSpy and
 * DigitalMicrograph read, with its calibrated axes, title, signal type and main acquisition
 * settings (beam energy, exposure, microscope, detector, date).
 * <pre>{@code
 * DmWriter writer = new DmWriter(DmWriter.Version.DM4, ByteOrder.LITTLE_ENDIAN, false);
 * writer.write(signal, Path.of("si.dm4"));
 * }</pre>
 * Axes are written in the signal's order, fastest first; the reader gives back their sizes,
 * calibrations (to float32 precision, as DM stores them) and units, and names them as HyperSpy
 * does (see {@link DmAxes}): "Energy loss" for the eV axis of an EELS signal, "x", "y", "z" for
 * the others; other names are not stored. The values are streamed from the signal's
 * {@link org.ml4em.io.StoredValues} a chunk at a time, so a signal larger than the heap can be
 * written; blocks of zeros are skipped rather than written, which makes a mostly-empty file
 * sparse on file systems that support it. Only the signal's own settings are written, not the
 * tags it was read with; no thumbnail is written. DM3 files are limited to 4 GiB.
 * <p>
 * For files meant for HyperSpy: its reader (RosettaSciIO, checked at commit bc254db) reads the
 * image data in the machine's byte order whatever the file's flag says, so it misreads
 * big-endian files — write little-endian ones, as DM itself does on PCs and {@link #of} does —
 * and it has no entry for DM's int64 and uint64 types (39, 40), which it refuses.
 * <p>
 * The file appears atomically: a failed write leaves no partial file and any old file unchanged.
 * Immutable and thread-safe, as long as nobody changes the values while they are written.
 *
 * @param version DM3 or DM4
 * @param byteOrder byte order of the values (the tag structure is big-endian in any case)
 * @param overwrite whether an existing file may be replaced
 */
public record DmWriter(Version version, ByteOrder byteOrder, boolean overwrite) {

	/** The two versions of the format. */
	public enum Version {
		/** DM3: 4-byte lengths, files up to 4 GiB. */
		DM3,
		/** DM4: 8-byte lengths, no size limit. */
		DM4
	}

	private static final long DM3_LIMIT = 0xFFFF_FFFFL;

	/**
	 * Checks the settings.
	 *
	 * @param version DM3 or DM4
	 * @param byteOrder byte order of the values
	 * @param overwrite whether an existing file may be replaced
	 */
	public DmWriter {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(byteOrder, "byteOrder");
	}

	/**
	 * {@return a writer of little-endian files (as DM writes on PCs) that never overwrites}
	 *
	 * @param version DM3 or DM4
	 */
	public static DmWriter of(Version version) {
		return new DmWriter(version, ByteOrder.LITTLE_ENDIAN, false);
	}

	/**
	 * Writes a signal.
	 *
	 * @param signal the signal; its values must be of a real type, integer types holding whole
	 *     numbers within their range
	 * @param file the file to create or replace; its folder must exist
	 * @throws BadInputException when the data are complex or RGBA, a value does not fit the
	 *     element type, there are more than 16 axes or one is longer than 2^32 − 1, or a DM3 file
	 *     would exceed 4 GiB
	 * @throws IOException when the file exists and overwriting is off, or writing fails; the
	 *     message names the file
	 */
	public void write(EmSignal signal, Path file) throws IOException {
		Objects.requireNonNull(signal, "signal");
		Objects.requireNonNull(file, "file");
		signal.values().requireReal();
		if (signal.axes().size() > DmImage.MAX_DIMENSIONS)
			throw new BadInputException("the signal has " + signal.axes().size() + " axes; a DM file takes at most "
				+ DmImage.MAX_DIMENSIONS);
		for (Axis a : signal.axes())
			if (a.size() > DM3_LIMIT)
				throw new BadInputException("axis '" + a.name() + "' has " + a.size()
					+ " samples; a DM file takes at most 4294967295 per axis");
		DmTagNode.Group root = DmWriteTags.root(signal, new DmTagNode.Data(signal.values(), signal.type()));
		int v = version == Version.DM4 ? 4 : 3;
		long rootBytes = root.contentBytes(v);
		if (v == 3 && (rootBytes > DM3_LIMIT || signal.size() > DM3_LIMIT))
			throw new BadInputException("the signal needs " + rootBytes + " bytes, more than a DM3 file can hold "
				+ "(4 GiB); write it as DM4");
		AtomicFileWriter.writeChannel(file, version.name(), overwrite, channel -> {
			DmOutput out = new DmOutput(channel, v, byteOrder);
			out.be32(v);
			out.length(rootBytes);
			out.be32(byteOrder == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
			root.write(out);
			out.bytes(new byte[8]); // DM ends its files with 8 zero bytes
			out.flush();
		});
	}

	/**
	 * Writes values with their axes and nothing else known (no title, no signal type).
	 *
	 * @param axes the axes, fastest first
	 * @param type how to store the values (a real type)
	 * @param values the values in storage order
	 * @param file the file to create or replace
	 * @throws BadInputException see {@link #write(EmSignal, Path)}, and when the axes do not
	 *     describe {@code values.length} values
	 * @throws IOException see {@link #write(EmSignal, Path)}
	 */
	public void write(List<Axis> axes, ElementType type, double[] values, Path file) throws IOException {
		EmSignal signal;
		try {
			signal = new EmSignal("", "", axes, new ArrayValues(type, values), AcquisitionInfo.UNKNOWN, Map.of());
		} catch (IllegalArgumentException e) {
			throw new BadInputException(e.getMessage(), e);
		}
		write(signal, file);
	}
}
