package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.io.EmFile;

/** HyperSpy .hspy reader (being written). */
public final class HyperSpyReader {

	private HyperSpyReader() {}

	/**
	 * Reads a HyperSpy file.
	 *
	 * @param file the file
	 * @return the opened file
	 * @throws IOException always, until written
	 */
	public static EmFile read(Path file) throws IOException {
		throw new IOException("HyperSpy reader not written yet");
	}
}
