package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads a freshly written file back before it replaces the target: every object header and
 * attribute must parse (jhdf's writer is marked alpha, and has overwritten headers before, see
 * {@link JhdfEndPadding}), and the signal must come back with its shape and type. Only metadata
 * is read, so the check costs little whatever the size of the data.
 */
final class WrittenFileCheck {

	private WrittenFileCheck() {}

	/**
	 * @param file the written file
	 * @param written the signal that was written
	 * @param storedAs the element type it was stored as
	 * @throws IOException when the file does not read back as written
	 */
	static void verify(Path file, EmSignal written, org.ml4em.io.ElementType storedAs) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			walk(new HdfFile(channel)); // jhdf holds nothing open but the channel
		} catch (RuntimeException e) {
			throw new IOException("jhdf wrote a file it cannot read back (" + e.getMessage() + ")", e);
		}
		try (EmFile back = HyperSpyReader.read(file)) {
			EmSignal s = back.signal();
			if (!Arrays.equals(s.shape(), written.shape()) || s.type() != storedAs)
				throw new IOException("the file reads back as " + s.type().dtype() + " " + Arrays.toString(s.shape())
					+ " instead of " + storedAs.dtype() + " " + Arrays.toString(written.shape()));
		}
	}

	private static void walk(Node node) {
		for (Attribute a : node.getAttributes().values())
			a.getData();
		if (node instanceof Dataset d)
			d.getDataType();
		if (node instanceof Group g)
			for (Node child : g.getChildren().values())
				walk(child);
	}
}
