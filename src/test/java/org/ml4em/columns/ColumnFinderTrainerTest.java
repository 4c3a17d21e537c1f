package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.DeviceChoice;

/** The training loop on a tiny U-Net for a few steps: curve, best checkpoint, model folder, cancel. */
class ColumnFinderTrainerTest {

	private static final ColumnTrainingSettings TINY = ColumnTrainingSettings.defaults().withArchitecture(2, 4, 3).withSteps(6)
		.withBatches(2, 32, 4, 1).withValidation(1, 3).withLearningRate(1e-2f).withSeed(3);

	@Test
	void trainsValidatesAndKeepsTheBestWeights(@TempDir Path dir) throws Exception {
		RecordingProgress progress = new RecordingProgress();
		ColumnFinderTrainer trainer = new ColumnFinderTrainer(TINY, DeviceChoice.CPU, 1);
		ColumnTrainingReport report = trainer.train(dir.resolve("model"), progress);
		assertEquals(2, report.validations().size(), "validated at steps 3 and 6");
		assertEquals(2, progress.statuses.stream().filter(m -> m.startsWith("Step ")).count());
		assertEquals(3, report.validations().get(0).step());
		assertTrue(report.bestStep() == 3 || report.bestStep() == 6);
		assertTrue(report.validations().stream().allMatch(v -> Double.isFinite(v.loss()) && v.f1() >= 0 && v.f1() <= 1 && v.f1ByClass().size() == 3));
		assertEquals(trainer.shape().parameterCount(), report.parameters());
		assertTrue(Files.isRegularFile(dir.resolve("model/saved_model.pb")));
		assertTrue(Files.isDirectory(dir.resolve("model/variables")));
		assertFalse(Files.exists(dir.resolve("model").resolve(ColumnFinderTrainer.CHECKPOINTS)), "checkpoints are removed at the end");
		assertTrue(assertThrows(BadInputException.class, () -> trainer.train(dir.resolve("model"), Progress.NONE)).getMessage().contains("already holds"));
	}

	@Test
	void cancelLeavesTheBestCheckpoint(@TempDir Path dir) {
		// Polled once per step: steps 1 to 4 run (a checkpoint at step 3), step 5 is canceled.
		Progress cancelAfterFirstValidation = new RecordingProgress(4);
		assertThrows(CancellationException.class, () -> new ColumnFinderTrainer(TINY, DeviceChoice.CPU, 1).train(dir.resolve("model"), cancelAfterFirstValidation));
		assertTrue(Files.isRegularFile(dir.resolve("model").resolve(ColumnFinderTrainer.CHECKPOINTS).resolve("step-3/saved_model.pb")));
	}

	@Test
	void sameSeedSameTraining(@TempDir Path dir) throws Exception {
		ColumnTrainingReport a = new ColumnFinderTrainer(TINY.withSteps(3), DeviceChoice.CPU, 1).train(dir.resolve("a"), Progress.NONE);
		ColumnTrainingReport b = new ColumnFinderTrainer(TINY.withSteps(3), DeviceChoice.CPU, 1).train(dir.resolve("b"), Progress.NONE);
		assertEquals(a.validations().get(0).loss(), b.validations().get(0).loss(), 1e-6);
	}
}
