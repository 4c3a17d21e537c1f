package org.ml4em.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ml4em.tf.ReplicaEnsembleTestData.ZLP;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.MlpShape.Activation;
import org.ml4em.tf.ReplicaEnsembleTestData.Arrays;

/** Wrong shapes and values are refused with one sentence naming the fault; the value types behave. */
class ReplicaEnsembleInputTest {

	/** Two replicas of eight points, changed by {@code damage} before building the data. */
	private static Executable dataWith(Consumer<Arrays> damage) {
		Arrays a = ReplicaEnsembleTestData.gaussianPeakArrays(2, 8, 1);
		damage.accept(a);
		return a::data;
	}

	/** Asserts a one-sentence {@link BadInputException} whose message contains {@code words}. */
	private static void assertRefused(Executable call, String words) {
		BadInputException e = assertThrows(BadInputException.class, call);
		String message = e.getMessage();
		assertTrue(message.contains(words), "'" + message + "' does not mention '" + words + "'");
		assertTrue(message.endsWith(".") && !message.contains("\n"), "not one sentence: " + message);
	}

	@Test
	void refusesDataOfWrongShape() {
		assertRefused(() -> new ReplicaData(new float[0][][], new float[0][], new float[0][], new float[0][], new float[0][]), "empty");
		assertRefused(dataWith(a -> a.x()[1] = new float[7][2]), "x[1] has 7 points");
		assertRefused(dataWith(a -> a.x()[0][3] = new float[3]), "x[0][3] has 3 inputs");
		assertRefused(dataWith(a -> a.y()[1] = new float[9]), "y[1] has 9 points");
		assertRefused(dataWith(a -> a.sigma()[0] = null), "sigma[0] has no points");
		assertRefused(() -> {
			Arrays a = ReplicaEnsembleTestData.gaussianPeakArrays(2, 8, 1);
			new ReplicaData(a.x(), a.y(), a.sigma(), new float[][] { a.train()[0] }, a.validation());
		}, "weightTrain has 1 replicas");
	}

	@Test
	void refusesNonFiniteOrMeaninglessValues() {
		assertRefused(dataWith(a -> a.y()[1][2] = Float.NaN), "y[1][2] is NaN");
		assertRefused(dataWith(a -> a.x()[0][5][1] = Float.POSITIVE_INFINITY), "x[0][5][1] is Infinity");
		assertRefused(dataWith(a -> a.sigma()[0][0] = 0), "sigma[0][0] is 0.0");
		assertRefused(dataWith(a -> a.train()[1][0] = -1), "weightTrain[1][0] is -1.0");
		assertRefused(dataWith(a -> java.util.Arrays.fill(a.train()[1], 0)), "Replica 1 has no training point");
		assertRefused(dataWith(a -> java.util.Arrays.fill(a.validation()[0], 0)), "Replica 0 has no validation point");
		// padding may carry σ = 0 but not NaN
		dataWith(a -> {
			a.train()[0][0] = a.validation()[0][0] = 0;
			a.sigma()[0][0] = 0;
		});
		assertRefused(dataWith(a -> {
			a.train()[0][0] = a.validation()[0][0] = 0;
			a.y()[0][0] = Float.NaN;
		}), "padding included");
	}

	@Test
	void trainerRefusesDataOrWeightsThatDoNotFit() {
		try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 1)) {
			float[][][] x3 = new float[1][4][3];
			float[][] ones = { { 1, 1, 1, 1 } };
			float[][] split = { { 1, 1, 0, 0 } }, rest = { { 0, 0, 1, 1 } };
			ReplicaData threeInputs = new ReplicaData(x3, ones, ones, split, rest);
			assertRefused(() -> trainer.train(threeInputs, ReplicaTrainingSettings.defaults(), Progress.NONE), "3 inputs per point, the network 2");
			ReplicaData data = ReplicaEnsembleTestData.gaussianPeaks(2, 8, 1);
			assertRefused(() -> trainer.train(data, ReplicaWeights.glorotUniform(ZLP, 3, 1), ReplicaTrainingSettings.defaults(), Progress.NONE),
				"starting weights for 3 replicas but data for 2");
			MlpShape small = MlpShape.of(2, new int[] { 4 }, Activation.TANH);
			assertRefused(() -> trainer.setWeights(ReplicaWeights.glorotUniform(small, 2, 1)), "this trainer's are");
			assertThrows(IllegalStateException.class, () -> trainer.predict(new float[][] { { 0.5f, 0.5f } }));
			trainer.setWeights(ReplicaWeights.glorotUniform(ZLP, 2, 1));
			assertRefused(() -> trainer.predict(new float[][] { { 0.5f, 0.5f }, { 0.5f } }), "Point 1 has 1 inputs");
			assertRefused(() -> trainer.predict(new float[][] { { Float.NaN, 0.5f } }), "non-finite");
			assertEquals(2, trainer.predict(new float[0][]).length);
		}
	}

	@Test
	void refusesMeaninglessShapesAndSettings() {
		assertRefused(() -> MlpShape.of(0, new int[] { 3 }, Activation.RELU), "at least one input");
		assertRefused(() -> MlpShape.of(2, new int[] { 3, 0 }, Activation.RELU, Activation.RELU), "at least one unit");
		assertRefused(() -> MlpShape.of(2, new int[] { 3, 4 }, Activation.RELU), "needs one activation");
		assertRefused(() -> ReplicaTrainingSettings.defaults().withLearningRate(0), "learning rate");
		assertRefused(() -> ReplicaTrainingSettings.defaults().withMaxEpochs(0), "maxEpochs=0");
		assertRefused(() -> ReplicaTrainingSettings.defaults().withCheckEvery(0), "checkEvery=0");
		assertRefused(() -> ReplicaTrainingSettings.defaults().withPatience(0), "patience");
		assertRefused(() -> ReplicaEnsembleTrainer.create(ZLP, DeviceChoice.CPU, 0), "at least one thread");
		ReplicaWeights w = ReplicaWeights.glorotUniform(ZLP, 1, 1);
		List<float[]> biases = List.of(w.bias(0), w.bias(1), w.bias(2), w.bias(3));
		assertRefused(() -> ReplicaWeights.of(ZLP, 1, List.of(w.kernel(0), w.kernel(1), w.kernel(2), new float[4]), biases), "needs 5 values, got 4");
	}

	@Test
	void shapeCountsLayersAndParameters() {
		assertEquals(4, ZLP.layers());
		assertEquals(2, ZLP.fanIn(0));
		assertEquals(5, ZLP.fanIn(3));
		assertEquals(1, ZLP.fanOut(3));
		assertEquals(2 * 10 + 10 + 10 * 15 + 15 + 15 * 5 + 5 + 5 + 1, ZLP.parametersPerNetwork());
	}

	@Test
	void initialWeightsOfAReplicaDoNotDependOnTheEnsembleSize() {
		ReplicaWeights eight = ReplicaWeights.glorotUniform(ZLP, 8, 42);
		ReplicaWeights three = ReplicaWeights.glorotUniform(ZLP, 3, 42);
		ReplicaEnsembleTrainerTest.assertWeightsClose(three.replica(2), eight.replica(2), 0f);
		ReplicaEnsembleTrainerTest.assertWeightsClose(eight, ReplicaWeights.stack(List.of(three, eight.replica(3), eight.replica(4),
			eight.replica(5), eight.replica(6), eight.replica(7))), 0f);
		assertFalse(java.util.Arrays.equals(eight.replica(0).kernel(0), eight.replica(1).kernel(0)), "replicas start differently");
		double limit = Math.sqrt(6.0 / (2 + 10));
		for (float v : eight.kernel(0))
			assertTrue(Math.abs(v) <= limit);
		assertArrayEquals(new float[8 * 10], eight.bias(0));
	}
}
