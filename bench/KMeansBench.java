import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ml4em.Progress;
import org.ml4em.cluster.ClusteringResult;
import org.ml4em.cluster.ClusteringSettings;
import org.ml4em.cluster.FeatureMatrix;
import org.ml4em.cluster.KMeans;

/**
 * Times ML4EM's K-means on the benchmark points (run with Java's single-file launcher, see
 * kmeans_vs_sklearn.sh); prints one line per run: 'ml4em <seconds> <inertia> <device>'.
 */
public class KMeansBench {

	public static void main(String[] args) throws IOException {
		float[] x = read(Path.of(args[0]));
		int k = Integer.parseInt(args[1]), restarts = Integer.parseInt(args[2]), runs = Integer.parseInt(args[3]);
		String backend = args.length > 4 ? args[4] : "java";
		FeatureMatrix points = FeatureMatrix.fromArray(x, x.length / 3, 3);
		for (int r = 0; r < runs; r++) {
			ClusteringSettings s = ClusteringSettings.kMeans(k).withRestarts(restarts).withSeed(r)
				.withBackend(ClusteringSettings.Backend.parse(backend));
			long t = System.nanoTime();
			ClusteringResult result = new KMeans(s).fit(points, Progress.NONE);
			System.out.printf("ml4em %.4f %.9g %s%n", (System.nanoTime() - t) / 1e9, result.score(), result.device().replace(' ', '_'));
		}
	}

	private static float[] read(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		float[] x = new float[b.remaining() / 4];
		b.asFloatBuffer().get(x);
		return x;
	}
}
