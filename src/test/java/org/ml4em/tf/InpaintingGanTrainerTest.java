package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial inpainting trainer on a tiny U-Net: it learns to fill smooth ramps from every
 * fourth pixel, keeps measured pixels exactly, clips gradients, and its SavedModel gives what it
 * predicts.
 */
class InpaintingGanTrainerTest {

	private static final ComputeDevice CPU = TensorFlowDevices.resolve(DeviceChoice.CPU);
	private static final int SIZE = 32;

	/** Inputs (guess = nearest measured value along the row, mask) and targets of random ramps measured on every fourth column. */
	private static float[][] ramps(int batch, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		int area = SIZE * SIZE;
		float[] inputs = new float[2 * batch * area], targets = new float[batch * area];
		for (int b = 0; b < batch; b++) {
			double gx = r.nextDouble() - 0.5, gy = r.nextDouble() - 0.5, c = r.nextDouble();
			for (int y = 0; y < SIZE; y++)
				for (int x = 0; x < SIZE; x++) {
					int i = b * area + y * SIZE + x;
					targets[i] = (float) (c + gx * x / SIZE + gy * y / SIZE);
					int nearest = x / 4 * 4;
					inputs[2 * i] = (float) (c + gx * nearest / SIZE + gy * y / SIZE);
					inputs[2 * i + 1] = x % 4 == 0 ? 1 : 0;
				}
		}
		return new float[][] { inputs, targets };
	}

	private static double mse(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += (a[i] - b[i]) * (a[i] - b[i]);
		return s / a.length;
	}

	@Test
	void learnsToFillRampsKeepsMeasuredPixelsAndExportsWhatItPredicts(@TempDir Path dir) throws Exception {
		float[][] test = ramps(2, 999);
		UNetShape shape = new UNetShape(2, 1, 2, 4, 3);
		try (InpaintingGanTrainer t = InpaintingGanTrainer.create(shape, null, 0.01f, 3, CPU, 1)) {
			float[] untrained = t.predict(test[0], 2, SIZE, SIZE);
			for (int i = 0; i < untrained.length; i++)
				assertEquals(test[0][2 * i], untrained[i], 0, "an untrained network returns its first guess");
			for (int step = 0; step < 150; step++) {
				float[][] batch = ramps(4, step);
				InpaintingGanTrainer.StepLosses l = t.step(batch[0], batch[1], 4, SIZE, SIZE, Float.MAX_VALUE, 3e-3f);
				assertTrue(Float.isFinite(l.reconstruction()) && Float.isFinite(l.critic()) && l.gradientNorm() > 0, l.toString());
			}
			float[] trained = t.predict(test[0], 2, SIZE, SIZE);
			double before = mse(untrained, test[1]), after = mse(trained, test[1]);
			System.out.printf("InpaintingGanTrainerTest: MSE %.2e untrained, %.2e after 150 steps%n", before, after);
			assertTrue(after < 0.3 * before, before + " -> " + after);
			for (int i = 0; i < trained.length; i++)
				if (test[0][2 * i + 1] == 1) assertEquals(test[0][2 * i], trained[i], 0, "a measured pixel comes out as measured");
			t.export(dir.resolve("model"));
			try (SavedModelRunner runner = SavedModelRunner.load(dir.resolve("model"), CPU)) {
				float[] loaded = runner.run(test[0], 2, SIZE, SIZE, 2);
				for (int i = 0; i < loaded.length; i++)
					assertEquals(trained[i], loaded[i], 1e-5, "pixel " + i);
			}
		}
	}

	@Test
	void aTrainingContinuesFromAnExportedGenerator(@TempDir Path dir) throws Exception {
		float[][] test = ramps(2, 5);
		UNetShape shape = new UNetShape(2, 1, 2, 4, 3);
		float[] before;
		try (InpaintingGanTrainer t = InpaintingGanTrainer.create(shape, null, 0.01f, 3, CPU, 1)) {
			for (int step = 0; step < 20; step++) {
				float[][] batch = ramps(4, step);
				t.step(batch[0], batch[1], 4, SIZE, SIZE, Float.MAX_VALUE, 3e-3f);
			}
			before = t.predict(test[0], 2, SIZE, SIZE);
			t.export(dir.resolve("model"));
		}
		try (InpaintingGanTrainer again = InpaintingGanTrainer.create(shape, dir.resolve("model"), 0.01f, 4, CPU, 1)) {
			assertArrayEquals(before, again.predict(test[0], 2, SIZE, SIZE), "the continued training starts where the export stopped");
		}
		org.ml4em.BadInputException e = assertThrows(org.ml4em.BadInputException.class,
			() -> InpaintingGanTrainer.create(new UNetShape(2, 1, 2, 8, 3), dir.resolve("model"), 0, 1, CPU, 1));
		assertTrue(e.getMessage().contains("weights"), e.getMessage());
	}

	@Test
	void aTinyClipLimitHoldsTheGeneratorStill() {
		float[][] batch = ramps(4, 1), test = ramps(2, 2);
		UNetShape shape = new UNetShape(2, 1, 2, 4, 3);
		try (InpaintingGanTrainer clipped = InpaintingGanTrainer.create(shape, null, 0, 3, CPU, 1);
			InpaintingGanTrainer free = InpaintingGanTrainer.create(shape, null, 0, 3, CPU, 1)) {
			float[] start = clipped.predict(test[0], 2, SIZE, SIZE);
			assertArrayEquals(start, free.predict(test[0], 2, SIZE, SIZE), "same seed, same network");
			for (int step = 0; step < 5; step++) {
				clipped.step(batch[0], batch[1], 4, SIZE, SIZE, 1e-9f, 1e-3f);
				free.step(batch[0], batch[1], 4, SIZE, SIZE, Float.MAX_VALUE, 1e-3f);
			}
			// Adam normalises the step, so even a clipped gradient moves weights; a clip of 1e-9 makes the
			// first moment and second moment tiny alike, which Adam's ε then damps.
			double movedClipped = mse(clipped.predict(test[0], 2, SIZE, SIZE), start), movedFree = mse(free.predict(test[0], 2, SIZE, SIZE), start);
			assertTrue(movedClipped < 1e-3 * movedFree, movedClipped + " vs " + movedFree);
		}
	}

	@Test
	void refusesAShapeThatIsNotTwoChannelsToOne() {
		assertThrows(IllegalArgumentException.class, () -> InpaintingGanTrainer.create(new UNetShape(1, 1, 2, 4, 3), null, 0, 1, CPU, 1));
		try (InpaintingGanTrainer t = InpaintingGanTrainer.create(new UNetShape(2, 1, 2, 4, 3), null, 0, 1, CPU, 1)) {
			float[][] b = ramps(1, 1);
			assertThrows(IllegalArgumentException.class, () -> t.step(b[0], b[1], 1, SIZE, SIZE, 1, 0));
		}
	}
}
