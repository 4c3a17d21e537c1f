package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and unsupported files: each must give one IOException that names file and fault. */
class TiffReaderBadInputTest {

	@TempDir
	Path dir;

	/** A valid little-endian file: 9 x 7 uint16, strips of 3 rows, one page. */
	private static byte[] valid() {
		return new TiffBytes().build();
	}

	/** Reads {@code bytes} as a file and checks the message names the file and every fragment. */
	private IOException fails(byte[] bytes, String... fragments) throws IOException {
		Path file = TiffTestSupport.write(dir, "bad.tif", bytes);
		IOException e = assertThrows(IOException.class, () -> TiffReader.read(file));
		String message = e.getMessage();
		assertTrue(message.startsWith("Cannot read TIFF file '" + file + "': "), message);
		assertTrue(message.endsWith("."), message);
		for (String f : fragments) assertTrue(message.contains(f), "'" + f + "' missing from: " + message);
		return e;
	}

	@Test
	void emptyFile() throws IOException {
		fails(new byte[0], "only 0 bytes long", "expected a TIFF");
	}

	@Test
	void randomBytes() throws IOException {
		byte[] bytes = new byte[1000];
		new Random(1).nextBytes(bytes);
		bytes[0] = 'P';
		fails(bytes, "not a TIFF file");
	}

	@Test
	void randomBytesAfterAValidHeader() throws IOException {
		for (int seed = 0; seed < 20; seed++) {
			byte[] bytes = new byte[500];
			new Random(seed).nextBytes(bytes);
			System.arraycopy(new byte[] { 'I', 'I', 42, 0 }, 0, bytes, 0, 4);
			fails(bytes);
		}
	}

	@Test
	void wrongVersionAndBigTiff() throws IOException {
		byte[] bytes = valid();
		bytes[2] = 41;
		fails(bytes, "version number is 41", "not a TIFF");
		bytes[2] = 43;
		fails(bytes, "BigTIFF is not supported");
	}

	@Test
	void truncatedCopyOfAValidFile() throws IOException {
		byte[] full = Files.readAllBytes(TiffTestSupport.resource("uint16_lzw_pred2.tif"));
		for (int length : new int[] { 4, 8, 100, full.length / 2, full.length - 1 }) {
			fails(Arrays.copyOf(full, length));
		}
		fails(Arrays.copyOf(full, 100), "truncated");
	}

	@Test
	void firstIfdPastTheEnd() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.putInt(bytes, 4, bytes.length + 100);
		fails(bytes, "IFD of page 1", "past the end of the file (" + bytes.length + " bytes)");
	}

	@Test
	void noImageAtAll() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.putInt(bytes, 4, 0);
		fails(bytes, "contains no image");
	}

	@Test
	void stripOffsetPastTheEnd() throws IOException {
		TiffBytes t = new TiffBytes();
		t.rowsPerStrip = t.height; // one strip, so its offset is stored inline in the entry
		byte[] bytes = t.build();
		TiffTestSupport.setValue(bytes, 273, bytes.length - 10);
		fails(bytes, "strip 1 of page 1", "past the end of the file");
	}

	@Test
	void hugeWidthAndHeight() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.setValue(bytes, 256, 2_000_000_000L);
		TiffTestSupport.setValue(bytes, 257, 2_000_000_000L);
		fails(bytes, "2000000000 x 2000000000", "more than");
	}

	@Test
	void largeImageInATinyFile() throws IOException {
		TiffBytes t = new TiffBytes();
		t.rowsPerStrip = t.height;
		t.bits = 8;
		byte[] bytes = t.build();
		TiffTestSupport.setValue(bytes, 256, 40_000); // 40000 x 40000 bytes fit an array but not this file
		TiffTestSupport.setValue(bytes, 257, 40_000);
		TiffTestSupport.setValue(bytes, 278, 40_000);
		fails(bytes, "too few to hold");
	}

	@Test
	void largeCompressedImageInATinyFile() throws IOException {
		TiffBytes t = new TiffBytes();
		t.compression = 8;
		t.bits = 8;
		t.rowsPerStrip = t.height;
		byte[] bytes = t.build();
		TiffTestSupport.setValue(bytes, 256, 40_000);
		TiffTestSupport.setValue(bytes, 257, 40_000);
		TiffTestSupport.setValue(bytes, 278, 40_000);
		fails(bytes, "too few to hold", "Deflate");
	}

	@Test
	void stripsLargerThanAnArray() throws IOException {
		TiffBytes t = new TiffBytes();
		t.rowsPerStrip = t.height;
		byte[] bytes = t.build();
		TiffTestSupport.setValue(bytes, 256, 40_000); // 16-bit: 3.2 GB in one strip
		TiffTestSupport.setValue(bytes, 257, 40_000);
		TiffTestSupport.setValue(bytes, 278, 40_000);
		fails(bytes, "strips of 40000 x 40000 pixels", "more than one Java array can hold");
	}

	@Test
	void fewerStripOffsetsThanTheLayoutNeeds() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.setValue(bytes, 257, 40_000); // 3 rows per strip: 13334 strips, 3 offsets
		fails(bytes, "3 StripOffsets values but needs 13334");
	}

	@Test
	void zeroWidth() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.setValue(bytes, 256, 0);
		fails(bytes, "has ImageWidth 0 and ImageLength 7", "must be positive");
	}

	@Test
	void ifdChainThatLoops() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.putInt(bytes, TiffTestSupport.nextIfdSlot(bytes), TiffTestSupport.firstIfd(bytes));
		fails(bytes, "loops back");
	}

	@Test
	void unsupportedCompression() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.setValue(bytes, 259, 7);
		fails(bytes, "compression 7 (JPEG)", "not supported", "expected none (1), LZW (5)");
	}

	@Test
	void unsupportedSampleTypes() throws IOException {
		byte[] bytes = valid();
		TiffTestSupport.setValue(bytes, 258, 12);
		fails(bytes, "12-bit samples", "not supported");
		bytes = valid();
		TiffTestSupport.setValue(bytes, 339, 3); // 16-bit floats
		fails(bytes, "16-bit samples of SampleFormat 3");
	}

	@Test
	void corruptDeflateData() throws IOException {
		TiffBytes t = new TiffBytes();
		t.compression = 8;
		byte[] bytes = t.build();
		long offset = java.nio.ByteBuffer.wrap(bytes).order(TiffTestSupport.order(bytes))
			.getInt(TiffTestSupport.entry(bytes, 273) + 8);
		// The offsets of several strips live in an array; corrupt the first strip's zlib header.
		int firstStrip = java.nio.ByteBuffer.wrap(bytes).order(TiffTestSupport.order(bytes)).getInt((int) offset);
		bytes[firstStrip] = 0x12;
		fails(bytes, "strip 1 of page 1", "Deflate");
	}

	@Test
	void missingAndNonRegularFiles() {
		Path missing = dir.resolve("nope.tif");
		IOException e = assertThrows(IOException.class, () -> TiffReader.read(missing));
		assertTrue(e.getMessage().contains("nope.tif") && e.getMessage().contains("does not exist"), e.getMessage());
		e = assertThrows(IOException.class, () -> TiffReader.read(dir));
		assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
	}
}
