package org.ml4em.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringSettings.Backend;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.TensorFlowDevices;

class KMeansTest {

	private static final SyntheticClusters BLOBS = new SyntheticClusters(
		new double[][] { { 0, 0, 0 }, { 6, 2, -3 }, { 12, -4, 3 } }, new double[] { 1, 1.2, 0.8 }, new int[] { 40_000, 30_000, 20_000 }, 1);

	private static ClusteringResult fit(ClusteringSettings s) {
		return new KMeans(s).fit(BLOBS.matrix(), Progress.NONE).orderedByFirstFeature();
	}

	@Test
	void findsSeparatedBlobs() {
		ClusteringResult r = fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA));
		assertTrue(BLOBS.accuracy(r.labels()) > 0.995, "accuracy " + BLOBS.accuracy(r.labels()));
		assertEquals(12, r.centres()[6], 0.05);
		assertEquals(-4, r.centres()[7], 0.05);
		assertTrue(r.converged());
		assertEquals(10, r.convergedRestarts());
	}

	@Test
	void reportedInertiaIsThatOfLabelsAndCentres() {
		ClusteringResult r = fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA));
		assertEquals(inertiaOf(r), r.score(), inertiaOf(r) * 1e-5);
	}

	/** On a GPU TensorFlow's float32 matrix products run in TF32, which once made this 0.5 % off. */
	@Test
	void tensorFlowReportsTheInertiaOfItsLabelsAndCentresOnEveryDevice() {
		for (DeviceChoice device : devices()) {
			ClusteringResult r = fit(ClusteringSettings.kMeans(3).withBackend(Backend.TENSORFLOW).withDevice(device).withRestarts(2));
			assertEquals(inertiaOf(r), r.score(), inertiaOf(r) * 1e-5, r.device());
		}
	}

	private static double inertiaOf(ClusteringResult r) {
		double inertia = 0;
		for (int i = 0; i < BLOBS.rows; i++)
			for (int f = 0; f < 3; f++) {
				double diff = BLOBS.values[i * 3 + f] - r.centres()[r.labels()[i] * 3 + f];
				inertia += diff * diff;
			}
		return inertia;
	}

	/** The CPU, and the GPU where TensorFlow finds one. */
	private static List<DeviceChoice> devices() {
		return TensorFlowDevices.gpuUsable() ? List.of(DeviceChoice.CPU, DeviceChoice.GPU) : List.of(DeviceChoice.CPU);
	}

	@Test
	void sameSeedSameResultWhateverTheThreadCount() {
		ClusteringResult one = fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA).withThreads(1).withSeed(5));
		ClusteringResult two = fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA).withThreads(2).withSeed(5));
		assertArrayEquals(one.labels(), two.labels());
		assertEquals(one.score(), two.score(), one.score() * 1e-9);
	}

	@Test
	void moreRestartsNeverWorse() {
		SyntheticClusters many = new SyntheticClusters(new double[][] { { 0, 0 }, { 3, 0 }, { 6, 1 }, { 9, 0 }, { 12, 2 }, { 15, 0 } },
			new double[] { 1, 1, 1, 1, 1, 1 }, new int[] { 3000, 3000, 3000, 3000, 3000, 3000 }, 3);
		double single = new KMeans(ClusteringSettings.kMeans(6).withRestarts(1).withSeed(3)).fit(many.matrix(), Progress.NONE).score();
		double ten = new KMeans(ClusteringSettings.kMeans(6).withRestarts(10).withSeed(3)).fit(many.matrix(), Progress.NONE).score();
		assertTrue(ten <= single, ten + " > " + single);
	}

	@Test
	void tensorFlowBackendAgreesWithJava() {
		ClusteringResult java = fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA).withRestarts(3));
		for (DeviceChoice device : devices()) {
			ClusteringResult tf = fit(ClusteringSettings.kMeans(3).withBackend(Backend.TENSORFLOW).withDevice(device).withRestarts(3));
			assertEquals(java.score(), tf.score(), java.score() * 1e-4, tf.device());
			int differ = 0;
			for (int i = 0; i < BLOBS.rows; i++) if (java.labels()[i] != tf.labels()[i]) differ++;
			assertTrue(differ <= BLOBS.rows / 10_000, differ + " labels differ on " + tf.device());
			assertTrue(tf.device().contains("TensorFlow") && tf.device().contains(device == DeviceChoice.GPU ? "GPU" : "CPU"), tf.device());
		}
	}

	@Test
	void tensorFlowKeepsPrecisionFarFromOrigin() {
		SyntheticClusters offset = new SyntheticClusters(new double[][] { { 5000 }, { 5010 } }, new double[] { 1, 1 }, new int[] { 5000, 5000 }, 4);
		ClusteringResult r = new KMeans(ClusteringSettings.kMeans(2).withBackend(Backend.TENSORFLOW)).fit(offset.matrix(), Progress.NONE)
			.orderedByFirstFeature();
		assertTrue(offset.accuracy(r.labels()) > 0.999);
		assertEquals(10_000, r.score(), 500, "inertia of two unit-variance blobs of 5000 points");
	}

	@Test
	void autoOnCpuUsesJava() {
		ClusteringResult r = fit(ClusteringSettings.kMeans(3).withRestarts(1).withDevice(DeviceChoice.CPU));
		assertTrue(r.device().startsWith("CPU (plain Java"), r.device());
	}

	@Test
	void autoWithoutGpuSaysItFellBackToJavaOnTheCpu() {
		Assumptions.assumeFalse(TensorFlowDevices.gpuUsable(), "a GPU is usable here; the fallback cannot be seen");
		ClusteringResult r = fit(ClusteringSettings.kMeans(3).withRestarts(1));
		assertTrue(r.device().startsWith("CPU (plain Java"), r.device());
		assertTrue(r.device().contains("no GPU found, running on CPU"), r.device());
	}

	@Test
	void autoWithGpuRunsTensorFlowThere() {
		Assumptions.assumeTrue(TensorFlowDevices.gpuUsable(), "no GPU on this machine");
		ClusteringResult r = fit(ClusteringSettings.kMeans(3).withRestarts(1));
		assertTrue(r.device().startsWith("GPU:0, TensorFlow"), r.device());
	}

	@Test
	void kMustFitTheData() {
		BadInputException zero = assertThrows(BadInputException.class, () -> fit(ClusteringSettings.kMeans(0)));
		assertTrue(zero.getMessage().contains("k must be at least 1"), zero.getMessage());
		FeatureMatrix three = FeatureMatrix.fromArray(new float[] { 1, 2, 3 }, 3, 1);
		BadInputException many = assertThrows(BadInputException.class, () -> new KMeans(ClusteringSettings.kMeans(4)).fit(three, Progress.NONE));
		assertTrue(many.getMessage().contains("larger than the number of pixels"), many.getMessage());
	}

	@Test
	void gpuRequestedWithoutGpuIsRefusedClearly() {
		Assumptions.assumeFalse(TensorFlowDevices.gpuUsable(), "a GPU is usable here");
		BadInputException e = assertThrows(BadInputException.class, () -> fit(ClusteringSettings.kMeans(3).withDevice(DeviceChoice.GPU)));
		assertTrue(e.getMessage().contains("no usable GPU"), e.getMessage());
	}

	@Test
	void javaBackendOnTheGpuIsRefusedClearly() {
		BadInputException java = assertThrows(BadInputException.class,
			() -> fit(ClusteringSettings.kMeans(3).withBackend(Backend.JAVA).withDevice(DeviceChoice.GPU)));
		assertTrue(java.getMessage().contains("backend=java runs on the CPU only"), java.getMessage());
	}

	@Test
	void cancelStopsWithoutResult() {
		Progress canceled = new Progress() {
			@Override
			public void status(String message) {}

			@Override
			public void fraction(double done) {}

			@Override
			public boolean isCanceled() {
				return true;
			}
		};
		assertThrows(CancellationException.class, () -> new KMeans(ClusteringSettings.kMeans(3)).fit(BLOBS.matrix(), canceled));
	}

	@Test
	void identicalPointsGiveZeroInertia() {
		FeatureMatrix same = FeatureMatrix.fromArray(new float[] { 2, 2, 2, 2, 2, 2 }, 6, 1);
		ClusteringResult r = new KMeans(ClusteringSettings.kMeans(2)).fit(same, Progress.NONE);
		assertEquals(0, r.score(), 0);
	}
}
