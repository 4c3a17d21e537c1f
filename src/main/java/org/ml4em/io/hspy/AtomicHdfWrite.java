package org.ml4em.io.hspy;

import java.io.IOException;
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
 * Writes a file through a library that needs a path (jhdf) so that readers see either the old
 * file or the complete new one: the library writes a hidden temporary file in the target's
 * folder, which is checked, flushed to disk and then renamed over the target. Any failure deletes
 * the temporary file and leaves the target unchanged. (The same contract as the stream-based
 * {@code org.ml4em.io.AtomicFileWriter}, which jhdf cannot use.)
 */
final class AtomicHdfWrite {

	/** Writes the content to the given (existing, empty) temporary file. */
	@FunctionalInterface
	interface Content {
		void writeTo(Path temp) throws IOException;
	}

	private static final Random RANDOM = new SecureRandom();

	private AtomicHdfWrite() {}

	/**
	 * Writes {@code target}.
	 *
	 * @param target the file to write
	 * @param overwrite whether an existing target may be replaced
	 * @param content writes the temporary file
	 * @param check reads the temporary file back; throws when it is not what was meant
	 * @throws IOException when the target exists and may not be replaced, its folder is missing,
	 *     or writing fails; the target is then unchanged
	 */
	static void write(Path target, boolean overwrite, Content content, Content check) throws IOException {
		Path file = target.toAbsolutePath().normalize();
		Path dir = file.getParent();
		if (dir == null || !Files.isDirectory(dir))
			throw new IOException("Cannot write HyperSpy file '" + target + "': its folder does not exist; create it first.");
		if (Files.isDirectory(file))
			throw new IOException("Cannot write HyperSpy file '" + target + "': a folder of that name exists.");
		if (!overwrite && Files.exists(file))
			throw new IOException("Cannot write HyperSpy file '" + target
				+ "': the file already exists and overwriting was not allowed; choose another name or allow overwriting.");
		Path temp = createTemp(dir, file.getFileName().toString());
		try {
			content.writeTo(temp);
			sync(temp);
			check.writeTo(temp);
			move(temp, file);
		} catch (IOException e) {
			deleteQuietly(temp, e);
			throw new IOException("Cannot write HyperSpy file '" + target + "': " + e.getMessage()
				+ " (the file was left unchanged).", e);
		} catch (RuntimeException | Error e) {
			deleteQuietly(temp, e);
			throw e;
		}
	}

	/** Not {@code Files.createTempFile}, whose owner-only permissions the renamed file would keep. */
	private static Path createTemp(Path dir, String name) throws IOException {
		for (int attempt = 0;; attempt++) {
			Path temp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong() >>> 16) + ".tmp");
			try {
				return Files.createFile(temp);
			} catch (FileAlreadyExistsException e) {
				if (attempt == 99)
					throw e;
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
			// some network file systems cannot rename atomically; a plain replace is the best left
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp, Throwable cause) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			cause.addSuppressed(e);
		}
	}
}
