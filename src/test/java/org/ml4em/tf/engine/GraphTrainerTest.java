package org.ml4em.tf.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class GraphTrainerTest {

	private static final int N = 64;

	/** Linear model y = w x + b with a mean-squared-error loss, fitted to y = 3x − 2. */
	private static final class Line implements AutoCloseable {
		final Placeholder<TFloat32> x;
		final Placeholder<TFloat32> y;
		final Variable<TFloat32> w;
		final Variable<TFloat32> b;
		final GraphTrainer trainer;
		final TFloat32 xs;
		final TFloat32 ys;

		Line(float learningRate) {
			Graph graph = new Graph();
			Ops tf = Ops.create(graph);
			x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
			y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
			w = tf.variable(tf.constant(0f));
			b = tf.variable(tf.constant(0f));
			Operand<TFloat32> residual = tf.math.sub(tf.math.add(tf.math.mul(x, w), b), y);
			Operand<TFloat32> loss = tf.math.mean(tf.math.square(residual), tf.constant(0));
			trainer = new GraphTrainer(graph, loss, List.of(w, b), learningRate, 1);
			float[] xv = new float[N];
			float[] yv = new float[N];
			for (int i = 0; i < N; i++) {
				xv[i] = -1f + 2f * i / (N - 1);
				yv[i] = 3f * xv[i] - 2f;
			}
			xs = TFloat32.tensorOf(Shape.of(N), DataBuffers.of(xv, true, false));
			ys = TFloat32.tensorOf(Shape.of(N), DataBuffers.of(yv, true, false));
		}

		Map<Operand<?>, Tensor> feeds() {
			return Map.of(x, xs, y, ys);
		}

		float value(Variable<TFloat32> variable) {
			try (Result r = trainer.session().runner().fetch(variable).run()) {
				return ((TFloat32) r.get(0)).getFloat();
			}
		}

		@Override
		public void close() {
			xs.close();
			ys.close();
			trainer.close();
		}
	}

	@Test
	void fitsALine() {
		try (Line line = new Line(0.05f)) {
			for (int i = 0; i < 500; i++) line.trainer.step(line.feeds());
			float loss = line.trainer.loss(line.feeds());
			assertTrue(loss < 1e-3f, "loss " + loss);
			assertEquals(3f, line.value(line.w), 0.05f);
			assertEquals(-2f, line.value(line.b), 0.05f);
		}
	}

	@Test
	void lossDecreasesOverTheFirstSteps() {
		try (Line line = new Line(0.05f)) {
			float initial = line.trainer.loss(line.feeds());
			float previous = Float.POSITIVE_INFINITY;
			for (int i = 0; i < 20; i++) {
				float before = line.trainer.step(line.feeds());
				if (i == 0) assertEquals(initial, before, 1e-6f, "step returns the loss before the update");
				assertTrue(before < previous, "step " + i + ": loss " + before + " not below " + previous);
				previous = before;
			}
			float end = line.trainer.loss(line.feeds());
			assertTrue(end < 0.5f * initial, "loss went from " + initial + " to " + end);
		}
	}
}
