package org.ml4em.eels;

import java.util.concurrent.atomic.AtomicLong;

import org.ml4em.Progress;

/**
 * Runs the thickness analysis on a 256 × 256 × 1024 spectrum image computed on demand (256 MiB as
 * float, 512 MiB as double), and prints what the test checks. {@link ThicknessAnalysisTest} runs it
 * in a JVM whose heap is far smaller than the data, so any copy of the whole image fails.
 */
public final class LargeLazyRun {

	static final int SIZE = 256;
	static final double[] REGIONS = { 0.2, 0.5, 0.9 };

	private LargeLazyRun() {}

	/** Prints "key value" lines: per-region median t/λ, pixel accuracy, values read, seconds. */
	public static void main(String[] args) {
		ThicknessMap map = ThicknessMap.stripes(SIZE, SIZE, REGIONS);
		SyntheticSpectrumImage synthetic = SyntheticLowLoss.defaults().withSeed(5).generate(map);
		AtomicLong valuesRead = new AtomicLong();
		SpectrumImage counted = new ForwardingSpectrumImage(synthetic) {
			@Override
			public void spectrum(int x, int y, double[] dst) {
				valuesRead.addAndGet(channels());
				super.spectrum(x, y, dst);
			}
		};
		long start = System.nanoTime();
		ThicknessResult r = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(3).withThreads(2)).run(counted, Progress.NONE);
		System.out.println("seconds " + (System.nanoTime() - start) / 1e9);
		int[] truth = map.regionLabels();
		for (int region = 0; region < REGIONS.length; region++) System.out.println("median" + region + " " + median(r.maps().thickness(), truth, region));
		int same = 0;
		for (int p = 0; p < truth.length; p++) if (truth[p] == r.clusters().labels()[p]) same++;
		System.out.println("accuracy " + same / (double) truth.length);
		System.out.println("valuesRead " + valuesRead.get());
		System.out.println("sampledSpectra " + java.util.Arrays.stream(r.clusterSpectra().sampledSpectra()).sum());
		System.out.println("maxHeapMiB " + Runtime.getRuntime().maxMemory() / (1 << 20));
	}

	private static double median(float[] t, int[] region, int which) {
		double[] v = java.util.stream.IntStream.range(0, t.length).filter(p -> region[p] == which).mapToDouble(p -> t[p]).sorted().toArray();
		return v[v.length / 2];
	}
}
