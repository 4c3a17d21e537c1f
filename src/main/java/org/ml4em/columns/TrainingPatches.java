package org.ml4em.columns;

import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnTargets;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.columns.sim.TrainingSampler;

/**
 * Training batches of simulated patches, made on the fly: a background thread simulates patches
 * with random settings ({@link TrainingSampler}) one after another; every batch first replaces
 * {@code freshPerStep} patches of a pool with new ones, then draws its patches from the pool, each
 * in one of its 8 flips and quarter turns. The simulator runs beside TensorFlow's step, and the
 * pool lets each simulated patch serve a few times.
 * <p>
 * Deterministic: the patches, their order and the draws depend on the seed only, not on timing.
 * Not thread-safe: one consumer.
 */
final class TrainingPatches implements AutoCloseable {

	/** One step's input: images {@code (batch, y, x, 1)} and targets {@code (batch, y, x, channels)}. */
	record Batch(float[] images, float[] targets, int size, int count) {}

	private record Patch(float[] image, float[] targets) {}

	private static final Patch POISON = new Patch(null, null);

	private final ColumnTrainingSettings settings;
	private final BlockingQueue<Patch> made = new ArrayBlockingQueue<>(16);
	private final Patch[] pool;
	private final SplittableRandom draws;
	private final Thread producer;
	private volatile RuntimeException failure;
	private int replaceNext;

	TrainingPatches(ColumnTrainingSettings settings) {
		this.settings = settings;
		SplittableRandom root = new SplittableRandom(settings.seed());
		long imageSeed = root.nextLong();
		draws = root.split();
		pool = new Patch[settings.pool()];
		producer = new Thread(() -> produce(imageSeed), "ML4EM column training patches");
		producer.setDaemon(true);
		producer.start();
	}

	/** The next batch; blocks while the simulator is behind. */
	Batch next() throws InterruptedException {
		if (pool[pool.length - 1] == null) {
			for (int i = 0; i < pool.length; i++)
				pool[i] = take();
		}
		else for (int i = 0; i < settings.freshPerStep(); i++) {
			pool[replaceNext] = take();
			replaceNext = (replaceNext + 1) % pool.length;
		}
		int size = settings.patchSize(), area = size * size, channels = ColumnTargets.CHANNELS;
		float[] images = new float[settings.batch() * area];
		float[] targets = new float[settings.batch() * area * channels];
		for (int b = 0; b < settings.batch(); b++) {
			Patch p = pool[draws.nextInt(pool.length)];
			int transform = draws.nextInt(8);
			ColumnImages.copyTransformed(p.image(), size, 1, transform, images, b * area);
			ColumnImages.copyTransformed(p.targets(), size, channels, transform, targets, b * area * channels);
		}
		return new Batch(images, targets, size, settings.batch());
	}

	@Override
	public void close() {
		producer.interrupt();
	}

	private Patch take() throws InterruptedException {
		Patch p = made.take();
		if (p == POISON) throw failure;
		return p;
	}

	private void produce(long seed) {
		SplittableRandom seeds = new SplittableRandom(seed);
		try {
			while (!Thread.currentThread().isInterrupted())
				made.put(patch(seeds.nextLong()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			failure = e;
			made.clear();
			made.offer(POISON);
		}
	}

	private Patch patch(long seed) {
		SimulatedAtomicImage image = new AtomicImageSimulator(TrainingSampler.sample(settings.patchSize(), seed)).simulate();
		return new Patch(ColumnImages.normalised(image.pixels()), interleaved(ColumnTargets.of(image)));
	}

	/** {@code [channel][pixel]} to channels fastest, as the network's output is laid out. */
	static float[] interleaved(float[][] channels) {
		int n = channels[0].length, c = channels.length;
		float[] out = new float[n * c];
		for (int k = 0; k < c; k++)
			for (int i = 0; i < n; i++)
				out[i * c + k] = channels[k][i];
		return out;
	}
}
