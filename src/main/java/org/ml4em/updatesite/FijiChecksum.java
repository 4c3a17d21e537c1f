package org.ml4em.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The SHA-1 checksum Fiji's updater computes for a file of an update site; a file whose checksum
 * in {@code db.xml.gz} differs is refused on download, or offered for update forever.
 * <ul>
 * <li>A plain file: its path in Fiji (e.g. {@code macros/x.ijm}, ASCII), then its bytes.</li>
 * <li>A jar (a path ending in {@code .jar}): not its path; every entry, folders included, sorted by
 * name, each its name (ASCII) then its uncompressed content, so that rebuilding a jar with new
 * file dates changes nothing. In {@code .properties} entries the comment lines (where Maven
 * writes the build date) are dropped, and {@code META-INF/MANIFEST.MF} adds no content at all.</li>
 * </ul>
 */
public final class FijiChecksum {

	private static final String MANIFEST = "META-INF/MANIFEST.MF";

	private FijiChecksum() {}

	/**
	 * @param file the file's bytes
	 * @param filename its path inside Fiji, with '/' (decides which checksum applies)
	 */
	public static String of(Path file, String filename) throws IOException {
		return filename.endsWith(".jar") ? ofJar(file) : ofPlainFile(file, filename);
	}

	static String ofPlainFile(Path file, String filename) throws IOException {
		MessageDigest sha1 = sha1();
		sha1.update(filename.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha1)) {
			in.transferTo(OutputNowhere.INSTANCE);
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	static String ofJar(Path jar) throws IOException {
		MessageDigest sha1 = sha1();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
			entries.sort(Comparator.comparing(ZipEntry::getName));
			for (ZipEntry entry : entries) {
				String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue;
				try (InputStream in = zip.getInputStream(entry)) {
					if (name.endsWith(".properties")) sha1.update(HashedLineFilter.filter(in.readAllBytes()));
					else new DigestInputStream(in, sha1).transferTo(OutputNowhere.INSTANCE);
				}
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-1", e);
		}
	}

	private static final class OutputNowhere extends java.io.OutputStream {
		static final OutputNowhere INSTANCE = new OutputNowhere();

		@Override
		public void write(int b) {}

		@Override
		public void write(byte[] b, int off, int len) {}
	}
}
