package org.ml4em.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site built, rebuilt unchanged, with a changed file, a jar of a new version and a withdrawn file. */
class UpdateSiteBuilderTest {

	@TempDir
	Path dir;

	private static final long FIRST = 20261201120000L, SECOND = 20261202120000L;

	private Path file(String name, String content) throws IOException {
		Path f = dir.resolve("src").resolve(name);
		Files.createDirectories(f.getParent());
		return Files.writeString(f, content);
	}

	private Path jar(String name, String content) throws IOException {
		Path f = dir.resolve("src").resolve(name);
		Files.createDirectories(f.getParent());
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("content.txt"));
			zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return f;
	}

	private static SiteRecord record(UpdateSiteBuilder.Report r, String key) {
		return r.records().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + r.records()));
	}

	@Test
	void aSiteKeepsItsHistoryAcrossBuilds() throws IOException {
		Path site = dir.resolve("site");
		SiteFile macro = new SiteFile("macros/ML4EM/a.ijm", file("a.ijm", "print(1);"), List.of(), "a macro");
		SiteFile oldJar = new SiteFile("jars/lib-1.0.jar", jar("lib-1.0.jar", "version 1.0"), List.of(), "");
		SiteFile natives = new SiteFile("lib/x/native-1.0-linux-x86_64.jar", jar("n.jar", "natives"), List.of("linux64"), "");
		UpdateSiteBuilder.Report first = UpdateSiteBuilder.build(List.of(macro, oldJar, natives), site, FIRST);
		assertEquals(3, first.added().size());
		assertTrue(Files.exists(site.resolve("macros/ML4EM/a.ijm-" + FIRST)));
		assertEquals(first.records(), SiteDatabase.read(site.resolve("db.xml.gz")), "what is written is what is read back");
		assertEquals(List.of("linux64"), record(first, "lib/x/native-linux-x86_64.jar").platforms());

		UpdateSiteBuilder.Report same = UpdateSiteBuilder.build(List.of(macro, oldJar, natives), site, SECOND);
		assertEquals(3, same.unchanged().size(), same.toString());
		assertEquals(FIRST, record(same, "macros/ML4EM/a.ijm").current().timestamp(), "an unchanged file keeps its timestamp");

		SiteFile changedMacro = new SiteFile("macros/ML4EM/a.ijm", file("a2.ijm", "print(2);"), List.of(), "a macro");
		SiteFile newJar = new SiteFile("jars/lib-1.1.jar", jar("lib-1.1.jar", "the next version"), List.of(), "");
		UpdateSiteBuilder.Report next = UpdateSiteBuilder.build(List.of(changedMacro, newJar), site, SECOND);
		assertEquals(List.of("macros/ML4EM/a.ijm", "jars/lib-1.1.jar"), next.updated());
		assertEquals(List.of("lib/x/native-1.0-linux-x86_64.jar"), next.withdrawn());

		SiteRecord m = record(next, "macros/ML4EM/a.ijm");
		assertEquals(SECOND, m.current().timestamp());
		assertEquals(List.of(new SiteRecord.Previous("macros/ML4EM/a.ijm", record(first, "macros/ML4EM/a.ijm").current().checksum(), FIRST, SECOND)),
			m.previous());
		assertEquals("print(1);", Files.readString(site.resolve("macros/ML4EM/a.ijm-" + FIRST)), "the old version stays on the site");
		assertEquals("print(2);", Files.readString(site.resolve("macros/ML4EM/a.ijm-" + SECOND)));

		SiteRecord lib = record(next, "jars/lib.jar");
		assertEquals("jars/lib-1.1.jar", lib.filename(), "a new version of a jar is the same record under its new name");
		assertEquals("jars/lib-1.0.jar", lib.previous().get(0).filename());

		SiteRecord gone = record(next, "lib/x/native-linux-x86_64.jar");
		assertNull(gone.current(), "a withdrawn file has no current version: Fiji removes it");
		assertEquals(1, gone.previous().size());
		assertEquals(next.records(), SiteDatabase.read(site.resolve("db.xml.gz")));
	}

	@Test
	void refusesEmptyFilesNamesThatClashAndOlderTimestamps() throws IOException {
		Path site = dir.resolve("site");
		SiteFile empty = new SiteFile("macros/empty.ijm", file("e.ijm", ""), List.of(), "");
		IOException e = assertThrows(IOException.class, () -> UpdateSiteBuilder.build(List.of(empty), site, FIRST));
		assertTrue(e.getMessage().contains("empty"), e.getMessage());

		SiteFile one = new SiteFile("macros/a.ijm", file("a.ijm", "1"), List.of(), "");
		assertThrows(IOException.class, () -> UpdateSiteBuilder.build(List.of(one, one), site, FIRST));

		UpdateSiteBuilder.build(List.of(one), site, SECOND);
		SiteFile changed = new SiteFile("macros/a.ijm", file("b.ijm", "2"), List.of(), "");
		assertThrows(IOException.class, () -> UpdateSiteBuilder.build(List.of(changed), site, FIRST), "a new version must be newer");
		assertThrows(IllegalArgumentException.class, () -> UpdateSiteBuilder.build(List.of(one), site, 2026L));
		assertThrows(IllegalArgumentException.class, () -> new SiteFile("../evil.ijm", dir, List.of(), ""));
	}
}
