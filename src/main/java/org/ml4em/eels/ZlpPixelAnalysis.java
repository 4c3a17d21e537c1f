package org.ml4em.eels;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.ml4em.Progress;

/**
 * Per-pixel results of a zero-loss-peak ensemble on a clustered spectrum image: every pixel's ZLP
 * predicted at the pixel's own ln I_total by every kept replica, the inelastic signal
 * {@code I − I_ZLP} ({@link #bands}), and a band-gap map ({@link #bandGapMap}).
 *
 * <pre>
 * ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(predictor, model, thickness, progress);
 * ZlpEnsemble one = pixels.bands(12, 7);                       // ZLP and inelastic bands of pixel (12, 7)
 * ZlpPixelMaps gaps = pixels.bandGapMap(result.classes(), BandGapSettings.of(GapType.DIRECT), 2, 42, progress);
 * </pre>
 *
 * How it stays fast (a 128 × 128 image with 100 replicas would otherwise need 1.6 million network
 * evaluations of a whole spectrum and as many band-gap fits):
 * <ul>
 * <li><b>ZLP</b>: the networks are evaluated once on a grid of {@value #GRID_NODES} ln I_total
 * values spanning the pixels', and each pixel's ln I_ZLP is interpolated linearly between the two
 * nearest nodes. The network is a smooth function of ln I_total (sigmoid units), so the error is
 * of second order in the node spacing: far below the replicas' spread (tested against direct
 * prediction).</li>
 * <li><b>Band gap</b>: per pixel, the first {@value #MAX_FIT_REPLICAS} kept replicas (replicas are
 * exchangeable, so these are a random subset) each give one fit, Eg is their median and the 68 %
 * interval their 16th–84th percentiles. A single pixel's spectrum is noisy, so each replica also
 * redraws the counts (Gaussian, σ = √counts, seeded by pixel: a parametric bootstrap, the
 * "fluctuated data" replicas of EELSfitter): the interval then holds the counting noise as well as
 * the ZLP model's uncertainty. Every pixel of a class is fitted in its class's window (the one the
 * class's own band gap was fitted in, or the given window) with the class's ZLP width as
 * resolution, so maps compare like with like and no per-pixel window search is needed.</li>
 * <li>Pixels are spread over threads by rows; cancel is polled before each row.</li>
 * </ul>
 * A pixel whose fits mostly fail (fewer than half reliable) is NaN and counted; so are pixels
 * outside the model's ln I_total range and pixels of a class without a band gap.
 * Results do not depend on the thread count. Not thread-safe to prepare; {@link #bands} and
 * {@link #bandGapMap} may be called from several threads.
 */
public final class ZlpPixelAnalysis {

	/** Replicas fitted per pixel, at most. */
	public static final int MAX_FIT_REPLICAS = 16;

	/** ln I_total nodes at which the networks are evaluated. */
	public static final int GRID_NODES = 65;

	private final ZlpModel model;
	private final ThicknessResult thickness;
	private final double[] energies;
	private final int modelled;
	private final float[] nodes;
	/** ln I_ZLP [kept replica][node][channel], channels below the end of the modelled range. */
	private final float[][][] grid;

	private ZlpPixelAnalysis(ZlpModel model, ThicknessResult thickness, double[] energies, int modelled, float[] nodes, float[][][] grid) {
		this.model = model;
		this.thickness = thickness;
		this.energies = energies;
		this.modelled = modelled;
		this.nodes = nodes;
		this.grid = grid;
	}

	/**
	 * Evaluates the networks on the ln I_total grid.
	 *
	 * @param predictor the model's networks
	 * @param model scaling, kept replicas and range
	 * @param thickness the thickness analysis of the spectrum image, with clustering
	 * @param progress status and cancel
	 * @return the analysis, ready for {@link #bands} and {@link #bandGapMap}
	 */
	public static ZlpPixelAnalysis prepare(ZlpPredictor predictor, ZlpModel model, ThicknessResult thickness, Progress progress) {
		return prepare(predictor, model, thickness, new double[0], progress);
	}

	/**
	 * Evaluates the networks on the ln I_total grid, for spectra recorded at one acquisition setting.
	 *
	 * @param predictor the model's networks
	 * @param model scaling, kept replicas and range
	 * @param thickness the thickness analysis of the spectrum image, with clustering
	 * @param setting the image's acquisition setting, one value per condition input of the model
	 * @param progress status and cancel
	 * @return the analysis, ready for {@link #bands} and {@link #bandGapMap}
	 */
	public static ZlpPixelAnalysis prepare(ZlpPredictor predictor, ZlpModel model, ThicknessResult thickness, double[] setting, Progress progress) {
		Objects.requireNonNull(predictor, "predictor");
		progress.checkCanceled();
		progress.status("ZLP per pixel: predicting on a grid of " + GRID_NODES + " intensities");
		double[] energies = ZlpAnalysis.energies(thickness.aligned().energyAxis());
		int modelled = 0;
		while (modelled < energies.length && model.scaling().models(energies[modelled]))
			modelled++;
		float[] nodes = nodes(model, thickness);
		float[] fixed = model.scaling().scaledSetting(0, setting);
		float[][] points = new float[nodes.length * modelled][];
		for (int n = 0; n < nodes.length; n++)
			for (int c = 0; c < modelled; c++) {
				float[] point = fixed.clone();
				point[0] = model.scaling().energy(energies[c]);
				point[1] = nodes[n];
				points[n * modelled + c] = point;
			}
		float[][] all = predictor.predict(points);
		float[][][] grid = new float[model.keptCount()][nodes.length][];
		for (int r = 0, k = 0; r < all.length; r++) {
			if (!model.kept()[r]) continue;
			for (int n = 0; n < nodes.length; n++) {
				grid[k][n] = Arrays.copyOfRange(all[r], n * modelled, (n + 1) * modelled);
				if (setting.length > 0) PeakRecentring.recentre(grid[k][n], modelled, energies);
			}
			k++;
		}
		return new ZlpPixelAnalysis(model, thickness, energies, modelled, nodes, grid);
	}

	/** Grid nodes on the network's ln I_total scale, spanning the pixels the model covers. */
	private static float[] nodes(ZlpModel model, ThicknessResult thickness) {
		float[] total = thickness.maps().totalIntensity();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (float t : total)
			if (t > 0 && model.covers(Math.log(t))) {
				min = Math.min(min, model.scaling().logIntensity(Math.log(t)));
				max = Math.max(max, model.scaling().logIntensity(Math.log(t)));
			}
		if (!(max > min))
			return new float[] { Double.isFinite(min) ? (float) min : 0.5f };
		float[] nodes = new float[GRID_NODES];
		for (int n = 0; n < GRID_NODES; n++)
			nodes[n] = (float) (min + (max - min) * n / (GRID_NODES - 1));
		return nodes;
	}

	/** {@return the number of kept replicas the ZLP is predicted by} */
	public int replicas() {
		return grid.length;
	}

	/**
	 * The ZLP and inelastic bands of one pixel, over all kept replicas.
	 *
	 * @param x column
	 * @param y row
	 * @return the bands on the aligned energy axis; NaN everywhere for a pixel without counts, and
	 *     the inelastic signal NaN where the pixel was not measured
	 */
	public ZlpEnsemble bands(int x, int y) {
		int w = thickness.aligned().width();
		double[] spectrum = new double[energies.length];
		thickness.aligned().spectrum(x, y, spectrum);
		float total = thickness.maps().totalIntensity()[x + y * w];
		float[][] lnZlp = new float[grid.length][energies.length];
		for (float[] row : lnZlp)
			Arrays.fill(row, total > 0 ? Float.NEGATIVE_INFINITY : Float.NaN);
		if (total > 0) {
			float l = model.scaling().logIntensity(Math.log(total));
			for (int k = 0; k < grid.length; k++)
				interpolate(k, l, 0, modelled, lnZlp[k]);
		}
		boolean[] all = new boolean[grid.length];
		Arrays.fill(all, true);
		return ZlpEnsemble.of(energies, spectrum, lnZlp, all);
	}

	/**
	 * The ZLP and inelastic bands of every pixel ({@link #bands} for all pixels).
	 *
	 * @param threads threads, at least 1
	 * @param progress fraction of rows done; cancel
	 * @return six spectrum images on the aligned energy axis
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ZlpPixelSpectra spectra(int threads, Progress progress) {
		SpectrumImage aligned = thickness.aligned();
		int w = aligned.width(), h = aligned.height(), n = energies.length;
		float[][] out = new float[6][Math.multiplyExact(w * h, n)];
		progress.status("ZLP per pixel: median and band of " + w * h + " spectra");
		ParallelRows.forEach(h, threads, progress, y -> {
			for (int x = 0; x < w; x++) {
				ZlpEnsemble b = bands(x, y);
				double[][] q = { b.zlpMedian(), b.zlpLow(), b.zlpHigh(), b.inelasticMedian(), b.inelasticLow(), b.inelasticHigh() };
				int start = (x + y * w) * n;
				for (int k = 0; k < 6; k++)
					for (int c = 0; c < n; c++)
						out[k][start + c] = (float) q[k][c];
			}
		});
		return new ZlpPixelSpectra(w, h, aligned.energyAxis(), out[0], out[1], out[2], out[3], out[4], out[5]);
	}

	/** ln I_ZLP of kept replica k at scaled ln I_total l, channels [from, to) into dst[from…]. */
	private void interpolate(int k, float l, int from, int to, float[] dst) {
		int n = nodes.length;
		if (n == 1) {
			System.arraycopy(grid[k][0], from, dst, from, to - from);
			return;
		}
		double t = Math.max(0, Math.min(n - 1, (l - nodes[0]) / (nodes[n - 1] - nodes[0]) * (n - 1)));
		int i = Math.min(n - 2, (int) t);
		float f = (float) (t - i);
		float[] a = grid[k][i], b = grid[k][i + 1];
		for (int c = from; c < to; c++)
			dst[c] = a[c] + f * (b[c] - a[c]);
	}

	/**
	 * The band gap of every pixel (see the class comment for the scheme).
	 *
	 * @param classes the classes' results (their band-gap windows are used)
	 * @param gap gap type; its window, when given, replaces the classes'
	 * @param threads threads, at least 1
	 * @param seed seed of the redrawn counts
	 * @param progress fraction of rows done; cancel
	 * @return the maps and the counts of pixels without a band gap
	 * @throws java.util.concurrent.CancellationException when canceled
	 */
	public ZlpPixelMaps bandGapMap(List<ZlpClassResult> classes, BandGapSettings gap, int threads, long seed, Progress progress) {
		long start = System.nanoTime();
		progress.status("ZLP per pixel: band gaps of " + thickness.aligned().pixels() + " pixels");
		PixelGapFit[] perClass = new PixelGapFit[classes.size()];
		for (ZlpClassResult c : classes)
			perClass[c.label()] = PixelGapFit.of(gap, c, thickness.clusterSpectra().median()[c.label()], energies);
		int w = thickness.aligned().width(), h = thickness.aligned().height();
		float[][] maps = new float[3][w * h];
		for (float[] m : maps)
			Arrays.fill(m, Float.NaN);
		int[][] counts = new int[h][4];
		int n = Math.min(MAX_FIT_REPLICAS, grid.length);
		ParallelRows.forEach(h, threads, progress, y -> row(y, perClass, n, seed, maps, counts[y]));
		int[] sum = new int[4];
		for (int[] c : counts)
			for (int i = 0; i < 4; i++)
				sum[i] += c[i];
		return new ZlpPixelMaps(w, h, maps[0], maps[1], maps[2], n, sum[0], sum[1], sum[2], sum[3], (System.nanoTime() - start) / 1e9);
	}

	/** Fits the pixels of row y; counts[0..3]: fitted, failed, no class gap, outside the model. */
	private void row(int y, PixelGapFit[] perClass, int n, long seed, float[][] maps, int[] counts) {
		int w = thickness.aligned().width();
		int[] labels = thickness.clusters().labels();
		float[] total = thickness.maps().totalIntensity();
		double[] spectrum = new double[energies.length];
		float[] lnZlp = new float[energies.length];
		for (int x = 0; x < w; x++) {
			int p = x + y * w;
			int c = labels[p];
			if (c < 0 || c >= perClass.length || !(total[p] > 0) || !model.covers(Math.log(total[p]))) {
				counts[3]++;
				continue;
			}
			PixelGapFit fit = perClass[c];
			if (fit == null) {
				counts[2]++;
				continue;
			}
			thickness.aligned().spectrum(x, y, spectrum);
			float l = model.scaling().logIntensity(Math.log(total[p]));
			int from = Math.min(fit.first(), modelled), to = Math.min(fit.end(), modelled);
			double[] gaps = new double[n];
			int good = 0;
			SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * p);
			for (int k = 0; k < n; k++) {
				Arrays.fill(lnZlp, Float.NEGATIVE_INFINITY);
				interpolate(k, l, from, to, lnZlp);
				double eg = fit.bandGap(spectrum, lnZlp, random);
				if (!Double.isNaN(eg))
					gaps[good++] = eg;
			}
			if (good == 0 || 2 * good < n) {
				counts[1]++;
				continue;
			}
			Arrays.sort(gaps, 0, good);
			maps[0][p] = (float) Percentiles.of(gaps, good, 50);
			maps[1][p] = (float) Percentiles.of(gaps, good, 16);
			maps[2][p] = (float) Percentiles.of(gaps, good, 84);
			counts[0]++;
		}
	}
}
