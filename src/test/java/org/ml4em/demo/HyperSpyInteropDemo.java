package org.ml4em.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.ml4em.Progress;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.ArrayValues;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;
import org.ml4em.io.hspy.HyperSpyWriter;

/**
 * Writes .hspy files of every kind {@link HyperSpyWriter} makes, and {@code expected.json} saying
 * what HyperSpy should find in them, for {@code check_interop.py} (beside the HyperSpy test files)
 * to compare with what HyperSpy really loads:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.ml4em.demo.HyperSpyInteropDemo /tmp/interop
 * /usr/bin/python3 src/test/resources/org/ml4em/io/hspy/check_interop.py /tmp/interop
 * </pre>
 */
public final class HyperSpyInteropDemo {

	private HyperSpyInteropDemo() {}

	/** @param args the folder to write into */
	public static void main(String[] args) throws IOException {
		Path dir = Files.createDirectories(Path.of(args[0]));
		Random random = new Random(1);
		List<String> records = new ArrayList<>();
		ElementType[] types = { ElementType.INT8, ElementType.UINT8, ElementType.INT16, ElementType.UINT16, ElementType.INT32,
			ElementType.UINT32, ElementType.INT64, ElementType.UINT64, ElementType.FLOAT32, ElementType.FLOAT64, ElementType.BOOL };
		for (HyperSpyWriter.Storage storage : HyperSpyWriter.Storage.values())
			for (ElementType type : types)
				for (int rank = 1; rank <= 3; rank++) {
					List<Axis> axes = new ArrayList<>(List.of(new Axis("Energy loss", 7, 0.5, -1.5, "eV", false),
						new Axis("x", 3, 2.5, 0.5, "nm", true), new Axis("y", 2, 2.5, 0, "", true)).subList(0, rank));
					if (rank == 2 && type == ElementType.FLOAT32)
						axes = List.of(new Axis("x", 3, 1, 0, "nm", true), new Axis("Energy", 5, 1, 0, "eV", false)); // navigation fastest
					EmSignal s = signal(type.dtype() + " " + rank + "D", axes, type, random);
					String name = type.dtype() + "_" + rank + "d_" + storage.name().toLowerCase(Locale.ROOT) + ".hspy";
					HyperSpyWriter.write(s, dir.resolve(name), storage, true);
					records.add(record(name, s, type == ElementType.BOOL ? "uint8" : type.dtype()));
				}
		Files.writeString(dir.resolve("expected.json"), "{\n" + String.join(",\n", records) + "\n}\n");
		System.out.println(records.size() + " files written to " + dir);
	}

	private static EmSignal signal(String title, List<Axis> axes, ElementType type, Random random) {
		int n = 1;
		for (Axis a : axes)
			n *= (int) a.size();
		double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = type == ElementType.BOOL ? random.nextInt(2) : type == ElementType.FLOAT32 ? (float) random.nextGaussian()
				: type == ElementType.FLOAT64 ? random.nextGaussian() : random.nextInt(100);
		return new EmSignal(title, "EELS", axes, new ArrayValues(type, v),
			new AcquisitionInfo(300.0, 0.1, 0.5, "Demo TEM", null, "2024-05-06 07:08:09"),
			Map.of("Original", Map.of("list", List.of(1L, 2L), "flag", true, "text", "µ")));
	}

	private static String record(String name, EmSignal s, String dtype) {
		StringBuilder axes = new StringBuilder();
		for (int d = s.axes().size() - 1; d >= 0; d--) { // NumPy order
			Axis a = s.axes().get(d);
			axes.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"size\": %d, \"scale\": %s, \"offset\": %s, \"units\": \"%s\", \"navigate\": %s}%s",
				a.name(), a.size(), a.scale(), a.offset(), a.units(), a.navigate(), d > 0 ? ", " : ""));
		}
		long[] shape = s.shape();
		StringBuilder numpyShape = new StringBuilder();
		for (int d = shape.length - 1; d >= 0; d--)
			numpyShape.append(shape[d]).append(d > 0 ? ", " : "");
		return String.format(Locale.ROOT, "\"%s\": {\"dtype\": \"%s\", \"numpy_shape\": [%s], \"axes\": [%s], \"title\": \"%s\", "
			+ "\"signal_type\": \"%s\", \"mean\": %s, \"beam_energy_keV\": %s}", name, dtype, numpyShape, axes, s.title(),
			s.signalType(), s.mean(Progress.NONE), s.acquisition().beamEnergyKeV());
	}
}
