package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;
import org.ml4em.io.StoredValues;

/**
 * A spectrum image larger than 2 GiB that is zero except for the spectra at a few pixels: what
 * {@link DmLargeFileTest} writes, and — run as a program in a JVM with a small heap — the check
 * of what a reader finds in the file.
 * <p>
 * Layout: 2304 energy channels (fastest), 512 × 512 pixels, float32: 2 415 919 104 bytes. The
 * chosen pixels include the first and last, one whose spectrum straddles the 1 GiB boundary of
 * the memory-mapped segments, and several beyond 2 GiB.
 */
final class DmLargeSpectrumImage {

	static final int CHANNELS = 2304, WIDTH = 512, HEIGHT = 512;

	/** Pixels (x + WIDTH * y) with a spectrum; 116508 straddles the 2^28-value segment boundary. */
	static final int[] PIXELS = { 0, 1, 512 * 200 + 100, 116508, 233017, 262142, 262143 };

	static final List<Axis> AXES = List.of(new Axis("Energy loss", CHANNELS, 0.25, -20, "eV", false),
		new Axis("x", WIDTH, 0.5, 0, "nm", true), new Axis("y", HEIGHT, 0.5, 2, "nm", true));

	static final AcquisitionInfo ACQUISITION = new AcquisitionInfo(300.0, 0.002, 0.25, null, null, null);

	private DmLargeSpectrumImage() {}

	/** {@return the value of channel {@code e} at pixel {@code p}: exact in float32, never 0} */
	static double value(int p, int e) {
		return 1 + p % 97 + 0.5 * e;
	}

	/** {@return the signal, its values computed on demand (nothing the size of the data is held)} */
	static EmSignal signal() {
		return new EmSignal("big SI", "EELS", AXES, new SparseValues(), ACQUISITION, Map.of());
	}

	/** The values: zero except at {@link #PIXELS}. */
	private static final class SparseValues implements StoredValues {

		@Override
		public ElementType type() {
			return ElementType.FLOAT32;
		}

		@Override
		public long length() {
			return (long) CHANNELS * WIDTH * HEIGHT;
		}

		@Override
		public double get(long index) {
			int p = (int) (index / CHANNELS);
			return Arrays.binarySearch(PIXELS, p) >= 0 ? value(p, (int) (index % CHANNELS)) : 0;
		}

		@Override
		public void read(long start, double[] dst, int offset, int count) {
			Arrays.fill(dst, offset, offset + count, 0);
			for (int p : PIXELS) {
				long from = Math.max(start, (long) p * CHANNELS);
				long to = Math.min(start + count, (long) (p + 1) * CHANNELS);
				for (long i = from; i < to; i++)
					dst[offset + (int) (i - start)] = value(p, (int) (i % CHANNELS));
			}
		}
	}

	/**
	 * {@return what is wrong with the file, empty when it is what {@link #signal()} describes}
	 *
	 * @param file the written file
	 */
	static List<String> problems(Path file) throws IOException {
		List<String> problems = new ArrayList<>();
		try (EmFile f = EmFiles.open(file)) {
			EmSignal s = f.signal();
			check(problems, "format", "DM4", f.format());
			check(problems, "axes", AXES, s.axes());
			check(problems, "type", ElementType.FLOAT32, s.type());
			check(problems, "signal type", "EELS", s.signalType());
			check(problems, "acquisition", ACQUISITION, s.acquisition());
			double[] spectrum = new double[CHANNELS];
			for (int p : PIXELS) {
				s.values().read((long) p * CHANNELS, spectrum, 0, CHANNELS);
				for (int e = 0; e < CHANNELS; e++)
					if (spectrum[e] != value(p, e))
						problems.add("pixel " + p + " channel " + e + ": " + spectrum[e] + ", expected " + value(p, e));
			}
			for (int p : new int[] { 2, 116507, 116509, 233016, 262141 }) {
				s.values().read((long) p * CHANNELS, spectrum, 0, CHANNELS);
				if (Arrays.stream(spectrum).anyMatch(v -> v != 0))
					problems.add("pixel " + p + " should be all zeros");
			}
		}
		return problems;
	}

	private static void check(List<String> problems, String what, Object expected, Object actual) {
		if (!expected.equals(actual))
			problems.add(what + ": " + actual + ", expected " + expected);
	}

	/**
	 * {@code DmLargeSpectrumImage <file>}: checks the file (run by {@link DmLargeFileTest} in a
	 * JVM with a small heap); prints the problems and exits with 1 if there are any.
	 */
	public static void main(String[] args) throws IOException {
		long start = System.nanoTime();
		List<String> problems = problems(Path.of(args[0]));
		System.out.printf("checked in %.1f s with a heap of at most %d MiB%n", (System.nanoTime() - start) / 1e9,
			Runtime.getRuntime().maxMemory() >> 20);
		problems.stream().limit(20).forEach(System.out::println);
		System.exit(problems.isEmpty() ? 0 : 1);
	}
}
