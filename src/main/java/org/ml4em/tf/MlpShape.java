package org.ml4em.tf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * The architecture of a small fully connected network with one linear output: the number of
 * inputs, the width of each hidden layer and the activation after each hidden layer.
 * <p>
 * Layer {@code l} (0-based, {@code l < layers()}) maps {@link #fanIn(int)} values to
 * {@link #fanOut(int)} values; the last layer is the linear output of width 1.
 *
 * <pre>
 * // 2 inputs, hidden layers 10-15-5 (sigmoid, sigmoid, ReLU), linear output
 * MlpShape shape = MlpShape.of(2, new int[] {10, 15, 5}, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);
 * </pre>
 *
 * @param inputs number of input features, at least 1
 * @param hiddenSizes width of each hidden layer, each at least 1; may be empty (a linear model)
 * @param activations activation after each hidden layer, as many as {@code hiddenSizes}
 */
public record MlpShape(int inputs, List<Integer> hiddenSizes, List<MlpShape.Activation> activations) {

	/** A hidden layer's element-wise non-linearity. */
	public enum Activation {
		/** 1 / (1 + e^−x). */
		SIGMOID,
		/** max(0, x). */
		RELU,
		/** tanh(x). */
		TANH,
		/** x (no non-linearity). */
		LINEAR
	}

	/** Copies the lists and checks the sizes. */
	public MlpShape {
		hiddenSizes = List.copyOf(hiddenSizes);
		activations = List.copyOf(activations);
		if (inputs < 1) throw new BadInputException("A network needs at least one input, got " + inputs + ".");
		if (hiddenSizes.stream().anyMatch(size -> size < 1))
			throw new BadInputException("Every hidden layer needs at least one unit, got sizes " + hiddenSizes + ".");
		if (hiddenSizes.size() != activations.size()) throw new BadInputException("Each of the " + hiddenSizes.size() +
			" hidden layers needs one activation, got " + activations.size() + ".");
	}

	/**
	 * @param inputs number of input features
	 * @param hiddenSizes width of each hidden layer
	 * @param activations activation after each hidden layer
	 */
	public static MlpShape of(int inputs, int[] hiddenSizes, Activation... activations) {
		Objects.requireNonNull(hiddenSizes, "hiddenSizes");
		return new MlpShape(inputs, Arrays.stream(hiddenSizes).boxed().toList(), Arrays.asList(activations));
	}

	/** Number of weight layers: the hidden layers plus the linear output layer. */
	public int layers() {
		return hiddenSizes.size() + 1;
	}

	/** Width of the input of layer {@code layer}. */
	public int fanIn(int layer) {
		return layer == 0 ? inputs : hiddenSizes.get(layer - 1);
	}

	/** Width of the output of layer {@code layer}: a hidden size, or 1 for the output layer. */
	public int fanOut(int layer) {
		return layer == hiddenSizes.size() ? 1 : hiddenSizes.get(layer);
	}

	/** Trainable numbers of one network: all kernels and biases. */
	public int parametersPerNetwork() {
		int count = 0;
		for (int l = 0; l < layers(); l++)
			count += (fanIn(l) + 1) * fanOut(l);
		return count;
	}
}
