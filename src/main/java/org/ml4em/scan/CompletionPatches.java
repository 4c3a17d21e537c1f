package org.ml4em.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.TrainingSampler;

/**
 * Training patches for the scan completer, made on the fly by {@value #PRODUCERS} background threads: a full image
 * (a simulated atomic lattice with its dose noise, drift and distortions; a low-magnification
 * {@link SmoothScenes scene} with noise; or a crop of a real image at a random zoom,
 * turn and flip), brought to 0 … 1 by its {@link IntensityRange}, varied in contrast (gamma,
 * gain, offset, sometimes inverted), scanned along a random path (mostly spirals whose centre may
 * lie outside the patch; some lines and random points) at a nominal coverage drawn log-uniformly
 * between the settings' bounds, and turned into the network's {@link CompletionInput}.
 * <p>
 * The target, where nothing was measured, is the image without noise: the simulator's expected
 * counts, the scene before its noise, and for a real image (whose noise-free version is unknown)
 * the image blurred slightly ({@value #TARGET_BLUR} px), as Ede and Beanland train on. Noise the
 * network could not predict then does not drown what it can learn. Measured pixels keep their
 * measured values in the target, as in the completed image: otherwise the critic could tell real
 * from completed by the noise at the measured pixels alone, which the generator cannot change.
 * <p>
 * Not thread-safe: one consumer.
 */
final class CompletionPatches implements AutoCloseable {

	/** Share of the patches cropped from real images, when there are some. */
	static final double REAL_SHARE = 0.2;

	/**
	 * Bounds of the scenes' noise (σ, log-uniform, in the scene's 0 … 1). Never zero: no scan is
	 * noise-free, and on a noise-free scene harmonic inpainting reaches 60 dB and more, where a
	 * correction of 10⁻³ costs several dB; such patches dominated the mean validation gain, and
	 * with ln(MSE + 10⁻⁶) as loss the network had no gradient to respect them.
	 */
	static final double SCENE_NOISE_MIN = 0.002, SCENE_NOISE_MAX = 0.03;

	/** σ of the target's blur, pixels. */
	static final double TARGET_BLUR = 0.75;

	/** One patch: the network input {@code (y, x, 2)}, its target, the unblurred image, and the scan. */
	record Patch(float[] input, float[] target, float[] truth, ScanMask mask) {}

	/** One step's arrays, {@code (batch, y, x, channel)}. */
	record Batch(float[] inputs, float[] targets, int count, int size) {}

	private static final Patch POISON = new Patch(null, null, null, null);

	/**
	 * Threads making patches: a patch (simulation, scan, harmonic first guess) costs about as much
	 * CPU as a training step of four, so one thread alone starved the training.
	 */
	static final int PRODUCERS = 2;

	private final ScanTrainingSettings settings;
	private final List<TrainingImage> realImages;
	private final List<BlockingQueue<Patch>> made = new ArrayList<>();
	private final List<Thread> producers = new ArrayList<>();
	private volatile RuntimeException failure;
	private int nextQueue;

	CompletionPatches(ScanTrainingSettings settings, List<TrainingImage> realImages) {
		this.settings = settings;
		this.realImages = List.copyOf(realImages);
		SplittableRandom seeds = new SplittableRandom(new SplittableRandom(settings.seed()).split().nextLong());
		for (int k = 0; k < PRODUCERS; k++) {
			BlockingQueue<Patch> queue = new ArrayBlockingQueue<>(16);
			long seed = seeds.nextLong();
			Thread producer = new Thread(() -> produce(seed, queue), "ML4EM scan training patches " + (k + 1));
			producer.setDaemon(true);
			made.add(queue);
			producers.add(producer);
			producer.start();
		}
	}

	/** The next batch, patches taken from the producers in turn (so the order does not depend on their timing); blocks while they are behind. */
	Batch next() throws InterruptedException {
		int size = settings.patchSize(), area = size * size;
		float[] inputs = new float[settings.batch() * area * CompletionInput.CHANNELS], targets = new float[settings.batch() * area];
		for (int b = 0; b < settings.batch(); b++) {
			Patch p = made.get(nextQueue).take();
			nextQueue = (nextQueue + 1) % made.size();
			if (p == POISON) throw failure;
			System.arraycopy(p.input(), 0, inputs, b * area * CompletionInput.CHANNELS, p.input().length);
			System.arraycopy(p.target(), 0, targets, b * area, area);
		}
		return new Batch(inputs, targets, settings.batch(), size);
	}

	@Override
	public void close() {
		producers.forEach(Thread::interrupt);
	}

	private void produce(long seed, BlockingQueue<Patch> queue) {
		SplittableRandom seeds = new SplittableRandom(seed);
		try {
			while (!Thread.currentThread().isInterrupted())
				queue.put(patch(settings, realImages, seeds.nextLong(), 0));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			failure = e;
			// Every queue gets the poison, so the consumer meets it whichever queue it waits on.
			for (BlockingQueue<Patch> q : made) {
				q.clear();
				q.offer(POISON);
			}
		}
	}

	/**
	 * Makes one patch.
	 *
	 * @param spiralCoverage 0 for a random path and coverage; otherwise a spiral of this nominal coverage centred on the patch (validation)
	 */
	static Patch patch(ScanTrainingSettings settings, List<TrainingImage> realImages, long seed, double spiralCoverage) {
		SplittableRandom r = new SplittableRandom(seed);
		int size = settings.patchSize();
		Pair source = source(size, settings.latticeShare(), realImages, r);
		Contrast contrast = new Contrast(r);
		float[] truth = contrast.apply(source.measured()), clean = contrast.apply(source.clean());
		ScanMask mask = spiralCoverage > 0 ? ScanPaths.spiral(size, size, spiralCoverage) : scan(size, settings, r);
		float[] target = new float[truth.length];
		for (int i = 0; i < target.length; i++)
			target[i] = mask.sampled()[i] ? truth[i] : clean[i];
		return new Patch(CompletionInput.of(truth, mask, Progress.NONE), target, truth, mask);
	}

	/** An image as a scan would measure it, and what it would be without noise (or, for a real image, with its noise blurred away). */
	private record Pair(float[] measured, float[] clean) {}

	/**
	 * A real crop ({@value #REAL_SHARE} of the patches, when there are real images), else a simulated
	 * lattice (the settings' share of the others) or a scene, normalised.
	 */
	private static Pair source(int size, double latticeShare, List<TrainingImage> realImages, SplittableRandom r) {
		float[] measured, clean;
		if (!realImages.isEmpty() && r.nextDouble() < REAL_SHARE) {
			measured = crop(realImages.get(r.nextInt(realImages.size())), size, r);
			clean = blurred(measured, size);
		}
		else if (r.nextDouble() < latticeShare) {
			AtomicImageSimulator simulator = new AtomicImageSimulator(TrainingSampler.sample(size, r.nextLong()));
			measured = simulator.simulate().pixels();
			clean = simulator.expected();
		}
		else {
			clean = SmoothScenes.draw(size, r);
			double noise = SCENE_NOISE_MIN * Math.pow(SCENE_NOISE_MAX / SCENE_NOISE_MIN, r.nextDouble());
			measured = new float[clean.length];
			for (int i = 0; i < clean.length; i++)
				measured[i] = (float) (clean[i] + noise * r.nextGaussian());
		}
		IntensityRange range = IntensityRange.of(measured);
		return new Pair(range.normalise(measured), range.normalise(clean));
	}

	private static float[] blurred(float[] image, int size) {
		double[] values = new double[image.length];
		for (int i = 0; i < image.length; i++)
			values[i] = image[i];
		double[] b = GaussianBlur.smooth(values, size, size, TARGET_BLUR);
		float[] out = new float[image.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) b[i];
		return out;
	}

	/** A square crop at a zoom of 0.75 … 1.5 (bilinear), turned by a multiple of 90° and maybe flipped. */
	private static float[] crop(TrainingImage image, int size, SplittableRandom r) {
		double zoom = 0.75 * Math.pow(2, r.nextDouble());
		double span = Math.min(size / zoom, Math.min(image.width(), image.height()) - 1);
		double step = span / size;
		double x0 = r.nextDouble() * (image.width() - 1 - span), y0 = r.nextDouble() * (image.height() - 1 - span);
		int turn = r.nextInt(8);
		float[] out = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				int u = (turn & 1) != 0 ? size - 1 - x : x, v = (turn & 2) != 0 ? size - 1 - y : y;
				if ((turn & 4) != 0) {
					int t = u;
					u = v;
					v = t;
				}
				out[y * size + x] = bilinear(image, x0 + u * step, y0 + v * step);
			}
		return out;
	}

	private static float bilinear(TrainingImage image, double x, double y) {
		int ix = Math.min((int) x, image.width() - 2), iy = Math.min((int) y, image.height() - 2);
		double fx = x - ix, fy = y - iy;
		float[] p = image.pixels();
		int w = image.width(), i = iy * w + ix;
		return (float) ((1 - fy) * ((1 - fx) * p[i] + fx * p[i + 1]) + fy * ((1 - fx) * p[i + w] + fx * p[i + w + 1]));
	}

	/** Gamma 0.7 … 1.4, then gain 0.4 … 1 and an offset that keeps the range inside 0 … 1, inverted one time in six; the same for an image and its clean version. */
	private static final class Contrast {
		private final double gamma, gain, offset;
		private final boolean invert;

		Contrast(SplittableRandom r) {
			gamma = 0.7 * Math.pow(2, r.nextDouble());
			gain = 0.4 + 0.6 * r.nextDouble();
			offset = (1 - gain) * r.nextDouble();
			invert = r.nextInt(6) == 0;
		}

		float[] apply(float[] image) {
			float[] out = new float[image.length];
			for (int i = 0; i < out.length; i++) {
				double v = offset + gain * Math.pow(Math.max(0, image[i]), gamma);
				out[i] = (float) (invert ? 1 - v : v);
			}
			return out;
		}
	}

	/** A random path at a log-uniform coverage: a spiral (80 %) seen through a window of a larger scan, lines (10 %) or random points (10 %). */
	private static ScanMask scan(int size, ScanTrainingSettings settings, SplittableRandom r) {
		for (;;) {
			double coverage = settings.minCoverage() * Math.pow(settings.maxCoverage() / settings.minCoverage(), r.nextDouble());
			double u = r.nextDouble();
			ScanMask mask;
			if (u < 0.1) mask = ScanPaths.random(size, size, coverage, r.nextLong());
			else {
				int canvas = (int) (size * (1 + 2 * r.nextDouble()));
				ScanMask whole = u < 0.9 ? ScanPaths.spiral(canvas, canvas, coverage) : ScanPaths.lines(canvas, canvas, coverage);
				mask = window(whole, r.nextInt(canvas - size + 1), r.nextInt(canvas - size + 1), size);
			}
			// A window of a sparse spiral can miss nearly every arm; such a patch teaches nothing.
			if (mask.sampledCount() >= Math.max(4, 0.25 * coverage * size * size)) return mask;
		}
	}

	private static ScanMask window(ScanMask whole, int x0, int y0, int size) {
		boolean[] out = new boolean[size * size];
		for (int y = 0; y < size; y++)
			System.arraycopy(whole.sampled(), (y0 + y) * whole.width() + x0, out, y * size, size);
		return new ScanMask(out, size, size, whole.nominalCoverage());
	}
}
