package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.tf.ReplicaEnsembleTestData.ZLP;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ml4em.Progress;
import org.ml4em.tf.ReplicaEnsembleTestData.Arrays;

class ReplicaEnsembleTrainerTest {

	/** Fixed-length runs: patience so large that only the epoch limit stops them. */
	private static final ReplicaTrainingSettings SHORT = ReplicaTrainingSettings.defaults().withLearningRate(1e-2f).withMaxEpochs(60)
		.withCheckEvery(10).withPatience(1_000).withSeed(1);

	@TempDir
	Path temp;

	private static ReplicaEnsembleTrainer cpuTrainer() {
		return ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 1);
	}

	@Test
	void replicasTrainedTogetherMatchEachTrainedAlone() {
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(3, 40, 1);
		try (ReplicaEnsembleTrainer together = cpuTrainer(); ReplicaEnsembleTrainer alone = cpuTrainer()) {
			ReplicaTrainingReport joint = together.train(data, SHORT, Progress.NONE);
			ReplicaTrainingReport separate = alone.trainOneAtATime(data, SHORT, Progress.NONE);
			for (int r = 0; r < 3; r++) {
				assertWeightsClose(alone.weights().replica(r), together.weights().replica(r), 1e-5f);
				var a = joint.replicas().get(r);
				var b = separate.replicas().get(r);
				assertEquals(b.bestEpoch(), a.bestEpoch(), "replica " + r);
				assertEquals(b.bestValidationChi2(), a.bestValidationChi2(), 1e-4 * b.bestValidationChi2(), "replica " + r);
				assertEquals(b.finalTrainingChi2(), a.finalTrainingChi2(), 1e-4 * b.finalTrainingChi2(), "replica " + r);
			}
			// and the networks really moved: the check above would pass for untrained ones too
			ReplicaWeights start = ReplicaWeights.glorotUniform(ZLP, 3, SHORT.seed());
			assertTrue(joint.replicas().stream().allMatch(r -> r.bestEpoch() > 0));
			assertThrows(AssertionError.class, () -> assertWeightsClose(start, together.weights(), 1e-2f));
		}
	}

	@Test
	void otherReplicasDataDoNotTouchAReplica() {
		// Same ensemble size, so the same kernels run: replica 0 must come out bit for bit the same
		// whatever its neighbours are fitted to.
		Arrays base = ReplicaEnsembleTestData.gaussianPeakArrays(3, 40, 1);
		Arrays other = ReplicaEnsembleTestData.gaussianPeakArrays(3, 40, 99);
		for (int r = 1; r < 3; r++) {
			for (int n = 0; n < 40; n++)
				other.y()[r][n] = -2 * other.y()[r][n];
			other.train()[r][0] = 0; // and other training points
			other.train()[r][1] = 5;
		}
		other.y()[0] = base.y()[0];
		try (ReplicaEnsembleTrainer a = cpuTrainer(); ReplicaEnsembleTrainer b = cpuTrainer()) {
			a.train(base.data(), SHORT, Progress.NONE);
			b.train(other.data(), SHORT, Progress.NONE);
			assertWeightsClose(a.weights().replica(0), b.weights().replica(0), 0f);
			assertThrows(AssertionError.class, () -> assertWeightsClose(a.weights().replica(1), b.weights().replica(1), 1e-3f));
		}
	}

	@Test
	void twoThreadsSplittingTheReplicasGiveTheSameNetworks() {
		// two threads: replicas 0 and 1-2 train in separate shards of the graph
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(3, 40, 1);
		try (ReplicaEnsembleTrainer one = cpuTrainer(); ReplicaEnsembleTrainer two = ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 2)) {
			ReplicaTrainingReport a = one.train(data, SHORT, Progress.NONE);
			ReplicaTrainingReport b = two.train(data, SHORT, Progress.NONE);
			assertWeightsClose(one.weights(), two.weights(), 1e-5f);
			assertArrayEquals(a.bestValidationChi2(), b.bestValidationChi2(), 1e-4 * a.bestValidationChi2()[0]);
		}
	}

	@Test
	void trainingTwiceGivesBitwiseEqualWeights() {
		// Two threads: before GraphTrainer made every update wait for every gradient, an in-place
		// Adam update could race with backpropagation and nearly every such run differed; the two
		// shards running side by side must not make it differ either.
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(3, 40, 1);
		ReplicaTrainingSettings settings = SHORT.withMaxEpochs(100);
		try (ReplicaEnsembleTrainer first = ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 2);
			ReplicaEnsembleTrainer second = ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 2)) {
			first.train(data, settings, Progress.NONE);
			second.train(data, settings, Progress.NONE);
			assertWeightsClose(first.weights(), second.weights(), 0f);
		}
	}

	@Test
	void learnsTheLogarithmOfAGaussianPeak() {
		// Some replicas of this architecture stop learning when their ReLU units all switch off
		// (see ReplicaEnsembleTrainer), so the test asks most of eight replicas to learn, not all.
		int replicas = 8;
		Arrays arrays = ReplicaEnsembleTestData.gaussianPeakArrays(replicas, 64, 2);
		ReplicaData data = arrays.data();
		List<Double> fractions = new ArrayList<>();
		try (ReplicaEnsembleTrainer trainer = cpuTrainer()) {
			double[] before = chi2OfEachReplica(trainer, arrays, ReplicaWeights.glorotUniform(ZLP, replicas, SHORT.seed()));
			ReplicaTrainingReport report = trainer.train(data, SHORT.withMaxEpochs(600), recording(fractions, 0));
			double[] after = chi2OfEachReplica(trainer, arrays, trainer.weights());
			int learned = 0;
			for (int r = 0; r < replicas; r++) {
				if (after[r] < before[r] / 50) learned++;
				// the report's χ² (computed by TensorFlow) agrees with one computed here from the predictions
				assertEquals(after[r], report.replicas().get(r).trainingChi2AtBest(), 1e-3 * after[r] + 1e-6);
			}
			assertTrue(learned >= 5, learned + " of " + replicas + " replicas cut their chi2 50-fold: " + java.util.Arrays.toString(after));
			assertEquals(600, report.replicas().get(0).epochsRun());
			assertFalse(report.replicas().get(0).stoppedEarly());
			assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12);
			assertEquals("CPU", report.device().description());
		}
	}

	@Test
	void earlyStoppingKeepsTheBestValidationWeights() {
		// Training points ask for 3, validation points for 1.5: starting near 0, the output passes
		// 1.5 on its way to 3, so the validation χ² falls, then rises.
		int points = 16;
		Arrays a = new Arrays(new float[1][points][2], new float[1][points], new float[1][points], new float[1][points], new float[1][points]);
		for (int n = 0; n < points; n++) {
			a.x()[0][n][0] = 0.1f + 0.8f * n / (points - 1);
			a.x()[0][n][1] = 0.5f;
			boolean validation = n % 2 == 1;
			a.y()[0][n] = validation ? 1.5f : 3f;
			a.sigma()[0][n] = 1f;
			a.train()[0][n] = validation ? 0 : 1;
			a.validation()[0][n] = validation ? 1 : 0;
		}
		ReplicaTrainingSettings settings = SHORT.withMaxEpochs(5_000).withPatience(3);
		try (ReplicaEnsembleTrainer trainer = cpuTrainer()) {
			var report = trainer.train(a.data(), settings, Progress.NONE).replicas().get(0);
			assertTrue(report.stoppedEarly());
			assertTrue(report.bestEpoch() > 0, "best epoch " + report.bestEpoch());
			assertEquals(report.bestEpoch() + 3 * 10, report.epochsRun(), "stops 3 checks after the last improvement");
			assertTrue(report.finalValidationChi2() > report.bestValidationChi2());
			float[] kept = trainer.predict(a.x()[0])[0];
			assertEquals(report.bestValidationChi2(), a.chi2(0, kept, true), 1e-4, "the kept weights are those of the best check");
			assertTrue(Math.abs(kept[1] - 1.5f) < Math.abs(kept[1] - 3f), "kept output " + kept[1] + " is nearer the validation target");
		}
	}

	@Test
	void savedModelGivesTheSamePredictions() throws IOException {
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(3, 24, 3);
		float[][] grid = ReplicaEnsembleTestData.grid(11);
		float[] flat = new float[grid.length * 2];
		for (int i = 0; i < grid.length; i++)
			System.arraycopy(grid[i], 0, flat, 2 * i, 2);
		Path dir = temp.resolve("ensemble");
		try (ReplicaEnsembleTrainer trainer = cpuTrainer()) {
			trainer.train(data, SHORT.withMaxEpochs(20), Progress.NONE);
			float[][] expected = trainer.predict(grid);
			trainer.exportSavedModel(dir);
			try (SavedModelRunner model = SavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU))) {
				SavedModelRunner.Output out = model.runWithShape(flat, grid.length, 2);
				assertArrayEquals(new long[] { 3, grid.length }, out.shape());
				for (int r = 0; r < 3; r++)
					assertArrayEquals(expected[r], java.util.Arrays.copyOfRange(out.values(), r * grid.length, (r + 1) * grid.length), 1e-6f);
			}
		}
	}

	@Test
	void paddingWithWeightZeroChangesNothing() {
		Arrays plain = ReplicaEnsembleTestData.gaussianPeakArrays(2, 20, 4);
		int extra = 7, n = 20 + extra;
		Arrays padded = new Arrays(new float[2][n][2], new float[2][n], new float[2][n], new float[2][n], new float[2][n]);
		for (int r = 0; r < 2; r++) {
			for (int i = 0; i < n; i++) {
				boolean real = i < 20;
				padded.x()[r][i] = real ? plain.x()[r][i] : new float[] { 5f, -3f };
				padded.y()[r][i] = real ? plain.y()[r][i] : -100f;
				padded.sigma()[r][i] = real ? plain.sigma()[r][i] : 0f;
				padded.train()[r][i] = real ? plain.train()[r][i] : 0f;
				padded.validation()[r][i] = real ? plain.validation()[r][i] : 0f;
			}
		}
		try (ReplicaEnsembleTrainer a = cpuTrainer(); ReplicaEnsembleTrainer b = cpuTrainer()) {
			ReplicaTrainingReport withoutPadding = a.train(plain.data(), SHORT, Progress.NONE);
			ReplicaTrainingReport withPadding = b.train(padded.data(), SHORT, Progress.NONE);
			assertWeightsClose(a.weights(), b.weights(), 2e-5f);
			assertArrayEquals(withoutPadding.bestValidationChi2(), withPadding.bestValidationChi2(), 1e-4);
		}
	}

	@Test
	void cancelingStopsTrainingAndKeepsNoPartialResult() {
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(2, 16, 5);
		List<Double> fractions = new ArrayList<>();
		try (ReplicaEnsembleTrainer trainer = cpuTrainer()) {
			assertThrows(CancellationException.class, () -> trainer.train(data, SHORT.withMaxEpochs(10_000), recording(fractions, 3)));
			assertEquals(3, fractions.size(), "canceled at the check after the third report");
			assertThrows(IllegalStateException.class, trainer::weights);
			assertThrows(CancellationException.class, () -> trainer.trainOneAtATime(data, SHORT, recording(new ArrayList<>(), 1)));
			assertThrows(IllegalStateException.class, trainer::weights);
		}
	}

	@Test
	void oneAtATimeReportsProgressAcrossAllReplicas() {
		ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(2, 16, 6);
		List<Double> fractions = new ArrayList<>();
		try (ReplicaEnsembleTrainer trainer = cpuTrainer()) {
			ReplicaTrainingReport report = trainer.trainOneAtATime(data, SHORT.withMaxEpochs(20), recording(fractions, 0));
			assertEquals(List.of(0.25, 0.5, 0.75, 1.0), fractions);
			assertEquals(2, report.replicas().size());
			assertEquals(40, report.totalReplicaEpochs());
			assertEquals(2, trainer.weights().replicas());
		}
	}

	// -- Helpers --

	/** Each replica's training χ² with {@code weights}, from predictions at its own inputs. */
	private static double[] chi2OfEachReplica(ReplicaEnsembleTrainer trainer, Arrays arrays, ReplicaWeights weights) {
		trainer.setWeights(weights);
		double[] chi2 = new double[weights.replicas()];
		for (int r = 0; r < chi2.length; r++)
			chi2[r] = arrays.chi2(r, trainer.predict(arrays.x()[r])[r], false);
		return chi2;
	}

	/** Records every fraction; once {@code cancelAfter} (> 0) have come, reports canceled. */
	private static Progress recording(List<Double> fractions, int cancelAfter) {
		return new Progress() {
			@Override
			public void status(String message) {}

			@Override
			public void fraction(double done) {
				fractions.add(done);
			}

			@Override
			public boolean isCanceled() {
				return cancelAfter > 0 && fractions.size() >= cancelAfter;
			}
		};
	}

	static void assertWeightsClose(ReplicaWeights expected, ReplicaWeights actual, float tolerance) {
		assertEquals(expected.shape(), actual.shape());
		assertEquals(expected.replicas(), actual.replicas());
		for (int l = 0; l < expected.shape().layers(); l++) {
			assertArrayEquals(expected.kernel(l), actual.kernel(l), tolerance, "kernel " + l);
			assertArrayEquals(expected.bias(l), actual.bias(l), tolerance, "bias " + l);
		}
	}
}
