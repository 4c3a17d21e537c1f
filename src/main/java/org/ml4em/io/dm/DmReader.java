package org.ml4em.io.dm;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.TagTrees;

/**
 * Reads Gatan DigitalMicrograph DM3 and DM4 files.
 * <pre>{@code
 * try (EmFile f = DmReader.read(Path.of("si.dm4"))) {
 *     EmSignal s = f.signal();                // axes fastest first, as stored
 *     Axis energy = s.axes().get(s.energyAxis());
 *     double beamKeV = s.acquisition().beamEnergyKeV();
 * }
 * }</pre>
 * Every image of the file's {@code ImageList} becomes a signal, except thumbnails: those the
 * root {@code Thumbnails} tag lists, or, without that tag, a colour image 0 followed by others.
 * Values stay in the file and are memory-mapped, so files larger than the Java heap open at
 * once. Axes, names, signal type and acquisition settings follow HyperSpy's DM reader (see
 * {@link DmAxes}, {@link DmAcquisition}); the one difference is the order of axes: ML4EM keeps
 * the storage order, so a DM spectrum image (stored as energy planes) has its energy axis last,
 * where HyperSpy transposes the data to put it first. The whole tag tree is in
 * {@link EmFile#tags()}, each image's own tags in {@link EmSignal#metadata()}; see
 * {@link DmTagParser} for how tags become Java values.
 * <p>
 * A damaged file gives an {@link IOException} whose message is one sentence naming the file and
 * the problem; lengths and counts are checked against the file's size before anything is
 * allocated, so no file, however damaged, makes the reader run out of memory or loop. Stateless
 * and thread-safe.
 */
public final class DmReader {

	private DmReader() {}

	/**
	 * Reads a DM3 or DM4 file.
	 *
	 * @param file the file
	 * @return the opened file, format "DM3" or "DM4", with at least one signal
	 * @throws IOException when the file is missing, unreadable, not a DM file, truncated or damaged
	 */
	public static EmFile read(Path file) throws IOException {
		try {
			DmTagTree tree = parse(file);
			return new EmFile(file, "DM" + tree.version(), signals(file, tree), tree.root(), null);
		} catch (RuntimeException e) {
			// Every check above throws IOException; this only catches our own mistakes.
			throw new IOException(fail(file, "an internal error occurred while reading it (" + e + "); please report it"), e);
		}
	}

	private static DmTagTree parse(Path file) throws IOException {
		try (DmInput in = DmInput.open(file)) {
			return DmTagParser.parse(in);
		} catch (EOFException e) {
			throw new IOException(fail(file, e.getMessage() + "; the file is truncated or damaged"), e);
		} catch (IOException e) {
			if (e instanceof java.nio.file.FileSystemException)
				throw e; // missing or unreadable: the message already names the file
			throw new IOException(fail(file, e.getMessage() + "; the file is damaged"), e);
		}
	}

	private static List<EmSignal> signals(Path file, DmTagTree tree) throws IOException {
		Map<String, Object> imageList = DmTags.group(tree.root(), "ImageList");
		if (imageList == null || imageList.isEmpty())
			throw new IOException(fail(file, "it has no ImageList, so it holds no image"));
		List<Map<String, Object>> images = new ArrayList<>();
		for (String key : imageList.keySet())
			images.add(DmTags.group(imageList, key));
		Set<Integer> thumbnails = thumbnails(tree.root(), images);
		List<EmSignal> signals = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			if (thumbnails.contains(i) || images.get(i) == null)
				continue;
			try {
				signals.add(DmImage.signal(file, tree, images.get(i)));
			} catch (IOException e) {
				throw new IOException(fail(file, "image " + i + " of its ImageList cannot be read: " + e.getMessage()), e);
			}
		}
		if (signals.isEmpty())
			throw new IOException(fail(file, "it holds only a thumbnail, no image data"));
		return signals;
	}

	/**
	 * The ImageList indices of thumbnails: from the root Thumbnails tag when present, else image
	 * 0 if it is a colour image followed by others.
	 */
	private static Set<Integer> thumbnails(Map<String, Object> root, List<Map<String, Object>> images) {
		Set<Integer> indices = new HashSet<>();
		Map<String, Object> listed = DmTags.group(root, "Thumbnails");
		if (listed != null) {
			for (String key : listed.keySet())
				if (TagTrees.get(listed, key, "ImageIndex") instanceof Long index && index >= 0 && index < images.size())
					indices.add(index.intValue());
		} else if (images.size() > 1 && images.get(0) != null
			&& TagTrees.get(images.get(0), "ImageData", "DataType") instanceof Long code && DmDataTypes.isRgb(code)) {
			indices.add(0);
		}
		return indices;
	}

	private static String fail(Path file, String problem) {
		return "Cannot read DM file '" + file.getFileName() + "': " + problem + ".";
	}
}
