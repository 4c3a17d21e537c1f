package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;
import org.ml4em.io.MappedValues;
import org.ml4em.io.StoredValues;
import org.ml4em.io.TagTrees;

/** Turns one entry of a DM file's {@code ImageList} into an {@link EmSignal}. */
final class DmImage {

	/** DM images have up to 4 dimensions; more can only come from damage. */
	static final int MAX_DIMENSIONS = 16;

	private DmImage() {}

	/**
	 * {@return the signal of one image; its values stay in the file, memory-mapped}
	 *
	 * @param file the DM file
	 * @param tree its parsed tags
	 * @param image the ImageList entry
	 * @throws IOException (message without the file name) when the image's tags are missing,
	 *     inconsistent or absurd
	 */
	static EmSignal signal(Path file, DmTagTree tree, Map<String, Object> image) throws IOException {
		Map<String, Object> imageData = DmTags.group(image, "ImageData");
		if (imageData == null)
			throw new IOException("it has no ImageData group");
		long code = dataType(imageData);
		DmDataBlock data = tree.block(imageData.get("Data"));
		if (data == null)
			throw new IOException("it has no ImageData.Data array");
		long[] shape = shape(imageData);
		long pixels = product(shape);
		ElementType type = DmDataTypes.elementType(code, data);
		DmDataTypes.checkAgreement(code, type, shape, pixels, data);
		StoredValues values = DmDataTypes.isPacked(code) ? new PackedComplexValues(type, pixels)
			: new MappedValues(file, data.offset(), type, data.order(), pixels);

		Map<String, Object> imageTags = DmTags.group(image, "ImageTags");
		String signalType = signalType(imageTags);
		List<Axis> axes = DmAxes.of(shape, imageData, signalType, format(imageTags));
		AcquisitionInfo acquisition = DmAcquisition.of(imageTags, signalType, axes, spectralAxis(axes, signalType));
		String title = image.get("Name") instanceof String name ? name : "";
		return new EmSignal(title, signalType, axes, values, acquisition, image);
	}

	/**
	 * {@return the signal type as HyperSpy names it: "EELS", "EDS_TEM" (DM's "X-ray"), "CL", or
	 * else what {@code ImageTags.Meta Data.Signal} says ("" when absent)}
	 *
	 * @param imageTags the image's ImageTags group (may be null)
	 */
	static String signalType(Map<String, Object> imageTags) {
		if (imageTags == null)
			return "";
		String signal = DmTags.text(imageTags, "Meta Data", "Signal");
		if ("X-ray".equals(signal))
			return "EDS_TEM";
		if ("CL".equals(signal) || TagTrees.get(imageTags, "Acquisition", "Monarc Spectrometer") != null)
			return "CL";
		if ("EELS".equals(signal) || TagTrees.get(imageTags, "spim", "eels") != null)
			return "EELS";
		return signal == null ? "" : signal;
	}

	private static String format(Map<String, Object> imageTags) {
		if (imageTags == null)
			return null;
		if (imageTags.containsKey("spim"))
			return "Spectrum image"; // Orsay's spectrum images
		return DmTags.text(imageTags, "Meta Data", "Format");
	}

	private static int spectralAxis(List<Axis> axes, String signalType) {
		String[] units = new String[axes.size()];
		for (int d = 0; d < units.length; d++)
			units[d] = axes.get(d).units();
		return DmAxes.spectralAxis(signalType, units);
	}

	private static long dataType(Map<String, Object> imageData) throws IOException {
		Object code = imageData.get("DataType");
		if (!(code instanceof Long value))
			throw new IOException(code == null ? "it has no ImageData.DataType tag"
				: "its ImageData.DataType is " + code + "; expected an integer code");
		return value;
	}

	/** ImageData.Dimensions: one positive integer per dimension, fastest first. */
	private static long[] shape(Map<String, Object> imageData) throws IOException {
		Map<String, Object> dimensions = DmTags.group(imageData, "Dimensions");
		if (dimensions == null || dimensions.isEmpty())
			throw new IOException("it has no ImageData.Dimensions");
		if (dimensions.size() > MAX_DIMENSIONS)
			throw new IOException("it has " + dimensions.size() + " dimensions; expected at most " + MAX_DIMENSIONS);
		long[] shape = new long[dimensions.size()];
		int d = 0;
		for (Object size : dimensions.values()) {
			if (!(size instanceof Long n) || n < 1)
				throw new IOException("its dimension " + d + " has size " + size + "; expected a positive integer");
			shape[d++] = n;
		}
		return shape;
	}

	private static long product(long[] shape) throws IOException {
		long n = 1;
		for (long s : shape) {
			if (n > Long.MAX_VALUE / s)
				throw new IOException("its dimensions multiply to more than 2^63 values");
			n *= s;
		}
		return n;
	}
}
