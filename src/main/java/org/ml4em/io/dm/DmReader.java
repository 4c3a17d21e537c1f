package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.io.EmFile;

/** Gatan Digital Micrograph DM3/DM4 reader (being written). */
public final class DmReader {

	private DmReader() {}

	/**
	 * Reads a DM3 or DM4 file.
	 *
	 * @param file the file
	 * @return the opened file
	 * @throws IOException always, until written
	 */
	public static EmFile read(Path file) throws IOException {
		throw new IOException("DM reader not written yet");
	}
}
