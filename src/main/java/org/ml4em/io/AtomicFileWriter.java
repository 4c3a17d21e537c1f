package org.ml4em.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a
 * partial write: the content goes to a hidden temporary file in the target's directory, is
 * flushed to disk, and is then renamed over the target. Any failure deletes the temporary file.
 * Stateless and thread-safe; concurrent writers of one target each succeed, and the last rename
 * wins.
 * <p>
 * Writers that need to position within the file (for instance to leave holes in a sparse file
 * instead of writing blocks of zeros) use {@link #writeChannel}.
 */
public final class AtomicFileWriter {

	/** Produces the content of the file. */
	@FunctionalInterface
	interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/** Produces the content of the file through a channel that may be positioned freely. */
	@FunctionalInterface
	public interface ChannelContent {

		/**
		 * Writes the whole file. Bytes never written read as zeros; on file systems that support
		 * it, regions skipped by positioning take no disk space.
		 *
		 * @param channel an empty file opened for writing, at position 0
		 * @throws IOException when writing fails
		 */
		void writeTo(FileChannel channel) throws IOException;
	}

	/** Writes the whole file given by its path, for libraries that open files themselves. */
	@FunctionalInterface
	public interface PathContent {

		/**
		 * Writes (and may check) the file.
		 *
		 * @param temp an existing empty file to write
		 * @throws IOException when writing fails or the check finds the file wrong
		 */
		void writeTo(Path temp) throws IOException;
	}

	private static final Random RANDOM = new SecureRandom();

	private AtomicFileWriter() {}

	/**
	 * Writes {@code content} to {@code target}.
	 *
	 * @param kind what is written ("TIFF", "CSV"), for messages
	 * @param overwrite whether an existing {@code target} may be replaced
	 * @throws IOException when {@code target} exists and {@code overwrite} is false, its
	 *         directory is missing, or writing fails; {@code target} is then unchanged
	 */
	static void write(Path target, String kind, boolean overwrite, Content content) throws IOException {
		writeChannel(target, kind, overwrite, channel -> {
			OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
			content.writeTo(out);
			out.flush();
		});
	}

	/**
	 * Writes {@code content} to {@code target} through a {@link FileChannel}, with the same
	 * guarantees as the stream variant: the target appears complete or not at all.
	 *
	 * @param target the file to create or replace
	 * @param kind what is written ("DM4", "TIFF"), for messages
	 * @param overwrite whether an existing {@code target} may be replaced
	 * @param content writes the bytes
	 * @throws IOException when {@code target} exists and {@code overwrite} is false, its
	 *         directory is missing, or writing fails; {@code target} is then unchanged
	 */
	public static void writeChannel(Path target, String kind, boolean overwrite, ChannelContent content)
		throws IOException
	{
		writePath(target, kind, overwrite, temp -> {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				content.writeTo(channel);
			}
		});
	}

	/**
	 * Writes {@code target} through a library that needs a path (jhdf): it writes the given
	 * temporary file beside the target, which is then flushed to disk and renamed over the target;
	 * same guarantees as the stream variant.
	 *
	 * @param target the file to create or replace
	 * @param kind what is written ("HyperSpy"), for messages
	 * @param overwrite whether an existing {@code target} may be replaced
	 * @param content writes (and may check) the temporary file
	 * @throws IOException when {@code target} exists and {@code overwrite} is false, its
	 *         directory is missing, or writing fails; {@code target} is then unchanged
	 */
	public static void writePath(Path target, String kind, boolean overwrite, PathContent content) throws IOException {
		Path file = target.toAbsolutePath().normalize();
		Path dir = file.getParent();
		if (dir == null || !Files.isDirectory(dir)) {
			throw new IOException("Cannot write " + kind + " file '" + target
				+ "': its folder does not exist; create it first.");
		}
		if (Files.isDirectory(file)) {
			throw new IOException("Cannot write " + kind + " file '" + target + "': a folder of that name exists.");
		}
		if (!overwrite && Files.exists(file)) {
			throw new IOException("Cannot write " + kind + " file '" + target
				+ "': the file already exists and overwriting was not allowed; choose another name or allow overwriting.");
		}
		Path temp = createTemp(dir, file.getFileName().toString());
		try {
			content.writeTo(temp);
			sync(temp);
			move(temp, file);
		} catch (IOException e) {
			deleteQuietly(temp, e);
			throw new IOException("Cannot write " + kind + " file '" + target + "': " + e.getMessage()
				+ " (the file was left unchanged).", e);
		} catch (RuntimeException | Error e) {
			deleteQuietly(temp, e);
			throw e;
		}
	}

	private static void deleteQuietly(Path temp, Throwable cause) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			cause.addSuppressed(e);
		}
	}

	/**
	 * A new empty file beside the target. Not {@code Files.createTempFile}, which makes files
	 * readable by their owner only; the renamed result would keep those permissions.
	 */
	private static Path createTemp(Path dir, String name) throws IOException {
		for (int attempt = 0; ; attempt++) {
			Path temp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong() >>> 16) + ".tmp");
			try {
				return Files.createFile(temp);
			} catch (FileAlreadyExistsException e) {
				if (attempt == 99) throw e;
			}
		}
	}

	/** Without this a crash right after the rename could leave an empty target behind. */
	private static void sync(Path temp) throws IOException {
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	private static void move(Path temp, Path file) throws IOException {
		try {
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			// Some network file systems cannot rename atomically; a plain replace is the best left.
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
