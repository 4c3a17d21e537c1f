package org.ml4em.io.dm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ml4em.io.TestBytes;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.StoredValues;

/**
 * Damages real DM files at random (seeded) and checks that the reader either opens them —
 * after which every value reads without any exception but an I/O one — or refuses them with an
 * IOException and a message: never another exception, never an OutOfMemoryError, never a hang.
 * <p>
 * Three kinds of damage, aimed at the structure rather than the image data: bytes changed in
 * the header and tag region, truncation at a random point, and a length or count field (a
 * type description, an array count, a DM4 tag length) set to a huge value.
 */
class DmReaderFuzzTest {

	/** 120 per file (600 in all) by default; {@code -Ddm.fuzz.mutations=20000} for a deeper search. */
	private static final int MUTATIONS_PER_FILE = Integer.getInteger("dm.fuzz.mutations", 120);

	/** Huge lengths and counts, and small numbers that are also type codes (struct 15, string 18, array 20). */
	private static final long[] HUGE = { 0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 1L << 40, 0x7FFF_FFFF_FFFF_FFFFL, -1L,
		0, 1, 2, 4, 15, 18, 20, 65536 };

	@TempDir
	Path dir;

	@Test
	void mutatedFilesOpenOrAreRefusedCleanly() throws IOException {
		List<byte[]> originals = new ArrayList<>();
		for (String name : DmTestFiles.BUNDLED)
			originals.add(Files.readAllBytes(DmTestFiles.bundled(name)));
		originals.add(written(DmWriter.Version.DM3, ByteOrder.BIG_ENDIAN));
		originals.add(written(DmWriter.Version.DM4, ByteOrder.LITTLE_ENDIAN));
		int[] outcomes = new int[2];
		assertTimeoutPreemptively(Duration.ofSeconds(180L * Math.max(1, MUTATIONS_PER_FILE / 120)), () -> {
			for (int f = 0; f < originals.size(); f++)
				fuzz(originals.get(f), 1000 + f, outcomes);
		});
		int total = outcomes[0] + outcomes[1];
		System.out.println("DM fuzz: " + outcomes[0] + " mutated files opened and read, " + outcomes[1] + " refused");
		assertTrue(total >= 500, "only " + total + " mutations");
		// Both answers must occur, or the mutations are too gentle or too brutal to test anything.
		assertTrue(outcomes[0] > 20 && outcomes[1] > 20, "opened " + outcomes[0] + ", refused " + outcomes[1]);
	}

	@Test
	void mutatedSharedFilesOfOtherKinds() throws IOException {
		Assumptions.assumeTrue(DmTestFiles.haveShared(), "../shared/data/dm is absent: only the bundled files are fuzzed");
		// Complex values as arrays of structs, uint32 STEM data, two signals in one file.
		String[] names = { "2D_test-3.dm3", "2D_test-5.dm4", "2D_test_STEM_image.dm3", "2D_multi_signal.dm3" };
		int[] outcomes = new int[2];
		assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			for (int f = 0; f < names.length; f++)
				fuzz(Files.readAllBytes(DmTestFiles.sharedData().resolve("dm").resolve(names[f])), 2000 + f, outcomes);
		});
		assertTrue(outcomes[1] > 0, "refused " + outcomes[1]);
	}

	private byte[] written(DmWriter.Version version, ByteOrder order) throws IOException {
		Path file = dir.resolve("written." + version);
		List<Axis> axes = List.of(new Axis("Energy loss", 64, 0.5, -10, "eV", false), new Axis("x", 3, 1, 0, "nm", true));
		double[] values = new double[64 * 3];
		for (int i = 0; i < values.length; i++)
			values[i] = i;
		new DmWriter(version, order, false).write(axes, ElementType.INT16, values, file);
		return Files.readAllBytes(file);
	}

	private void fuzz(byte[] original, long seed, int[] outcomes) throws IOException {
		Random random = new Random(seed);
		List<int[]> structure = structureRanges(original);
		List<Integer> fields = lengthFields(original);
		int ls = original[3] == 4 ? 8 : 4;
		for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
			byte[] bytes = switch (i % 3) {
				case 0 -> flipBytes(original, structure, random);
				case 1 -> truncate(original, random);
				default -> hugeField(original, fields, ls, random);
			};
			Path file = Files.write(dir.resolve("fuzz" + seed + "-" + i + ".dm"), bytes);
			String what = "mutation " + i + " of seed " + seed;
			try (EmFile opened = DmReader.read(file)) {
				readEverything(opened, what);
				outcomes[0]++;
			} catch (IOException refused) {
				String m = refused.getMessage();
				assertTrue(m != null && m.contains(file.getFileName().toString()), what + ": " + m);
				assertFalse(m.contains("internal error"), what + " hit a reader bug: " + m);
				outcomes[1]++;
			} catch (Throwable t) {
				fail(what + " threw " + t, t);
			}
			Files.delete(file);
		}
	}

	/** Reads every value of every real signal; only I/O errors may come out. */
	private static void readEverything(EmFile opened, String what) {
		for (EmSignal s : opened.signals()) {
			StoredValues values = s.values();
			if (!values.type().isReal())
				continue;
			double[] chunk = new double[4096];
			try {
				for (long start = 0; start < values.length(); start += chunk.length) {
					int n = (int) Math.min(chunk.length, values.length() - start);
					values.read(start, chunk, 0, n);
				}
			} catch (UncheckedIOException expected) {
				// a read error is a correct answer too
			}
			s.metadata().size();
		}
	}

	/** Changes 1 to 8 bytes of the header and tag region. */
	private static byte[] flipBytes(byte[] original, List<int[]> structure, Random random) {
		byte[] bytes = original.clone();
		int changes = 1 + random.nextInt(8);
		for (int c = 0; c < changes; c++) {
			int[] range = structure.get(random.nextInt(structure.size()));
			int pos = range[0] + random.nextInt(range[1] - range[0]);
			bytes[pos] = TestBytes.damaged(bytes[pos], random);
		}
		return bytes;
	}

	private static byte[] truncate(byte[] original, Random random) {
		return java.util.Arrays.copyOf(original, random.nextInt(original.length));
	}

	/** Sets one length or count field to a huge (or otherwise telling) value. */
	private static byte[] hugeField(byte[] original, List<Integer> fields, int ls, Random random) {
		byte[] bytes = original.clone();
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
		int pos = fields.get(random.nextInt(fields.size()));
		long value = HUGE[random.nextInt(HUGE.length)];
		if (ls == 8)
			b.putLong(pos, value);
		else
			b.putInt(pos, (int) value);
		return bytes;
	}

	/** The byte ranges [start, end) outside the arrays that the reader leaves in the file. */
	private List<int[]> structureRanges(byte[] original) throws IOException {
		Path file = Files.write(dir.resolve("original.dm"), original);
		List<long[]> blocks = new ArrayList<>();
		try (DmInput in = DmInput.open(file)) {
			for (DmDataBlock block : DmTagParser.parse(in).blocks().values())
				blocks.add(new long[] { block.offset(), block.offset() + block.type().bytes() });
		}
		blocks.sort((x, y) -> Long.compare(x[0], y[0]));
		List<int[]> ranges = new ArrayList<>();
		long start = 0;
		for (long[] block : blocks) {
			if (block[0] > start)
				ranges.add(new int[] { (int) start, (int) block[0] });
			start = block[1];
		}
		if (start < original.length)
			ranges.add(new int[] { (int) start, original.length });
		return ranges;
	}

	/**
	 * Positions of length fields: after each "%%%%" the type-description length and its numbers
	 * (array counts among them), and in DM4 the tag length just before it.
	 */
	private static List<Integer> lengthFields(byte[] original) {
		int ls = original[3] == 4 ? 8 : 4;
		ByteBuffer b = ByteBuffer.wrap(original).order(ByteOrder.BIG_ENDIAN);
		List<Integer> fields = new ArrayList<>();
		for (int i = 0; i + 4 + ls <= original.length; i++) {
			if (b.getInt(i) != 0x25252525)
				continue;
			if (ls == 8)
				fields.add(i - 8);
			long n = ls == 8 ? b.getLong(i + 4) : b.getInt(i + 4) & 0xffffffffL;
			for (int k = 0; k <= n && k <= 12 && i + 4 + (k + 1) * ls <= original.length; k++)
				fields.add(i + 4 + k * ls);
		}
		return fields;
	}
}
