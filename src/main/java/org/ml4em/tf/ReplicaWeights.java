package org.ml4em.tf;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.ml4em.BadInputException;

/**
 * The weights of an ensemble of {@code R} networks of one {@link MlpShape}, as plain arrays.
 * <p>
 * Layout, per layer {@code l}: the kernel is row-major {@code [R][fanIn][fanOut]} (replica slowest)
 * and the bias row-major {@code [R][fanOut]}; a layer computes {@code act(x · kernel + bias)}.
 * Immutable to callers: accessors return copies, and an instance is never changed once handed out.
 *
 * <pre>
 * ReplicaWeights start = ReplicaWeights.glorotUniform(shape, 500, 42);
 * ReplicaWeights third = start.replica(2); // the same network as replica 2, as an ensemble of one
 * </pre>
 */
public final class ReplicaWeights {

	private final MlpShape shape;
	private final int replicas;
	private final float[][] kernels;
	private final float[][] biases;

	private ReplicaWeights(MlpShape shape, int replicas, float[][] kernels, float[][] biases) {
		this.shape = shape;
		this.replicas = replicas;
		this.kernels = kernels;
		this.biases = biases;
	}

	/**
	 * Glorot-uniform kernels (uniform in ±√(6 / (fanIn + fanOut))) and zero biases, the Keras default.
	 * Replica {@code r} draws from its own random stream, derived from {@code seed} and {@code r}
	 * only, so it starts from the same weights in an ensemble of any size: with the same seed,
	 * {@code glorotUniform(shape, 500, seed).replica(7)} equals {@code glorotUniform(shape, 8, seed).replica(7)}.
	 *
	 * @param replicas number of networks, at least 1
	 */
	public static ReplicaWeights glorotUniform(MlpShape shape, int replicas, long seed) {
		Objects.requireNonNull(shape, "shape");
		if (replicas < 1) throw new BadInputException("An ensemble needs at least one replica, got " + replicas + ".");
		ReplicaWeights w = zeros(shape, replicas);
		SplittableRandom root = new SplittableRandom(seed);
		for (int r = 0; r < replicas; r++) {
			// one split per replica, taken in order: replica r's stream depends on (seed, r) alone
			SplittableRandom random = root.split();
			for (int l = 0; l < shape.layers(); l++) {
				int size = shape.fanIn(l) * shape.fanOut(l);
				double limit = Math.sqrt(6.0 / (shape.fanIn(l) + shape.fanOut(l)));
				for (int i = 0; i < size; i++)
					w.kernels[l][r * size + i] = (float) random.nextDouble(-limit, limit);
			}
		}
		return w;
	}

	/**
	 * Weights from arrays in the layout of the class comment.
	 *
	 * @param kernels one array per layer, {@code R × fanIn × fanOut} values each; copied
	 * @param biases one array per layer, {@code R × fanOut} values each; copied
	 * @throws BadInputException if a length does not fit the shape and replica count, or a value is not finite
	 */
	public static ReplicaWeights of(MlpShape shape, int replicas, List<float[]> kernels, List<float[]> biases) {
		Objects.requireNonNull(shape, "shape");
		if (replicas < 1) throw new BadInputException("An ensemble needs at least one replica, got " + replicas + ".");
		if (kernels.size() != shape.layers() || biases.size() != shape.layers()) throw new BadInputException("A network of " +
			shape.layers() + " layers needs " + shape.layers() + " kernels and biases, got " + kernels.size() + " and " + biases.size() + ".");
		ReplicaWeights w = zeros(shape, replicas);
		for (int l = 0; l < shape.layers(); l++) {
			w.copyChecked(kernels.get(l), w.kernels[l], "kernel " + l);
			w.copyChecked(biases.get(l), w.biases[l], "bias " + l);
		}
		return w;
	}

	/**
	 * Stacks ensembles of the same shape into one, in order (e.g. networks trained one at a time).
	 *
	 * @throws BadInputException if the list is empty or the shapes differ
	 */
	public static ReplicaWeights stack(List<ReplicaWeights> parts) {
		if (parts.isEmpty()) throw new BadInputException("Nothing to stack: the list of weights is empty.");
		MlpShape shape = parts.get(0).shape;
		int total = 0;
		for (ReplicaWeights part : parts) {
			if (!part.shape.equals(shape)) throw new BadInputException("Cannot stack networks of shapes " + shape + " and " + part.shape + ".");
			total += part.replicas;
		}
		ReplicaWeights w = zeros(shape, total);
		int offset = 0;
		for (ReplicaWeights part : parts) {
			for (int r = 0; r < part.replicas; r++)
				w.copyReplica(offset + r, part, r);
			offset += part.replicas;
		}
		return w;
	}

	/** The architecture of every network. */
	public MlpShape shape() {
		return shape;
	}

	/** Number of networks {@code R}. */
	public int replicas() {
		return replicas;
	}

	/** Layer {@code layer}'s kernels, row-major {@code [R][fanIn][fanOut]}; a copy. */
	public float[] kernel(int layer) {
		return kernels[layer].clone();
	}

	/** Layer {@code layer}'s biases, row-major {@code [R][fanOut]}; a copy. */
	public float[] bias(int layer) {
		return biases[layer].clone();
	}

	/** Network {@code r} alone, as an ensemble of one. */
	public ReplicaWeights replica(int r) {
		return replicas(r, r + 1);
	}

	/** Networks {@code from} (inclusive) to {@code to} (exclusive), as an ensemble. */
	public ReplicaWeights replicas(int from, int to) {
		Objects.checkFromToIndex(from, to, replicas);
		if (from == to) throw new IllegalArgumentException("An ensemble needs at least one replica: from = to = " + from);
		ReplicaWeights part = zeros(shape, to - from);
		for (int r = from; r < to; r++)
			part.copyReplica(r - from, this, r);
		return part;
	}

	// -- For the TensorFlow engine (org.ml4em.tf.engine), which fills these in place --

	/** An ensemble of all-zero weights, to be filled. */
	public static ReplicaWeights zeros(MlpShape shape, int replicas) {
		float[][] kernels = new float[shape.layers()][];
		float[][] biases = new float[shape.layers()][];
		for (int l = 0; l < shape.layers(); l++) {
			kernels[l] = new float[replicas * shape.fanIn(l) * shape.fanOut(l)];
			biases[l] = new float[replicas * shape.fanOut(l)];
		}
		return new ReplicaWeights(shape, replicas, kernels, biases);
	}

	/** The live kernel array of a layer, for filling from TensorFlow; callers must not keep it. */
	public float[] kernelArray(int layer) {
		return kernels[layer];
	}

	/** The live bias array of a layer, for filling from TensorFlow; callers must not keep it. */
	public float[] biasArray(int layer) {
		return biases[layer];
	}

	/** Overwrites replica {@code to} of this ensemble with replica {@code from} of {@code source}. */
	public void copyReplica(int to, ReplicaWeights source, int from) {
		for (int l = 0; l < shape.layers(); l++) {
			int k = shape.fanIn(l) * shape.fanOut(l);
			int b = shape.fanOut(l);
			System.arraycopy(source.kernels[l], from * k, kernels[l], to * k, k);
			System.arraycopy(source.biases[l], from * b, biases[l], to * b, b);
		}
	}

	private void copyChecked(float[] from, float[] to, String what) {
		Objects.requireNonNull(from, what);
		if (from.length != to.length) throw new BadInputException("The " + what + " of " + replicas + " networks of shape " + shape +
			" needs " + to.length + " values, got " + from.length + ".");
		for (float v : from)
			if (!Float.isFinite(v)) throw new BadInputException("The " + what + " holds a non-finite value (" + v + "); weights must be finite.");
		System.arraycopy(from, 0, to, 0, to.length);
	}

	/** Copies every layer of this ensemble, for a caller that must not see later changes. */
	public ReplicaWeights copy() {
		ReplicaWeights w = zeros(shape, replicas);
		for (int l = 0; l < shape.layers(); l++) {
			System.arraycopy(kernels[l], 0, w.kernels[l], 0, kernels[l].length);
			System.arraycopy(biases[l], 0, w.biases[l], 0, biases[l].length);
		}
		return w;
	}
}
