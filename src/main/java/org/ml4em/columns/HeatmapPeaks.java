package org.ml4em.columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * Turns the column finder's output into columns: the local maxima of the heat map (channel 0)
 * above a threshold, each refined to sub-pixel by a Gaussian through the heat map's profiles
 * around it (the training targets are Gaussians; a centre of mass over a window as narrow as the
 * peak would pull every column towards its pixel's centre), and classified by the class channel (channels 1 …) with the largest sum around it (SCIENCE.md
 * section 3).
 *
 * <pre>
 * List&lt;DetectedColumn&gt; columns = new HeatmapPeaks(0.5, 3, 2, List.of("atom", "vacancy", "dopant")).find(probabilities, 512, 512);
 * </pre>
 *
 * Stateless apart from its settings, thread-safe.
 */
public final class HeatmapPeaks {

	private final double threshold;
	private final int separation;
	private final int window;
	private final List<String> labels;

	/** Half the closest column spacing of the lattices trained on (graphene, 1.42 Å), Å. */
	public static final double SEPARATION_ANGSTROM = 0.6;

	/** The finder's default threshold on the heat map. */
	public static final double DEFAULT_THRESHOLD = 0.5;

	/**
	 * {@return peaks for an image of the given pixel size}: separation {@value #SEPARATION_ANGSTROM} Å,
	 * window the σ of the training targets (0.3 Å), each at least one pixel
	 *
	 * @param threshold least heat-map value of a column
	 * @param pixelSize Å per pixel
	 * @param labels the class of each class channel
	 */
	public static HeatmapPeaks forPixelSize(double threshold, double pixelSize, List<String> labels) {
		return new HeatmapPeaks(threshold, Math.max(1, (int) Math.round(SEPARATION_ANGSTROM / pixelSize)), Math.max(1, (int) Math.round(0.3 / pixelSize)),
			labels);
	}

	/**
	 * @param threshold least heat-map value of a column, 0 … 1 (0.5 by convention)
	 * @param separation radius, pixels, within which a maximum must be the largest (about half the
	 *            smallest column spacing)
	 * @param window half-width, pixels, of the square over which position and class are averaged
	 *            (about the σ of the heat map's peaks)
	 * @param labels the class of each class channel, in channel order
	 */
	public HeatmapPeaks(double threshold, int separation, int window, List<String> labels) {
		if (!(threshold >= 0 && threshold <= 1)) throw new BadInputException("threshold=" + threshold + "; expected 0 to 1.");
		if (separation < 1 || window < 1) throw new IllegalArgumentException("separation and window must be at least 1 pixel");
		this.threshold = threshold;
		this.separation = separation;
		this.window = window;
		this.labels = List.copyOf(labels);
	}

	/**
	 * Finds the columns.
	 *
	 * @param probabilities {@code (y, x, channel)} row-major, channels fastest: the heat map then one
	 *            channel per label
	 * @param width pixels
	 * @param height pixels
	 * @return the columns, by decreasing score (the heat map's value at the maximum)
	 */
	public List<DetectedColumn> find(float[] probabilities, int width, int height) {
		Objects.requireNonNull(probabilities, "probabilities");
		int channels = 1 + labels.size();
		if (probabilities.length != (long) width * height * channels) throw new IllegalArgumentException(
			probabilities.length + " values for " + width + " x " + height + " pixels of " + channels + " channels");
		List<DetectedColumn> found = new ArrayList<>();
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				float v = probabilities[(x + y * width) * channels];
				if (v >= threshold && isMaximum(probabilities, width, height, channels, x, y, v)) found.add(refine(probabilities, width, height, channels, x, y, v));
			}
		found.sort(Comparator.comparingDouble(DetectedColumn::score).reversed());
		return found;
	}

	/** Largest within the separation radius; of equal values, the first in row order wins. */
	private boolean isMaximum(float[] p, int width, int height, int channels, int x, int y, float v) {
		int r2 = separation * separation;
		for (int j = Math.max(0, y - separation); j <= Math.min(height - 1, y + separation); j++)
			for (int i = Math.max(0, x - separation); i <= Math.min(width - 1, x + separation); i++) {
				int dx = i - x, dy = j - y;
				if (dx * dx + dy * dy > r2 || (dx == 0 && dy == 0)) continue;
				float u = p[(i + j * width) * channels];
				if (u > v || (u == v && (j < y || (j == y && i < x)))) return false;
			}
		return true;
	}

	private DetectedColumn refine(float[] p, int width, int height, int channels, int x, int y, float v) {
		int x0 = Math.max(0, x - window), x1 = Math.min(width - 1, x + window), y0 = Math.max(0, y - window), y1 = Math.min(height - 1, y + window);
		double[] columnSums = new double[x1 - x0 + 1], rowSums = new double[y1 - y0 + 1];
		double[] classSums = new double[labels.size()];
		for (int j = y0; j <= y1; j++)
			for (int i = x0; i <= x1; i++) {
				int k = (i + j * width) * channels;
				columnSums[i - x0] += p[k];
				rowSums[j - y0] += p[k];
				for (int c = 0; c < classSums.length; c++)
					classSums[c] += p[k + 1 + c];
			}
		int best = 0;
		for (int c = 1; c < classSums.length; c++)
			if (classSums[c] > classSums[best]) best = c;
		return new DetectedColumn(x + offset(columnSums, x - x0), y + offset(rowSums, y - y0), labels.get(best), v);
	}

	/**
	 * The sub-pixel offset of a profile's peak from index {@code centre}: the vertex of the parabola
	 * through the logarithms at {@code centre} and {@code ±step}, exact for a Gaussian; the profile's
	 * centre of mass where that parabola does not open downwards (a flat top, an edge).
	 */
	private double offset(double[] profile, int centre) {
		int step = Math.max(1, window / 2);
		if (centre - step >= 0 && centre + step < profile.length && profile[centre - step] > 0 && profile[centre + step] > 0) {
			double left = Math.log(profile[centre - step]), middle = Math.log(profile[centre]), right = Math.log(profile[centre + step]);
			double curvature = left - 2 * middle + right;
			if (curvature < 0) {
				double d = step * (left - right) / (2 * curvature);
				if (Math.abs(d) <= step) return d;
			}
		}
		double sum = 0, moment = 0;
		for (int i = 0; i < profile.length; i++) {
			sum += profile[i];
			moment += profile[i] * (i - centre);
		}
		return sum > 0 ? moment / sum : 0;
	}
}
