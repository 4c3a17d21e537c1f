package org.ml4em.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The update site as {@code ./ml4em update-site} makes it: every checksum re-derived here, with
 * code of its own, the way Fiji's updater computes it; every file listed and every listed file
 * present; and the site installed into an empty Fiji.app, where the plugin then runs beside the
 * TensorFlow 1.15 of Fiji's CSBDeep update site.
 */
class UpdateSiteIT {

	@TempDir
	static Path dir;

	private static Path site;

	private record Entry(String filename, String checksum, long timestamp, long filesize, List<String> platforms) {
		Path stored() {
			return site.resolve(filename + "-" + timestamp);
		}
	}

	private static final List<Entry> current = new ArrayList<>();
	private static final Set<String> previousStored = new HashSet<>();

	@BeforeAll
	static void makeSite() throws Exception {
		site = dir.resolve("site");
		Path log = dir.resolve("update-site.log");
		Process p = new ProcessBuilder("bash", "ml4em", "update-site", site.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "update-site did not finish");
		assertEquals(0, p.exitValue(), Files.readString(log));
		Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			doc = f.newDocumentBuilder().parse(in);
		}
		NodeList plugins = doc.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element plugin = (Element) plugins.item(i);
			List<String> platforms = new ArrayList<>();
			NodeList ps = plugin.getElementsByTagName("platform");
			for (int j = 0; j < ps.getLength(); j++)
				platforms.add(ps.item(j).getTextContent());
			NodeList versions = plugin.getElementsByTagName("version");
			if (versions.getLength() == 1) {
				Element v = (Element) versions.item(0);
				current.add(new Entry(plugin.getAttribute("filename"), v.getAttribute("checksum"), Long.parseLong(v.getAttribute("timestamp")),
					Long.parseLong(v.getAttribute("filesize")), platforms));
			}
			NodeList previous = plugin.getElementsByTagName("previous-version");
			for (int j = 0; j < previous.getLength(); j++) {
				Element pv = (Element) previous.item(j);
				previousStored.add(pv.getAttribute("filename") + "-" + pv.getAttribute("timestamp"));
			}
		}
	}

	@Test
	void everyChecksumIsFijisAndEveryFileIsListedAndPresent() throws Exception {
		assertTrue(current.size() > 20, current.toString());
		Set<String> listed = new HashSet<>(previousStored);
		for (Entry e : current) {
			assertTrue(Files.isRegularFile(e.stored()), e.stored() + " is missing");
			assertEquals(e.filesize, Files.size(e.stored()), e.filename);
			assertEquals(e.checksum, e.filename.endsWith(".jar") ? jarChecksum(e.stored()) : fileChecksum(e.filename, e.stored()), e.filename);
			listed.add(e.filename + "-" + e.timestamp);
		}
		try (Stream<Path> files = Files.walk(site)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				String name = site.relativize(f).toString().replace(File.separatorChar, '/');
				if (!name.equals("db.xml.gz")) assertTrue(listed.contains(name), name + " is on the site but not in db.xml.gz");
			}
		}
		Set<String> names = new HashSet<>();
		current.forEach(e -> names.add(e.filename.replaceAll("-[0-9][^/]*\\.jar$", ".jar")));
		for (String fijiShips : List.of("jars/ij.jar", "jars/imglib2.jar", "jars/scijava-common.jar", "jars/slf4j-nop.jar"))
			assertTrue(!names.contains(fijiShips), fijiShips + " is Fiji's own and must not be on this site");
	}

	@Test
	void installedIntoAnEmptyFijiTheFilesLandWhereFijiLooksAndTheCommandsRunBesideTensorFlow115() throws Exception {
		Path fiji = dir.resolve("Fiji.app");
		for (Entry e : current) {
			if (!e.platforms.isEmpty() && !e.platforms.contains("linux64")) continue;
			Path target = fiji.resolve(e.filename);
			Files.createDirectories(target.getParent());
			Files.copy(e.stored(), target);
		}
		assertEquals(1, glob(fiji.resolve("plugins"), "ML4EM_-*.jar").size(), "the plugin jar in plugins/");
		assertEquals(1, glob(fiji.resolve("jars"), "jhdf-*.jar").size(), "its libraries in jars/");
		assertEquals(1, glob(fiji.resolve("lib/ml4em-tensorflow"), "tensorflow-core-api-*.jar").size(), "TensorFlow outside the class path");
		assertTrue(Files.isRegularFile(fiji.resolve("models/ML4EM_scan_completer/rdf.yaml")), "bioimage.io models in models/, for DeepImageJ");
		assertTrue(Files.isRegularFile(fiji.resolve("models/ML4EM_atomic_column_finder/tf_saved_model_bundle.zip")));
		assertTrue(Files.isRegularFile(fiji.resolve("macros/ML4EM/kmeans_clustering.ijm")), "macros in macros/");

		// What Fiji itself ships, and what the CSBDeep update site adds
		try (Stream<Path> lib = Files.list(Path.of("target/lib"))) {
			for (Path jar : (Iterable<Path>) lib.filter(j -> j.getFileName().toString()
				.matches("(ij|scijava-common|parsington|imglib2|slf4j-api|commons-lang3|lz4-java)-\\d.*\\.jar"))::iterator)
				Files.copy(jar, fiji.resolve("jars").resolve(jar.getFileName()));
		}
		Files.copy(Path.of("target/fiji-tensorflow/libtensorflow-1.15.0.jar"), fiji.resolve("jars/libtensorflow-1.15.0.jar"),
			StandardCopyOption.REPLACE_EXISTING);

		Path completed = dir.resolve("full.tif");
		// Fiji's launcher puts jars/*.jar, jars/*/*.jar, plugins/*.jar and plugins/*/*.jar on the class path; lib/ is not on it
		String classPath = String.join(File.pathSeparator, fiji.resolve("jars/libtensorflow-1.15.0.jar").toString(), fiji.resolve("jars/*").toString(),
			fiji.resolve("plugins/*").toString());
		String out = ChildJvm.run(List.of(ChildJvm.java(), "-Xmx4g", "-Dimagej.dir=" + fiji, "-cp", classPath, "org.ml4em.cli.Main", "--headless", "--run",
			"Complete Partial Scan", "input='sample-images/haadf_stem.tif',path='spiral',coverage=0.0625,method='network',output='" + completed + "'"), dir);
		assertTrue(out.contains("completed by network (shipped model) on CPU"), out);
		assertTrue(Files.size(completed) > 512 * 512 * 4);
	}

	private static List<Path> glob(Path folder, String pattern) throws IOException {
		List<Path> found = new ArrayList<>();
		try (var s = Files.newDirectoryStream(folder, pattern)) {
			s.forEach(found::add);
		}
		return found;
	}

	// -- Fiji's checksums, written independently of org.ml4em.updatesite --

	private static String fileChecksum(String filename, Path file) throws Exception {
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		sha1.update(filename.getBytes(StandardCharsets.US_ASCII));
		sha1.update(Files.readAllBytes(file));
		return HexFormat.of().formatHex(sha1.digest());
	}

	private static String jarChecksum(Path file) throws Exception {
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		try (JarFile jar = new JarFile(file.toFile(), false)) {
			List<JarEntry> entries = Collections.list(jar.entries());
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			byte[] buffer = new byte[1 << 16];
			for (JarEntry e : entries) {
				sha1.update(e.getName().getBytes(StandardCharsets.US_ASCII));
				if (e.getName().equals("META-INF/MANIFEST.MF")) continue; // Fiji's manifest filter keeps nothing
				InputStream in = jar.getInputStream(e);
				if (e.getName().endsWith(".properties")) in = new CommentSkipping(in);
				try (DigestInputStream d = new DigestInputStream(in, sha1)) {
					while (d.read(buffer) >= 0) {}
				}
			}
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/** The updater's SkipHashedLines behaviour, as a stream. */
	private static final class CommentSkipping extends FilterInputStream {
		private boolean lineStart = true;

		CommentSkipping(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (!lineStart) {
				if (c == '\n') lineStart = true;
				return c;
			}
			if (c != '#') {
				lineStart = false;
				return c;
			}
			while ((c = read()) != '\n' && c != -1) {}
			return c;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = 0;
			for (int c; n < len && (c = read()) != -1; n++)
				b[off + n] = (byte) c;
			return n == 0 && len > 0 ? -1 : n;
		}
	}
}
