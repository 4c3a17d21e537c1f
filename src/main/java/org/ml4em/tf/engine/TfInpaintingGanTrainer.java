package org.ml4em.tf.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.InpaintingGanTrainer;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** {@link InpaintingGanTrainer} in TensorFlow. */
public final class TfInpaintingGanTrainer implements InpaintingGanTrainer {

	/** Channels of the critic's stride-2 convolutions. */
	static final int[] CRITIC_FILTERS = { 16, 32, 64, 64 };

	private static final float LOG_FLOOR = 1e-6f;

	private final UNetShape shape;
	private final ComputeDevice device;
	private final Graph graph;
	private final Session session;
	private final Placeholder<TFloat32> input, target, clip, rate;
	private final Operand<TFloat32> completed, reconstruction, adversarial, critic, gradientNorm;
	private final List<Op> updates = new ArrayList<>();
	private final List<Variable<TFloat32>> generatorVariables;

	/** See {@link InpaintingGanTrainer#create}. */
	public TfInpaintingGanTrainer(UNetShape shape, Path startModel, float adversarialWeight, long seed, ComputeDevice device, int threads) {
		this.shape = Objects.requireNonNull(shape, "shape");
		this.device = Objects.requireNonNull(device, "device");
		if (shape.inputChannels() != 2 || shape.outputChannels() != 1)
			throw new IllegalArgumentException("an inpainting generator takes 2 channels (guess, mask) and gives 1, not " + shape);
		if (!(adversarialWeight >= 0)) throw new IllegalArgumentException("adversarial weight must be at least 0: " + adversarialWeight);
		graph = new Graph();
		try {
			Ops tf = Ops.create(graph);
			if (device.gpu()) tf = tf.withDevice(GpuProbe.gpuSpec());
			input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2)));
			target = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			clip = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			rate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			UNetLayers generator = new UNetLayers(tf, shape, seed, UNetHead.INPAINTING, startModel == null ? null : startWeights(startModel, shape));
			completed = UNetHead.INPAINTING.output(tf, input, generator.logits(input));
			generatorVariables = generator.variables();
			DiscriminatorLayers discriminator = new DiscriminatorLayers(tf, 1, CRITIC_FILTERS, seed + 1);
			var realScore = discriminator.score(target);
			var fakeScore = discriminator.score(completed);
			var perImage = tf.math.mean(tf.math.squaredDifference(completed, target), tf.constant(new int[] { 1, 2, 3 }));
			reconstruction = tf.math.mean(tf.math.log(tf.math.add(perImage, tf.constant(LOG_FLOOR))), tf.constant(0));
			adversarial = meanSquare(tf, tf.math.sub(fakeScore, tf.constant(1f)));
			critic = tf.math.mul(tf.constant(0.5f), tf.math.add(meanSquare(tf, tf.math.sub(realScore, tf.constant(1f))), meanSquare(tf, fakeScore)));
			var generatorLoss = tf.math.add(reconstruction, tf.math.mul(tf.constant(adversarialWeight), adversarial));

			List<Operand<TFloat32>> gGrads = AdamUpdates.gradients(tf, generatorLoss, generatorVariables);
			List<Operand<TFloat32>> dGrads = AdamUpdates.gradients(tf, critic, discriminator.variables());
			gradientNorm = globalNorm(tf, gGrads);
			var scale = tf.math.minimum(tf.constant(1f), tf.math.div(clip, tf.math.maximum(gradientNorm, tf.constant(1e-12f))));
			List<Op> before = new ArrayList<>(List.of(reconstruction, adversarial, critic, gradientNorm));
			for (Operand<TFloat32> g : gGrads)
				before.add(tf.identity(g));
			for (Operand<TFloat32> g : dGrads)
				before.add(tf.identity(g));
			Ops afterGradients = tf.withControlDependencies(before);
			List<Operand<TFloat32>> clipped = new ArrayList<>();
			for (Operand<TFloat32> g : gGrads)
				clipped.add(afterGradients.math.mul(g, scale));
			updates.addAll(AdamUpdates.build(tf, afterGradients, generatorVariables, clipped, rate));
			updates.addAll(AdamUpdates.build(tf, afterGradients, discriminator.variables(), dGrads, rate));
			session = new Session(graph, SessionConfigs.forDevice(device, threads));
			session.initialize();
		}
		catch (RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	@Override
	public UNetShape shape() {
		return shape;
	}

	@Override
	public ComputeDevice device() {
		return device;
	}

	@Override
	public StepLosses step(float[] inputs, float[] targets, int batch, int height, int width, float clipNorm, float learningRate) {
		if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
		try (TFloat32 x = tensor(inputs, batch, height, width, 2); TFloat32 y = tensor(targets, batch, height, width, 1);
			TFloat32 c = TFloat32.scalarOf(clipNorm); TFloat32 lr = TFloat32.scalarOf(learningRate)) {
			Session.Runner runner = session.runner().feed(input, x).feed(target, y).feed(clip, c).feed(rate, lr);
			updates.forEach(runner::addTarget);
			try (Result r = runner.fetch(reconstruction).fetch(adversarial).fetch(critic).fetch(gradientNorm).run()) {
				return new StepLosses(scalar(r, 0), scalar(r, 1), scalar(r, 2), scalar(r, 3));
			}
		}
	}

	@Override
	public float[] predict(float[] inputs, int batch, int height, int width) {
		try (TFloat32 x = tensor(inputs, batch, height, width, 2); Result r = session.runner().feed(input, x).fetch(completed).run()) {
			float[] out = new float[batch * height * width];
			((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
			return out;
		}
	}

	@Override
	public void export(Path dir) throws IOException {
		TfUNetTrainer.exportNetwork(dir, shape, UNetHead.INPAINTING, TfUNetTrainer.weightsOf(session, generatorVariables));
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}

	private TFloat32 tensor(float[] values, int batch, int height, int width, int channels) {
		return ImageTensors.of(shape, values, batch, height, width, channels);
	}

	private static List<float[]> startWeights(Path dir, UNetShape shape) {
		try (TfSavedModelRunner runner = TfSavedModelRunner.load(dir, TensorFlowDevices.resolve(DeviceChoice.CPU), 1)) {
			List<float[]> weights = runner.variableValues();
			long count = weights.stream().mapToLong(w -> w.length).sum();
			if (count != shape.parameterCount()) throw new org.ml4em.BadInputException("The model in " + dir + " has " + count
				+ " weights; a generator of depth " + shape.depth() + " and " + shape.baseFilters() + " base filters has " + shape.parameterCount() + ".");
			return weights;
		}
	}

	private static float scalar(Result r, int i) {
		return ((TFloat32) r.get(i)).getFloat();
	}

	private static Operand<TFloat32> meanSquare(Ops tf, Operand<TFloat32> x) {
		return tf.math.mean(tf.math.square(x), tf.constant(new int[] { 0, 1 }));
	}

	private static Operand<TFloat32> globalNorm(Ops tf, List<Operand<TFloat32>> grads) {
		Operand<TFloat32> sum = tf.constant(0f);
		for (Operand<TFloat32> g : grads)
			sum = tf.math.add(sum, tf.reduceSum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1))));
		return tf.math.sqrt(sum);
	}
}
