package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/** Format detection, TIFF stacks as spectrum images, and memory-mapped values. */
class EmFilesTest {

	@TempDir
	Path dir;

	@Test
	void unknownEmptyAndMissingFilesGiveOneSentence() throws IOException {
		Path text = Files.writeString(dir.resolve("notes.dm4"), "hello");
		IOException unknown = assertThrows(IOException.class, () -> EmFiles.open(text));
		assertEquals("notes.dm4 is not a file ML4EM can read (unknown first bytes); expected a Gatan DM3/DM4, HyperSpy .hspy (HDF5) or TIFF file",
			unknown.getMessage());
		Path empty = Files.createFile(dir.resolve("empty.hspy"));
		assertTrue(assertThrows(IOException.class, () -> EmFiles.open(empty)).getMessage().contains("it is empty"));
		assertTrue(assertThrows(IOException.class, () -> EmFiles.open(dir)).getMessage().contains("is a folder"));
		assertTrue(assertThrows(IOException.class, () -> EmFiles.open(dir.resolve("missing.dm3"))).getMessage().contains("missing.dm3"));
	}

	@Test
	void tiffStackBecomesASpectrumImageWithTheGivenEnergyAxis() throws IOException {
		Img<FloatType> stack = ArrayImgs.floats(4, 3, 5);
		RandomAccess<FloatType> ra = stack.randomAccess();
		ra.setPosition(new long[] { 2, 1, 3 });
		ra.get().set(7.5f);
		Path file = dir.resolve("si.tif");
		TiffWriter.write(stack, file, TiffWriter.PixelType.FLOAT32, new PixelCalibration(0.5, 0.5, "nm"), false);
		try (EmFile em = EmFiles.open(file, new EnergyCalibration(-2.0, 0.1))) {
			EmSignal s = em.signal();
			assertEquals("TIFF", em.format());
			assertEquals(3, s.axes().size());
			Axis energy = s.axes().get(s.energyAxis());
			assertEquals(2, s.energyAxis());
			assertEquals(-2.0, energy.offset());
			assertEquals(0.1, energy.scale());
			assertEquals(5, energy.size());
			assertEquals(0.5, s.axes().get(0).scale(), 1e-6);
			assertEquals("nm", s.axes().get(0).units());
			assertEquals(7.5, s.values().get(2 + 4 * (1 + 3 * 3)));
			assertEquals(7.5 / 60, s.mean(Progress.NONE), 1e-12);
		}
		assertThrows(BadInputException.class, () -> new EnergyCalibration(0, 0));
	}

	@Test
	void mappedValuesReadAcrossGigabyteSegmentsInBothByteOrders() throws IOException {
		// A sparse 1.5 GiB file: no disk space used, but two mapping segments.
		Path file = dir.resolve("big.raw");
		long header = 12;
		long count = (3L << 29) / 4;
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(header + count * 4);
			for (long index : new long[] { 0, (1L << 28) - 1, 1L << 28, count - 1 }) {
				raf.seek(header + index * 4);
				raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(index).array());
			}
		}
		MappedValues values = new MappedValues(file, header, ElementType.FLOAT32, ByteOrder.LITTLE_ENDIAN, count);
		for (long index : new long[] { 0, (1L << 28) - 1, 1L << 28, count - 1 })
			assertEquals((float) index, values.get(index), "value " + index);
		assertEquals(0, values.get(12345));
		assertThrows(IndexOutOfBoundsException.class, () -> values.get(count));

		Path small = Files.write(dir.resolve("be.raw"), new byte[] { 0, 0, 0, 1, (byte) 0xff, (byte) 0xfe });
		MappedValues be = new MappedValues(small, 3, ElementType.UINT16, ByteOrder.BIG_ENDIAN, 1);
		assertEquals(0x01ff, be.get(0));
		MappedValues le = new MappedValues(small, 4, ElementType.INT16, ByteOrder.LITTLE_ENDIAN, 1);
		assertEquals((short) 0xfeff, le.get(0));
		IOException past = assertThrows(IOException.class, () -> new MappedValues(small, 4, ElementType.INT32, ByteOrder.BIG_ENDIAN, 1));
		assertTrue(past.getMessage().contains("runs past the end of the file"), past.getMessage());
	}
}
