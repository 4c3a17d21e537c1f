package org.ml4em.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/** A tiny scan completer trained for a few steps: the training loop, validation, checkpoint, schedule and cancel. */
class ScanCompleterTrainerTest {

	private static final ScanTrainingSettings TINY = new ScanTrainingSettings(6, 2, 64, 1e-3f, 0.01f, 2, 4, 0.01, 0.1, 0.2, 3, 2, 11);

	@Test
	void trainsWritesTheBestCheckpointAndItCompletesAScan(@TempDir Path dir) throws Exception {
		ScanTrainingReport report = new ScanCompleterTrainer(TINY, DeviceChoice.CPU, 1).train(List.of(), dir.resolve("model"), Progress.NONE);
		assertEquals(2, report.validations().size());
		assertEquals(6, report.steps());
		assertTrue(report.bestStep() == 3 || report.bestStep() == 6);
		ScanTrainingReport.Validation best = report.best();
		assertTrue(Double.isFinite(best.gainDb16()) && Double.isFinite(best.gainDb100()) && Double.isFinite(best.reconstruction()), best.toString());
		assertTrue(Files.isRegularFile(dir.resolve("model/saved_model.pb")));
		assertFalse(Files.exists(dir.resolve("model").resolve(ScanCompleterTrainer.CHECKPOINTS)), "checkpoints are removed");
		float[] image = new float[64 * 96];
		for (int i = 0; i < image.length; i++)
			image[i] = (float) Math.sin(i % 64 / 5.0);
		ScanMask mask = ScanPaths.spiral(64, 96, 0.1);
		try (SavedModelRunner runner = SavedModelRunner.load(dir.resolve("model"), TensorFlowDevices.resolve(DeviceChoice.CPU))) {
			ScanCompleterModel model = new ScanCompleterModel((tile, w, h) -> runner.run(tile, 1, h, w, 2), 2, 16);
			float[] out = ScanCompleter.network(image, mask, model, 64, Progress.NONE);
			for (int i = 0; i < out.length; i++) {
				assertTrue(Float.isFinite(out[i]));
				if (mask.sampled()[i]) assertEquals(image[i], out[i], 0);
			}
		}
		assertThrows(BadInputException.class, () -> new ScanCompleterTrainer(TINY, DeviceChoice.CPU, 1).train(List.of(), dir.resolve("model"), Progress.NONE),
			"an existing model is not overwritten");
	}

	@Test
	void learningRateHoldsThenDecaysToATenth() {
		ScanCompleterTrainer t = new ScanCompleterTrainer(ScanTrainingSettings.defaults(), DeviceChoice.CPU, 1);
		float lr = ScanTrainingSettings.defaults().learningRate();
		int steps = ScanTrainingSettings.defaults().steps();
		assertEquals(lr, t.learningRate(1));
		assertEquals(lr, t.learningRate((int) (0.6 * steps)));
		assertTrue(t.learningRate((int) (0.8 * steps)) < lr && t.learningRate((int) (0.8 * steps)) > 0.1 * lr);
		assertEquals(0.1 * lr, t.learningRate(steps), 1e-9);
	}

	@Test
	void cancelStopsTraining(@TempDir Path dir) {
		Progress cancelAtOnce = new Progress() {
			@Override
			public void status(String message) {}

			@Override
			public void fraction(double done) {}

			@Override
			public boolean isCanceled() {
				return true;
			}
		};
		assertThrows(CancellationException.class, () -> new ScanCompleterTrainer(TINY, DeviceChoice.CPU, 1).train(List.of(), dir.resolve("m"), cancelAtOnce));
	}

	@Test
	void refusesAPatchSizeTheUNetCannotTake() {
		ScanTrainingSettings odd = new ScanTrainingSettings(2, 1, 66, 1e-3f, 0, 3, 4, 0.01, 0.1, 0.2, 1, 1, 1);
		BadInputException e = assertThrows(BadInputException.class, () -> new ScanCompleterTrainer(odd, DeviceChoice.CPU, 1).train(List.of(), Path.of("x"),
			Progress.NONE));
		assertTrue(e.getMessage().contains("multiple of 4"), e.getMessage());
	}
}
