package org.ml4em.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An electron-microscopy file opened for reading: its signals (thumbnails left out) and its whole
 * metadata tree. Close it when done: some formats keep the file open to read values on demand.
 */
public final class EmFile implements Closeable {

	private final Path path;

	private final String format;

	private final List<EmSignal> signals;

	private final Map<String, Object> tags;

	private final Closeable resource;

	/**
	 * Describes an opened file.
	 *
	 * @param path where it was read from
	 * @param format "DM3", "DM4", "HyperSpy" or "TIFF"
	 * @param signals at least one signal, the main one first
	 * @param tags the file's whole metadata tree as nested maps
	 * @param resource closed by {@link #close()}; null when nothing stays open
	 */
	public EmFile(Path path, String format, List<EmSignal> signals, Map<String, Object> tags, Closeable resource) {
		this.path = Objects.requireNonNull(path, "path");
		this.format = Objects.requireNonNull(format, "format");
		this.signals = List.copyOf(signals);
		if (this.signals.isEmpty())
			throw new IllegalArgumentException("a file needs at least one signal");
		this.tags = Objects.requireNonNull(tags, "tags");
		this.resource = resource;
	}

	/** {@return where the file was read from} */
	public Path path() {
		return path;
	}

	/** {@return the format: "DM3", "DM4", "HyperSpy" or "TIFF"} */
	public String format() {
		return format;
	}

	/** {@return every signal in the file, the main one first} */
	public List<EmSignal> signals() {
		return signals;
	}

	/** {@return the first (main) signal} */
	public EmSignal signal() {
		return signals.get(0);
	}

	/** {@return the file's whole metadata tree, as nested maps} */
	public Map<String, Object> tags() {
		return tags;
	}

	@Override
	public void close() throws IOException {
		if (resource != null)
			resource.close();
	}
}
