package org.ml4em.demo;

import org.ml4em.Progress;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.GapType;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.eels.TrainedZlpModel;
import org.ml4em.eels.ZlpAnalysis;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpPixelAnalysis;
import org.ml4em.eels.ZlpPixelMaps;
import org.ml4em.eels.ZlpResult;
import org.ml4em.eels.ZlpSettings;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.ReplicaTrainingSettings;

/**
 * Times the per-pixel band-gap map on a simulated {@code size × size} image (gap 2.2 eV, two
 * thickness stripes): {@code java -cp target/classes:target/test-classes:target/lib/* org.ml4em.demo.ZlpPixelMapDemo [size] [replicas]}.
 */
public final class ZlpPixelMapDemo {

	private ZlpPixelMapDemo() {}

	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
		int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		int threads = Runtime.getRuntime().availableProcessors();
		ThicknessResult t = new ThicknessAnalysis(ThicknessSettings.defaults().withClusters(2).withThreads(threads))
			.run(SyntheticLowLoss.defaults().withBandGap(2.2).generate(ThicknessMap.stripes(size, size, 0.3, 0.8)), Progress.NONE);
		ZlpSettings settings = ZlpSettings.defaults().withReplicas(replicas).withThreads(threads).withDevice(DeviceChoice.CPU)
			.withTraining(ReplicaTrainingSettings.defaults().withLearningRate(1e-2f).withMaxEpochs(8000).withCheckEvery(50).withPatience(40));
		ZlpResult r = new ZlpAnalysis(settings).run(t, Progress.NONE);
		ZlpModel model = ZlpModel.of(r, t.aligned().energyAxis(), GapType.DIRECT);
		try (TrainedZlpModel networks = TrainedZlpModel.of(r, DeviceChoice.CPU, threads)) {
			long start = System.nanoTime();
			ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, t, Progress.NONE);
			double prepare = (System.nanoTime() - start) / 1e9;
			ZlpPixelMaps maps = pixels.bandGapMap(r.classes(), BandGapSettings.of(GapType.DIRECT), threads, 42, Progress.NONE);
			System.out.printf("%d x %d pixels, %d of %d replicas kept, %d threads: grid prediction %.2f s, band-gap map %.2f s "
				+ "(%d fitted, %d failed, %d without class gap, %d outside), %.3f ms per fit%n", size, size, model.keptCount(), replicas, threads, prepare,
				maps.seconds(), maps.fitted(), maps.failed(), maps.noClassGap(), maps.outsideModel(),
				1e3 * maps.seconds() * threads / ((double) size * size * maps.replicasPerPixel()));
			for (var c : r.classes())
				System.out.println("class " + c.label() + ": " + (c.hasBandGap() ? c.bandGap().median() + " eV in " + c.bandGap().window() : c.bandGapProblem()));
			float[] eg = maps.eg();
			double sum = 0;
			int n = 0;
			for (float v : eg) if (!Float.isNaN(v)) { sum += v; n++; }
			System.out.printf("mean pixel Eg %.3f eV over %d pixels%n", sum / n, n);
		}
	}
}
