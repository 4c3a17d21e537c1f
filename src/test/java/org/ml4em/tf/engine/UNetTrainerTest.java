package org.ml4em.tf.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;
import org.ml4em.tf.UNetTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** The U-Net: its weight count, that a tiny one learns, and that its SavedModel gives what it predicts. */
class UNetTrainerTest {

	private static final ComputeDevice CPU = TensorFlowDevices.resolve(DeviceChoice.CPU);

	@Test
	void parameterCountIsTheSizeOfTheGraphsVariables() {
		for (UNetShape shape : new UNetShape[] { new UNetShape(1, 4, 4, 16, 3), new UNetShape(2, 3, 3, 8, 5), new UNetShape(1, 1, 1, 4, 1) }) {
			try (Graph g = new Graph()) {
				Ops tf = Ops.create(g);
				UNetLayers layers = new UNetLayers(tf, shape, 1);
				layers.logits(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, shape.inputChannels()))));
				long count = layers.variables().stream().mapToLong(v -> v.shape().size()).sum();
				assertEquals(count, shape.parameterCount(), shape.toString());
			}
		}
		assertEquals(535_556, new UNetShape(1, 4, 4, 16, 3).parameterCount(), "the issue's 16/32/64/128 U-Net, about 0.5 M weights");
		assertEquals(8, new UNetShape(1, 4, 4, 16, 3).sizeMultiple());
	}

	@Test
	void refusesShapesOutOfRangeAndImagesOfTheWrongSize() {
		assertThrows(BadInputException.class, () -> new UNetShape(1, 4, 7, 16, 3));
		assertThrows(BadInputException.class, () -> new UNetShape(1, 4, 4, 16, 4));
		try (UNetTrainer t = UNetTrainer.create(new UNetShape(1, 1, 3, 4, 3), 1e-3f, new float[0], 1, CPU, 1)) {
			BadInputException e = assertThrows(BadInputException.class, () -> t.predict(new float[30 * 30], 1, 30, 30));
			assertTrue(e.getMessage().contains("multiples of 4"), e.getMessage());
		}
	}

	/** Images of random bright discs on noise; the target marks the discs. */
	private static float[][] discs(int batch, int size, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] images = new float[batch * size * size], targets = new float[images.length];
		for (int b = 0; b < batch; b++)
			for (int d = 0; d < 4; d++) {
				int cx = r.nextInt(size), cy = r.nextInt(size);
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++)
						if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 9) {
							images[b * size * size + y * size + x] = 1;
							targets[b * size * size + y * size + x] = 1;
						}
			}
		for (int i = 0; i < images.length; i++)
			images[i] += (float) (0.3 * r.nextGaussian());
		return new float[][] { images, targets };
	}

	@Test
	void aTinyUNetLearnsToMarkDiscsAndItsSavedModelAgrees(@TempDir Path dir) throws Exception {
		UNetShape shape = new UNetShape(1, 1, 2, 4, 3);
		float[][] test = discs(2, 32, 99);
		try (UNetTrainer t = UNetTrainer.create(shape, 1e-2f, new float[] { 3 }, 5, CPU, 1)) {
			float before = t.loss(test[0], test[1], 2, 32, 32);
			for (int step = 0; step < 60; step++) {
				float[][] batch = discs(4, 32, step);
				t.step(batch[0], batch[1], 4, 32, 32);
			}
			float after = t.loss(test[0], test[1], 2, 32, 32);
			System.out.printf("UNetTrainerTest: held-out loss %.4f before, %.4f after 60 steps%n", before, after);
			assertTrue(after < 0.5 * before, "loss " + before + " -> " + after);
			float[] p = t.predict(test[0], 2, 32, 32);
			int right = 0;
			for (int i = 0; i < p.length; i++)
				if ((p[i] > 0.5) == (test[1][i] > 0.5)) right++;
			assertTrue(right > 0.9 * p.length, right + " of " + p.length + " pixels right");
			t.export(dir.resolve("model"));
			try (SavedModelRunner runner = SavedModelRunner.load(dir.resolve("model"), CPU)) {
				float[] q = runner.run(test[0], 2, 32, 32, 1);
				for (int i = 0; i < p.length; i++)
					assertEquals(p[i], q[i], 1e-5, "pixel " + i);
			}
		}
	}
}
