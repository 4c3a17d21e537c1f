package org.ml4em.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folders: deleting, moving their contents, copying them (model folders, staged outputs). */
public final class Folders {

	private Folders() {}

	/** Deletes a folder and everything in it; nothing when it does not exist. */
	public static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) return;
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList())
				Files.delete(p);
		}
	}

	/** Moves what {@code from} holds into {@code to} (created when missing); nothing when {@code from} does not exist. */
	public static void moveContents(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		if (!Files.exists(from)) return;
		try (Stream<Path> files = Files.list(from)) {
			for (Path f : files.toList())
				Files.move(f, to.resolve(f.getFileName().toString()));
		}
	}

	/** Copies a folder and everything in it to {@code to}, which must not hold any of the same names. */
	public static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : walk.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target);
			}
		}
	}
}
