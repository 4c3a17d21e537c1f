package org.ml4em.io.hspy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.StoredValues;
import org.ml4em.io.TagTrees;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/** One HyperSpy file being opened: finds its experiments and turns each into an {@link EmSignal}. */
final class HyperSpyFile {

	/** NumPy allows 64 dimensions; HyperSpy signals have a handful. */
	private static final int MAX_RANK = 32;

	private final Path file;

	private final String name;

	private final HdfFile hdf;

	private final Closeable resource;

	/**
	 * @param file the file's path
	 * @param hdf jhdf's view of it
	 * @param resource what closes it
	 */
	HyperSpyFile(Path file, HdfFile hdf, Closeable resource) {
		this.file = file;
		this.name = String.valueOf(file.getFileName());
		this.hdf = hdf;
		this.resource = resource;
	}

	/** {@return the opened file} @throws IOException when it is not HyperSpy or its data cannot be read */
	EmFile read() throws IOException {
		Map<String, Object> tags = HdfTree.read(hdf);
		List<EmSignal> signals = new ArrayList<>();
		if (hdf.getChild("Experiments") instanceof Group experiments) {
			for (Node child : experiments.getChildren().values())
				if (child instanceof Group group && !group.isLink() && group.getChild("data") instanceof Dataset data)
					signals.add(signal(group, data, experimentTags(tags, group.getName())));
		}
		if (signals.isEmpty())
			throw new IOException(name + " is an HDF5 file but not a HyperSpy file (no /Experiments/<name>/data); "
				+ "expected a .hspy written by HyperSpy.");
		return new EmFile(file, "HyperSpy", signals, tags, resource);
	}

	private EmSignal signal(Group group, Dataset data, Map<String, Object> groupTags) throws IOException {
		long[] shape = shape(group.getName(), data);
		HdfTypes.StoredType stored = HdfTypes.of(data.getDataType());
		if (stored == null)
			throw new IOException(name + ": signal '" + group.getName() + "' stores " + HdfTypes.describe(data.getDataType())
				+ " values, which ML4EM cannot read; expected integer, floating-point (32 or 64 bit), bool or complex data.");
		// format 1.0 and 1.1 called them mapped_parameters and original_parameters
		Map<String, Object> metadata = child(groupTags, "metadata", "mapped_parameters");
		Map<String, Object> original = child(groupTags, "original_metadata", "original_parameters");
		HyperSpyMetadata fields = new HyperSpyMetadata(metadata);
		List<Axis> axes = HyperSpyAxes.read(group, shape, fields.recordBy());
		StoredValues values = DatasetValues.open(file, hdf, data, stored, shape);
		String title = fields.title();
		if (title == null)
			title = group.getName().equals(HyperSpyMetadata.UNNAMED) ? "" : group.getName();
		Map<String, Object> signalMetadata = new LinkedHashMap<>();
		signalMetadata.put("metadata", metadata);
		signalMetadata.put("original_metadata", original);
		return new EmSignal(title, fields.signalType(), axes, values, HyperSpyAcquisition.of(fields, axes), signalMetadata);
	}

	/** The data set's shape, slowest first, refused when it holds no values or cannot be addressed. */
	private long[] shape(String signal, Dataset data) throws IOException {
		long[] shape = data.isScalar() ? new long[0] : data.getDimensionsAsLong();
		if (shape.length > MAX_RANK)
			throw new IOException(name + " is damaged: signal '" + signal + "' declares " + shape.length + " dimensions.");
		try {
			long n = 1;
			for (long s : shape) {
				if (s < 1)
					throw new IOException(name + ": signal '" + signal + "' holds no values (shape "
						+ java.util.Arrays.toString(shape) + "); expected at least one value.");
				n = Math.multiplyExact(n, s);
			}
			Math.multiplyExact(n, 16L); // room for the widest element type
		} catch (ArithmeticException e) {
			throw new IOException(name + " is damaged: signal '" + signal + "' declares an impossible shape "
				+ java.util.Arrays.toString(shape) + ".");
		}
		return shape;
	}

	private static Map<String, Object> experimentTags(Map<String, Object> tags, String experiment) {
		Object group = TagTrees.get(tags, "Experiments", experiment);
		return group instanceof Map<?, ?> m ? HyperSpyMetadata.cast(m) : Map.of();
	}

	private static Map<String, Object> child(Map<String, Object> tags, String... names) {
		for (String key : names)
			if (tags.get(key) instanceof Map<?, ?> m)
				return HyperSpyMetadata.cast(m);
		return new LinkedHashMap<>();
	}
}
