package org.ml4em.eels;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;

/**
 * The typical spectrum of each cluster and its spread: per energy channel the median and the 16th
 * and 84th percentiles (the ±1σ band of a Gaussian) over the cluster's spectra. Arrays are
 * shared; do not modify them.
 * <p>
 * To keep memory bounded on any image size, each cluster's figures come from at most
 * {@code maxSpectra} of its spectra, a uniform random sample drawn by reservoir sampling (Vitter's
 * algorithm R) over the pixels in scan order with a fixed seed; only that sample of one cluster is
 * held in memory at a time. Percentiles interpolate linearly between order statistics (NumPy's
 * default); NaN values (channels outside the recorded range after alignment) are skipped, and a
 * channel with no value at all is NaN.
 *
 * <pre>
 * ClusterSpectra s = ClusterSpectra.of(aligned, clusters.labels(), clusters.k(), 2000, 42, 2, Progress.NONE);
 * double[] thinnestMedian = s.median()[0];
 * </pre>
 *
 * @param energies energy of each channel, in eV (the spectra's energy axis)
 * @param median per cluster, per channel: the median
 * @param p16 per cluster, per channel: the 16th percentile
 * @param p84 per cluster, per channel: the 84th percentile
 * @param pixelCounts per cluster: its number of pixels
 * @param sampledSpectra per cluster: how many spectra the figures come from
 */
public record ClusterSpectra(double[] energies, double[][] median, double[][] p16, double[][] p84, long[] pixelCounts,
	int[] sampledSpectra)
{
	/**
	 * Computes the per-cluster spectra.
	 *
	 * @param image the spectra (normally the {@link AlignedSpectrumImage})
	 * @param labels cluster of each pixel {@code [x + y·width]}, 0 … k − 1, or −1 to leave it out
	 * @param k number of clusters
	 * @param maxSpectra largest sample per cluster, at least 1
	 * @param seed seed of the sampling
	 * @param threads threads reading spectra
	 * @param progress fraction done; can cancel
	 * @return the spectra
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public static ClusterSpectra of(SpectrumImage image, int[] labels, int k, int maxSpectra, long seed, int threads, Progress progress) {
		Objects.requireNonNull(image, "image");
		if (labels.length != image.pixels())
			throw new IllegalArgumentException(labels.length + " labels for " + image.pixels() + " pixels");
		if (maxSpectra < 1) throw new BadInputException("spectra per cluster must be at least 1 (got " + maxSpectra + ").");
		long[] counts = new long[k];
		int[][] samples = reservoirs(labels, k, maxSpectra, seed, counts);
		int c = image.channels();
		double[][] median = new double[k][c], p16 = new double[k][c], p84 = new double[k][c];
		int[] sampled = new int[k];
		for (int j = 0; j < k; j++) {
			progress.status("Spectra of thickness class " + (j + 1) + "/" + k);
			sampled[j] = samples[j].length;
			float[][] spectra = read(image, samples[j], threads, new ProgressRange(progress, j / (double) k, (j + 1.0) / k));
			percentiles(spectra, c, median[j], p16[j], p84[j]);
		}
		double[] energies = new double[c];
		for (int i = 0; i < c; i++) energies[i] = image.energyAxis().energy(i);
		return new ClusterSpectra(energies, median, p16, p84, counts, sampled);
	}

	/** One reservoir of pixel indices per cluster, from one random stream in scan order; counts every cluster's pixels. */
	private static int[][] reservoirs(int[] labels, int k, int max, long seed, long[] counts) {
		int[][] kept = new int[k][max];
		SplittableRandom random = new SplittableRandom(seed);
		for (int p = 0; p < labels.length; p++) {
			int j = labels[p];
			if (j < 0) continue;
			long seen = counts[j]++;
			if (seen < max) kept[j][(int) seen] = p;
			else {
				long slot = random.nextLong(seen + 1);
				if (slot < max) kept[j][(int) slot] = p;
			}
		}
		for (int j = 0; j < k; j++) {
			kept[j] = Arrays.copyOf(kept[j], (int) Math.min(counts[j], max));
			// Scan order reads a file front to back.
			Arrays.sort(kept[j]);
		}
		return kept;
	}

	/** Reads the sampled spectra as floats, in blocks spread over threads. */
	private static float[][] read(SpectrumImage image, int[] pixels, int threads, Progress progress) {
		float[][] spectra = new float[pixels.length][];
		int blockSize = 64, blocks = (pixels.length + blockSize - 1) / blockSize;
		int c = image.channels(), width = image.width();
		ParallelRows.forEach(blocks, threads, progress, b -> {
			double[] s = new double[c];
			for (int i = b * blockSize; i < Math.min(pixels.length, (b + 1) * blockSize); i++) {
				image.spectrum(pixels[i] % width, pixels[i] / width, s);
				float[] f = new float[c];
				for (int e = 0; e < c; e++) f[e] = (float) s[e];
				spectra[i] = f;
			}
		});
		return spectra;
	}

	private static void percentiles(float[][] spectra, int channels, double[] median, double[] p16, double[] p84) {
		double[] column = new double[spectra.length];
		for (int e = 0; e < channels; e++) {
			int n = 0;
			for (float[] s : spectra) if (!Float.isNaN(s[e])) column[n++] = s[e];
			Arrays.sort(column, 0, n);
			median[e] = Percentiles.of(column, n, 50);
			p16[e] = Percentiles.of(column, n, 16);
			p84[e] = Percentiles.of(column, n, 84);
		}
	}
}
