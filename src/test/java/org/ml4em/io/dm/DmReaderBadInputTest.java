package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;

/**
 * Damaged DM files, one kind of damage per test: each must give an IOException whose message is
 * one sentence naming the file and the problem.
 */
class DmReaderBadInputTest {

	@TempDir
	Path dir;

	@Test
	void theUndamagedFileReads() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			try (EmFile f = DmReader.read(DmBytes.image(version, dir).write(dir, "ok.dm"))) {
				assertEquals(6.0, f.signal().values().get(5));
			}
		}
	}

	@Test
	void emptyFile() throws IOException {
		refused(new byte[0], "the version number needs 4 bytes at byte 0", "truncated");
	}

	@Test
	void wrongVersion() throws IOException {
		refused(DmBytes.image(DmWriter.Version.DM4, dir).put(3, 5).bytes(), "version number is 5");
	}

	@Test
	void wrongByteOrderFlag() throws IOException {
		refused(DmBytes.image(DmWriter.Version.DM3, dir).put(11, 7).bytes(), "byte-order flag is 7");
	}

	@Test
	void truncatedInTheData() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			DmBytes b = DmBytes.image(version, dir);
			byte[] cut = Arrays.copyOf(b.bytes(), b.value("Data", 3) + 10);
			refused(cut, "ImageList", "the file ends at byte " + cut.length, "truncated");
		}
	}

	@Test
	void tagCountPastTheEnd() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			DmBytes b = DmBytes.image(version, dir);
			b.putLength(b.content("Calibrations") + 2, 0x7FFF_FFFFL);
			refused(b.bytes(), "in 'ImageList.TagGroup0.ImageData.Calibrations', the group declares 2147483647 tags");
		}
	}

	@Test
	void arrayCountPastTheEnd() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			DmBytes b = DmBytes.image(version, dir);
			b.putLength(b.info("Data", 2), 0xFFFF_FFFFL);
			refused(b.bytes(), "in 'ImageList.TagGroup0.ImageData.Data', its float32[4294967295] value",
				"but the file ends at byte", "truncated");
		}
	}

	@Test
	void hugeDm4CountsNeverOverflow() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM4, dir);
		b.putLength(b.info("Data", 2), 0x7FFF_FFFF_FFFF_FFFFL);
		refused(b.bytes(), "more than 2^63 bytes");
		b.putLength(b.info("Data", 2), -1);
		refused(b.bytes(), "18446744073709551615");
	}

	@Test
	void dm4TagLengthPastTheEnd() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM4, dir);
		b.putLength(b.tag("DataType") + 3 + "DataType".length(), 1L << 40);
		refused(b.bytes(), "in 'ImageList.TagGroup0.ImageData.DataType', the tag needs 1099511627776 bytes");
	}

	@Test
	void absurdTypeDescriptionLength() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			DmBytes b = DmBytes.image(version, dir);
			b.putLength(b.content("DataType") + 4, 1_000_000);
			refused(b.bytes(), "type description of 1000000 numbers");
		}
	}

	@Test
	void unknownTypeCode() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.putLength(b.info("DataType", 0), 99);
		refused(b.bytes(), "'ImageList.TagGroup0.ImageData.DataType'", "unknown type code 99");
	}

	@Test
	void unknownTagKind() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.put(b.tag("PixelDepth"), 22);
		refused(b.bytes(), "unknown kind 22");
	}

	@Test
	void brokenDataMarker() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.put(b.content("PixelDepth"), '#');
		refused(b.bytes(), "'ImageList.TagGroup0.ImageData.PixelDepth' lacks its '%%%%' marker");
	}

	@Test
	void deepNesting() throws IOException {
		refused(DmBytes.nestedGroups(10_000), "nested more than 64 levels");
	}

	@Test
	void billionsOfEmptyElementsAreNotListed() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(DmBytes.emptyStructs(), "no ImageList"));
	}

	@Test
	void farTooManyTags() throws IOException {
		refused(DmBytes.manyTags(DmTagParser.MAX_TAGS + 1), "more than 1000000 tags");
	}

	@Test
	void dimensionsDisagreeWithTheData() throws IOException {
		for (DmWriter.Version version : DmWriter.Version.values()) {
			DmBytes b = DmBytes.image(version, dir);
			b.putValue32(b.dimension(0), 4);
			refused(b.bytes(), "image 0", "call for 32 bytes of data but its Data array holds 6 × float32 (24 bytes)");
		}
	}

	@Test
	void dimensionsOverflow() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM4, dir);
		b.putValue32(b.dimension(0), -1);
		refused(b.bytes(), "call for 34359738360 bytes", "Data array holds 6");
		// Three of 2^32 − 1 overflow even the count of values.
		refused(threeHugeDimensions(), "multiply to more than 2^63");
	}

	private byte[] threeHugeDimensions() throws IOException {
		Path file = dir.resolve("3d.dm3");
		DmWriter.of(DmWriter.Version.DM3).write(List.of(new Axis("x", 1, 1, 0, "", false),
			new Axis("y", 1, 1, 0, "", false), new Axis("z", 1, 1, 0, "", true)), ElementType.UINT8, new double[1], file);
		DmBytes b = DmBytes.of(Files.readAllBytes(file));
		for (int d = 0; d < 3; d++)
			b.putValue32(b.dimension(d), -1);
		return b.bytes();
	}

	@Test
	void zeroDimension() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.putValue32(b.dimension(1), 0);
		refused(b.bytes(), "dimension 1 has size 0; expected a positive integer");
	}

	@Test
	void unknownDataType() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.putValue32(b.value("DataType", 1), 99);
		refused(b.bytes(), "DataType 99");
	}

	@Test
	void dataTypeOfTheRightSizeButWrongKind() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.putValue32(b.value("DataType", 1), 7); // int32, over float32 data
		refused(b.bytes(), "DataType 7 (int32) disagrees with the float32 elements");
	}

	@Test
	void noImageList() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.put(b.tag("ImageList") + 3, 'X');
		refused(b.bytes(), "no ImageList");
	}

	@Test
	void noDataArray() throws IOException {
		DmBytes b = DmBytes.image(DmWriter.Version.DM3, dir);
		b.put(b.tag("Data") + 3, 'X');
		refused(b.bytes(), "no ImageData.Data array");
	}

	@Test
	void onlyAThumbnail() throws IOException {
		// Cut ImageList to its first image, the thumbnail; the data image then reads as a root tag.
		DmBytes b = DmBytes.of(Files.readAllBytes(DmTestFiles.bundled("2D_test-1.dm4")));
		b.putLength(b.content("ImageList") + 2, 1);
		refused(b.bytes(), "only a thumbnail");
	}

	@Test
	void aColourImageIsDataUnlessListedAsThumbnail() throws IOException {
		Path file = dir.resolve("rgba.dm3");
		DmWriter.of(DmWriter.Version.DM3).write(List.of(new Axis("x", 2, 1, 0, "", false)), ElementType.UINT32,
			new double[] { 0xff0000ffL, 0xff00ff00L }, file);
		DmBytes b = DmBytes.of(Files.readAllBytes(file));
		b.putValue32(b.value("DataType", 1), 23); // RGBA, 4 bytes per pixel
		try (EmFile f = DmReader.read(b.write(dir, "rgba.dm3"))) {
			assertEquals(ElementType.RGBA8, f.signal().type());
			assertThrows(BadInputException.class, () -> f.signal().values().requireReal());
		}
	}

	private void refused(byte[] bytes, String... phrases) throws IOException {
		Path file = Files.write(dir.resolve("damaged.dm3"), bytes);
		IOException e = assertThrows(IOException.class, () -> DmReader.read(file).close());
		String m = e.getMessage();
		assertTrue(m.startsWith("Cannot read DM file 'damaged.dm3': "), m);
		assertTrue(m.endsWith(".") && !m.contains("\n"), "one sentence: " + m);
		assertFalse(m.contains("internal error"), m);
		for (String phrase : phrases)
			assertTrue(m.contains(phrase), "expected '" + phrase + "' in: " + m);
	}
}
