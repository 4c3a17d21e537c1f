package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Full-batch Adam training of a float32 graph that the caller builds.
 * <p>
 * The constructor adds to the caller's graph the gradients of {@code loss} with respect to each
 * variable, one {@code ApplyAdam} update per variable (with zero-initialised first and second
 * moment slots of the variable's shape), and the running powers {@code beta1^t}, {@code beta2^t}
 * that are multiplied by β₁, β₂ after every step. No update starts before every gradient is
 * computed, so a step sees one consistent set of weights. It then opens a session and runs every
 * initializer of the graph. Hyper-parameters: β₁ = 0.9, β₂ = 0.999, ε = 1e-7 (the Keras defaults).
 *
 * <pre>
 * Graph graph = new Graph();
 * Ops tf = Ops.create(graph);
 * Placeholder&lt;TFloat32&gt; x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
 * Placeholder&lt;TFloat32&gt; y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
 * Variable&lt;TFloat32&gt; w = tf.variable(tf.constant(0f));
 * Variable&lt;TFloat32&gt; b = tf.variable(tf.constant(0f));
 * Operand&lt;TFloat32&gt; residual = tf.math.sub(tf.math.add(tf.math.mul(x, w), b), y);
 * Operand&lt;TFloat32&gt; loss = tf.math.mean(tf.math.square(residual), tf.constant(new int[] {0, 1}));
 * try (GraphTrainer trainer = new GraphTrainer(graph, loss, List.of(w, b), 1e-3f, 4)) {
 *     for (int epoch = 0; epoch &lt; 1000; epoch++) trainer.step(Map.of(x, xs, y, ys));
 *     try (Result r = trainer.session().runner().fetch(w).run()) { ... }
 * }
 * </pre>
 *
 * The graph must not be used to build further ops after construction. Closing the trainer closes
 * the session and the graph. Not thread-safe: one caller at a time.
 */
public final class GraphTrainer implements AutoCloseable {

	/** Exponential decay of the first-moment estimate. */
	public static final float BETA1 = 0.9f;
	/** Exponential decay of the second-moment estimate. */
	public static final float BETA2 = 0.999f;
	/** Added to the root of the second moment to avoid division by zero. */
	public static final float EPSILON = 1e-7f;

	private final Graph graph;
	private final Session session;
	private final Operand<TFloat32> lossValue;
	private final List<Op> updates = new ArrayList<>();

	/**
	 * Adds the gradient and Adam update ops to {@code graph} and opens an initialised session.
	 *
	 * @param graph the graph holding {@code loss} and {@code variables}; owned by the trainer from now on
	 * @param loss scalar float32 loss to minimise
	 * @param variables float32 variables to train, each of fully known shape (e.g. made with
	 *            {@code tf.variable(initialValue)})
	 * @param learningRate Adam step size, e.g. 1e-3
	 * @param threads CPU threads TensorFlow may use within one op
	 */
	public GraphTrainer(Graph graph, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, float learningRate, int threads) {
		this(graph, loss, variables, learningRate, SessionConfigs.withThreads(threads, true));
	}

	/**
	 * Like the public constructor, with the session configured by {@code config} (e.g.
	 * {@link SessionConfigs#forDevice}).
	 */
	GraphTrainer(Graph graph, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, float learningRate, ConfigProto config) {
		this.graph = Objects.requireNonNull(graph, "graph");
		Objects.requireNonNull(loss, "loss");
		if (variables == null || variables.isEmpty()) throw new IllegalArgumentException("no variables to train");
		if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
		Ops tf = Ops.create(graph);
		var lossId = tf.identity(loss);
		lossValue = lossId;
		List<Operand<TFloat32>> grads = AdamUpdates.gradients(tf, loss, variables);
		// Updates wait for the loss, so step() returns the loss of the weights before the update,
		// and for every gradient (see AdamUpdates: without this, results differed from run to run).
		List<Op> beforeUpdates = new ArrayList<>(List.of(lossId));
		for (Operand<TFloat32> g : grads)
			beforeUpdates.add(tf.identity(g));
		updates.addAll(AdamUpdates.build(tf, tf.withControlDependencies(beforeUpdates), variables, grads, tf.constant(learningRate)));
		session = new Session(graph, config);
		session.initialize();
	}

	/**
	 * Runs one Adam update of every variable on the full batch given by {@code feeds}.
	 *
	 * @param feeds a tensor for every placeholder the loss depends on
	 * @return the loss before this update
	 */
	public float step(Map<Operand<?>, Tensor> feeds) {
		Session.Runner runner = session.runner();
		feeds.forEach(runner::feed);
		updates.forEach(runner::addTarget);
		try (Result r = runner.fetch(lossValue).run()) {
			return ((TFloat32) r.get(0)).getFloat();
		}
	}

	/**
	 * Runs one Adam update of every variable (the graph has no placeholders) and fetches
	 * {@code before}, an input of the loss: its value is computed from the weights before the
	 * update, because every update waits for the loss.
	 *
	 * @return the result holding {@code before}; the caller closes it
	 */
	Result stepFetching(Operand<?> before) {
		Session.Runner runner = session.runner();
		updates.forEach(runner::addTarget);
		return runner.fetch(before).run();
	}

	/**
	 * Evaluates the loss without changing any variable.
	 *
	 * @param feeds a tensor for every placeholder the loss depends on
	 * @return the current loss
	 */
	public float loss(Map<Operand<?>, Tensor> feeds) {
		Session.Runner runner = session.runner();
		feeds.forEach(runner::feed);
		try (Result r = runner.fetch(lossValue).run()) {
			return ((TFloat32) r.get(0)).getFloat();
		}
	}

	/** The initialised session, for fetching variables or other outputs of the graph. */
	public Session session() {
		return session;
	}

	/** Closes the session and the graph. */
	@Override
	public void close() {
		session.close();
		graph.close();
	}

}
