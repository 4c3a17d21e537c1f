package org.ml4em.eels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;

/**
 * The Monte Carlo replicas' training data for the zero-loss-peak network (EELSfitter's method,
 * SCIENCE.md section 2), as arrays ready for a batched trainer: replica {@code r}'s points are
 * {@code x[r][n] = (ΔE, ln I_total)} on the network's scale, target {@code y[r][n] = ln I(ΔE)},
 * error {@code sigma[r][n]} (both in ln counts), and a training or validation weight of 1; replicas
 * with fewer points are padded with weight 0.
 * <p>
 * Replica {@code r} draws, for every thickness class, one of its pixels at random (fixed seed) and
 * uses that aligned spectrum:
 * <ul>
 * <li>data: every channel with ΔE ≤ dE1 of the class and positive counts; σ is the class's spread
 * there, half the distance between the ln 16th and ln 84th percentile spectra, combined in
 * quadrature with the Poisson error 1/√median of the class (so that no point has σ = 0);</li>
 * <li>pseudo-data: {@value #PSEUDO_POINTS} energies evenly from dE2 of the class to
 * {@value #PSEUDO_END_FACTOR} · dE2 (or the end of the spectrum), target ln 1 = 0 (the ZLP is about
 * one count there), σ = {@value #PSEUDO_SIGMA};</li>
 * <li>each point is for training with probability {@value #TRAIN_FRACTION}, else for validation.</li>
 * </ul>
 * The network's energy input spans only the modelled range, from the first channel to the last
 * pseudo-data point ({@link ZlpInputScaling#energyMax()}): a ZLP a fraction of an eV wide must not be
 * squeezed into a sliver of the input range by a spectrum recorded to 100 eV. Beyond that range the
 * ZLP is zero.
 */
public final class ZlpTrainingSet {

	/** Pseudo-data points per class and replica. */
	public static final int PSEUDO_POINTS = 20;

	/** Error of the pseudo-data, ln counts. */
	public static final double PSEUDO_SIGMA = 0.4;

	/** The pseudo-data run from dE2 to this multiple of dE2. */
	public static final double PSEUDO_END_FACTOR = 2;

	/** Share of the points used for training; the others decide early stopping. */
	public static final double TRAIN_FRACTION = 0.75;

	private final ZlpInputScaling scaling;
	private final float[][][] x;
	private final float[][] y;
	private final float[][] sigma;
	private final float[][] trainWeight;
	private final float[][] validationWeight;
	private final int[][] pixels;

	private ZlpTrainingSet(ZlpInputScaling scaling, float[][][] x, float[][] y, float[][] sigma, float[][] trainWeight,
		float[][] validationWeight, int[][] pixels)
	{
		this.scaling = scaling;
		this.x = x;
		this.y = y;
		this.sigma = sigma;
		this.trainWeight = trainWeight;
		this.validationWeight = validationWeight;
		this.pixels = pixels;
	}

	/**
	 * One spectrum image's share of the training data.
	 *
	 * @param aligned the zero-loss-aligned spectrum image
	 * @param totalIntensity I_total per pixel ({@code [x + y·width]}, from the thickness maps)
	 * @param labels thickness class per pixel, −1 for none
	 * @param spectra the classes' median and 16/84 % spectra (aligned)
	 * @param cutoffs dE1 and dE2 per class
	 * @param setting the acquisition setting of the image, one value per condition input (empty for none)
	 */
	public record Source(SpectrumImage aligned, float[] totalIntensity, int[] labels, ClusterSpectra spectra, ZlpCutoffs cutoffs,
		double[] setting)
	{

		/** {@return the number of thickness classes} */
		public int classes() {
			return spectra.median().length;
		}
	}

	/**
	 * Draws the replicas' data of one spectrum image.
	 *
	 * @param aligned the zero-loss-aligned spectrum image
	 * @param totalIntensity I_total per pixel ({@code [x + y·width]}, from the thickness maps)
	 * @param labels thickness class per pixel, −1 for none
	 * @param spectra the classes' median and 16/84 % spectra (aligned)
	 * @param cutoffs dE1 and dE2 per class
	 * @param replicas number of replicas, at least 1
	 * @param seed seed of every random choice
	 * @return the training set
	 * @throws BadInputException when a class has no pixel or a replica would have no data point
	 */
	public static ZlpTrainingSet draw(SpectrumImage aligned, float[] totalIntensity, int[] labels, ClusterSpectra spectra,
		ZlpCutoffs cutoffs, int replicas, long seed)
	{
		return draw(List.of(new Source(aligned, totalIntensity, labels, spectra, cutoffs, new double[0])), List.of(), replicas, seed);
	}

	/**
	 * Draws the replicas' data of one or several spectrum images, each recorded at its own
	 * acquisition setting. The classes of all images are numbered one after the other (the first
	 * image's classes first); each replica draws one pixel of every class, and each setting value is
	 * a further network input.
	 *
	 * @param sources the spectrum images, at least one
	 * @param conditions the name of each setting value, in order (empty for none)
	 * @param replicas number of replicas, at least 1
	 * @param seed seed of every random choice
	 * @return the training set
	 * @throws BadInputException when a class has no pixel or a replica would have no data point
	 */
	public static ZlpTrainingSet draw(List<Source> sources, List<String> conditions, int replicas, long seed) {
		if (replicas < 1)
			throw new BadInputException("replicas=" + replicas + "; expected at least 1.");
		if (sources.isEmpty())
			throw new IllegalArgumentException("no spectrum image to train on");
		for (Source source : sources)
			if (source.setting().length != conditions.size())
				throw new IllegalArgumentException("every image needs one value per condition " + conditions);
		ZlpInputScaling scaling = scaling(sources, conditions);
		int classes = sources.stream().mapToInt(Source::classes).sum();
		SplittableRandom random = new SplittableRandom(seed);
		PointList[] lists = new PointList[replicas];
		for (int r = 0; r < replicas; r++)
			lists[r] = new PointList(scaling.inputCount());
		int[][] pixels = new int[replicas][classes];
		int first = 0;
		for (Source source : sources) {
			drawFrom(source, scaling, lists, pixels, first, random);
			first += source.classes();
		}
		return pack(scaling, lists, pixels);
	}

	/** Adds one image's points to every replica; its classes are {@code first, first + 1, …}. */
	private static void drawFrom(Source source, ZlpInputScaling scaling, PointList[] lists, int[][] pixels, int first, SplittableRandom random) {
		SpectrumImage aligned = source.aligned();
		ZlpCutoffs cutoffs = source.cutoffs();
		int k = source.classes();
		int[][] members = members(source.labels(), k);
		EnergyAxis energy = aligned.energyAxis();
		double[][] classSigma = new double[k][];
		for (int c = 0; c < k; c++)
			classSigma[c] = sigma(source.spectra(), c);
		double[] spectrum = new double[aligned.channels()];
		for (int r = 0; r < lists.length; r++) {
			PointList points = lists[r];
			for (int c = 0; c < k; c++) {
				int pixel = members[c][random.nextInt(members[c].length)];
				pixels[r][first + c] = pixel;
				aligned.spectrum(pixel % aligned.width(), pixel / aligned.width(), spectrum);
				float[] input = scaling.scaledSetting(Math.log(source.totalIntensity()[pixel]), source.setting());
				for (int ch = 0; ch < spectrum.length && energy.energy(ch) <= cutoffs.de1()[c]; ch++)
					if (spectrum[ch] > 0 && Double.isFinite(classSigma[c][ch]))
						points.add(scaling.energy(energy.energy(ch)), input, Math.log(spectrum[ch]), classSigma[c][ch], random);
				double last = pseudoEnd(energy, cutoffs.de2()[c]);
				for (int p = 0; p < PSEUDO_POINTS; p++) {
					double e = cutoffs.de2()[c] + (last - cutoffs.de2()[c]) * p / (PSEUDO_POINTS - 1);
					points.add(scaling.energy(e), input, 0, PSEUDO_SIGMA, random);
				}
			}
		}
	}

	private static int[][] members(int[] labels, int k) {
		int[] count = new int[k];
		for (int l : labels)
			if (l >= 0 && l < k)
				count[l]++;
		int[][] members = new int[k][];
		for (int c = 0; c < k; c++) {
			if (count[c] == 0)
				throw new BadInputException("thickness class " + c + " has no pixels; choose fewer classes.");
			members[c] = new int[count[c]];
		}
		int[] fill = new int[k];
		for (int p = 0; p < labels.length; p++)
			if (labels[p] >= 0 && labels[p] < k)
				members[labels[p]][fill[labels[p]]++] = p;
		return members;
	}

	private static double pseudoEnd(EnergyAxis energy, double de2) {
		return Math.min(energy.energy(energy.channels() - 1), PSEUDO_END_FACTOR * de2);
	}

	private static ZlpInputScaling scaling(List<Source> sources, List<String> conditions) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		double start = Double.POSITIVE_INFINITY, end = 0;
		for (Source source : sources) {
			for (int p = 0; p < source.labels().length; p++)
				if (source.labels()[p] >= 0 && source.totalIntensity()[p] > 0) {
					double l = Math.log(source.totalIntensity()[p]);
					min = Math.min(min, l);
					max = Math.max(max, l);
				}
			EnergyAxis energy = source.aligned().energyAxis();
			start = Math.min(start, energy.energy(0));
			for (double de2 : source.cutoffs().de2())
				end = Math.max(end, pseudoEnd(energy, de2));
		}
		List<ConditionScaling> scales = new ArrayList<>();
		for (int c = 0; c < conditions.size(); c++) {
			int index = c;
			DoubleSummaryStatistics values = sources.stream().mapToDouble(s -> s.setting()[index]).summaryStatistics();
			scales.add(ConditionScaling.of(conditions.get(c), values.getMin(), values.getMax()));
		}
		return new ZlpInputScaling(start, end, min, max, scales);
	}

	/** Spread of the class in ln counts, with the Poisson error in quadrature; NaN where undefined. */
	private static double[] sigma(ClusterSpectra spectra, int c) {
		double[] median = spectra.median()[c], low = spectra.p16()[c], high = spectra.p84()[c];
		double[] s = new double[median.length];
		for (int i = 0; i < s.length; i++) {
			if (!(median[i] > 0)) {
				s[i] = Double.NaN;
				continue;
			}
			double spread = low[i] > 0 && high[i] > 0 ? 0.5 * Math.log(high[i] / low[i]) : 0;
			s[i] = Math.sqrt(spread * spread + 1 / Math.max(median[i], 1));
		}
		return s;
	}

	private static ZlpTrainingSet pack(ZlpInputScaling scaling, PointList[] lists, int[][] pixels) {
		int n = 0;
		for (PointList l : lists)
			n = Math.max(n, l.size);
		int r = lists.length;
		int inputs = scaling.inputCount();
		float[][][] x = new float[r][n][inputs];
		float[][] y = new float[r][n], sigma = new float[r][n], train = new float[r][n], validation = new float[r][n];
		for (int i = 0; i < r; i++) {
			PointList l = lists[i];
			for (int p = 0; p < n; p++) {
				boolean real = p < l.size;
				for (int j = 0; j < inputs; j++)
					x[i][p][j] = real ? l.inputs[p * inputs + j] : 0.5f;
				y[i][p] = real ? l.target[p] : 0;
				sigma[i][p] = real ? l.sigma[p] : 1;
				train[i][p] = real && l.train[p] ? 1 : 0;
				validation[i][p] = real && !l.train[p] ? 1 : 0;
			}
		}
		return new ZlpTrainingSet(scaling, x, y, sigma, train, validation, pixels);
	}

	/** {@return the input scaling, to be kept with the model} */
	public ZlpInputScaling scaling() {
		return scaling;
	}

	/** {@return the number of replicas} */
	public int replicas() {
		return x.length;
	}

	/** {@return points per replica, padding included} */
	public int points() {
		return x.length == 0 ? 0 : x[0].length;
	}

	/** {@return inputs [replica][point][ΔE, ln I_total, conditions…], on the network's scale} */
	public float[][][] x() {
		return x;
	}

	/** {@return targets [replica][point], ln counts} */
	public float[][] y() {
		return y;
	}

	/** {@return errors [replica][point], ln counts} */
	public float[][] sigma() {
		return sigma;
	}

	/** {@return 1 for training points, 0 otherwise} */
	public float[][] trainWeight() {
		return trainWeight;
	}

	/** {@return 1 for validation points, 0 otherwise} */
	public float[][] validationWeight() {
		return validationWeight;
	}

	/** {@return the pixel each replica drew from each class, {@code [replica][class]} = x + y·width} */
	public int[][] pixels() {
		return pixels;
	}

	/** Growing columns of one replica's points. */
	private static final class PointList {
		final int width;
		float[] inputs;
		float[] target = new float[256], sigma = new float[256];
		boolean[] train = new boolean[256];
		int size;

		PointList(int width) {
			this.width = width;
			inputs = new float[256 * width];
		}

		/** Adds a point whose inputs are {@code setting} with ΔE in its first slot. */
		void add(float e, float[] setting, double t, double s, SplittableRandom random) {
			if (size == target.length) {
				inputs = Arrays.copyOf(inputs, size * 2 * width);
				target = Arrays.copyOf(target, size * 2);
				sigma = Arrays.copyOf(sigma, size * 2);
				train = Arrays.copyOf(train, size * 2);
			}
			System.arraycopy(setting, 0, inputs, size * width, width);
			inputs[size * width] = e;
			target[size] = (float) t;
			sigma[size] = (float) s;
			train[size] = random.nextDouble() < TRAIN_FRACTION;
			size++;
		}
	}
}
