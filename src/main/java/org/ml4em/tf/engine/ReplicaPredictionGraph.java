package org.ml4em.tf.engine;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.ReplicaWeights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Inference with fixed ensemble weights: input {@code [M, inputs]}, the same points for every
 * replica, output {@code [R, M]}. The weights are variables initialised from constants, so an
 * exported SavedModel carries them in {@code variables/} like any trained model. Not thread-safe.
 */
final class ReplicaPredictionGraph implements AutoCloseable {

	private final int inputs;
	private final int replicas;
	private final Graph graph = new Graph();
	private final Session session;
	private final Placeholder<TFloat32> x;
	private final Operand<TFloat32> y;

	ReplicaPredictionGraph(ReplicaWeights weights, ComputeDevice device, int threads) {
		inputs = weights.shape().inputs();
		replicas = weights.replicas();
		try {
			Ops tf = Ops.create(graph);
			if (device.gpu()) tf = tf.withDevice(GpuProbe.gpuSpec());
			x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
			// [1, M, inputs]: the batched products broadcast the points over the replicas.
			var shared = tf.expandDims(x, tf.constant(0));
			y = ReplicaMlpLayers.forward(tf, weights.shape(), ReplicaMlpLayers.variables(tf, weights), shared);
			session = new Session(graph, SessionConfigs.forDevice(device, threads));
			session.initialize();
		}
		catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	/**
	 * @param points {@code M} rows of {@code inputs} values, already checked
	 * @return {@code [R][M]} outputs
	 */
	float[][] predict(float[][] points) {
		int m = points.length;
		float[] flat = new float[m * inputs];
		for (int i = 0; i < m; i++)
			System.arraycopy(points[i], 0, flat, i * inputs, inputs);
		float[][] out = new float[replicas][m];
		try (TFloat32 in = TFloat32.tensorOf(Shape.of(m, inputs), DataBuffers.of(flat, true, false));
			Result result = session.runner().feed(x, in).fetch(y).run()) {
			float[] values = new float[replicas * m];
			((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
			for (int r = 0; r < replicas; r++)
				System.arraycopy(values, r * m, out[r], 0, m);
		}
		return out;
	}

	/** Writes the SavedModel: signature input {@code "input"} {@code [M, inputs]}, output {@code "output"} {@code [R, M]}. */
	void export(Path dir) throws IOException {
		SavedModelExporter.export(dir, session, x, y);
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
