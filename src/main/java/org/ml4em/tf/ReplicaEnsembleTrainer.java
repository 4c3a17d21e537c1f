package org.ml4em.tf;

import java.io.IOException;
import java.nio.file.Path;

import org.ml4em.BadInputException;
import org.ml4em.Progress;

/**
 * Trains an ensemble of small networks of one {@link MlpShape} (Monte Carlo replicas), each on its
 * own data, all in one TensorFlow graph: the replica is the batch axis of every weight, so one
 * full-batch Adam step updates all replicas without a session run, a graph and a network per
 * replica (on 2 shared CPU cores a replica costs about 7 times less than trained alone, measured
 * with {@code bench/zlp_speed.sh}; the rest of the cost is TensorFlow's per-replica small matrix
 * products, which a GPU takes on). Adam's
 * moments are per weight, so each replica follows exactly the path it would follow alone.
 * <p>
 * Per replica the loss is χ² per weighted point (see {@link ReplicaData}); the graph minimises
 * the sum over replicas. Every {@code checkEvery} epochs the validation χ² of every replica is
 * computed and each replica keeps the weights of its lowest validation χ²; training stops when no
 * replica improved for {@code patience} checks, or after {@code maxEpochs}. {@link #predict} and
 * {@link #exportSavedModel} use the kept (best-validation) weights.
 *
 * <pre>
 * MlpShape shape = MlpShape.of(2, new int[] {10, 15, 5}, Activation.SIGMOID, Activation.SIGMOID, Activation.RELU);
 * try (ReplicaEnsembleTrainer trainer = ReplicaEnsembleTrainer.create(shape, DeviceChoice.AUTO, 2)) {
 *     ReplicaTrainingReport report = trainer.train(data, ReplicaTrainingSettings.defaults(), progress);
 *     float[][] lnZlp = trainer.predict(points);      // [replica][point]
 *     trainer.exportSavedModel(Path.of("zlp-model")); // input [M, 2] -> output [R, M]
 * }
 * </pre>
 *
 * Inputs are used as given: scale them (e.g. to [0.1, 0.9]) before training and predicting.
 * Device: {@link DeviceChoice#AUTO} runs on the GPU when TensorFlow can use one, else on the CPU;
 * {@link #device()} and the report say which ran. On the CPU, with a given thread count, the
 * same data, weights and settings give bit-for-bit the same networks.
 * <p>
 * Judge replicas by their χ², not only by their number: a replica whose ReLU units all switch
 * off (every input gives a negative pre-activation) outputs a constant and stops learning, and
 * with sigmoid features that barely vary over inputs in [0.1, 0.9] this happens to a sizeable
 * share of Glorot-initialised ZLP networks early in training. Such replicas end with a training
 * χ² near that of a constant fit; reject them as outliers (or retrain them from another seed).
 * <p>
 * Not thread-safe: one caller at a time.
 */
public interface ReplicaEnsembleTrainer extends AutoCloseable {

	/**
	 * @param shape the architecture of every replica
	 * @param device where to train and predict
	 * @param threads CPU threads, at least 1: on the CPU the replicas are split into this many
	 *            shards that train side by side (TensorFlow's products of these small matrices
	 *            barely use a second thread within one operation)
	 * @throws BadInputException if {@code gpu} is asked for and none is usable
	 */
	static ReplicaEnsembleTrainer create(MlpShape shape, DeviceChoice device, int threads) {
		return TensorFlow.engine().replicaEnsemble(shape, device, threads);
	}

	/** The device that trains and predicts. */
	ComputeDevice device();

	/** The architecture of every replica. */
	MlpShape shape();

	/**
	 * Trains all replicas together from Glorot-uniform weights drawn from {@code settings.seed()}.
	 *
	 * @param data one data set per replica, with {@link MlpShape#inputs()} inputs
	 * @return per-replica χ² and epochs, the device and the time taken
	 * @throws BadInputException if the data do not have the network's number of inputs
	 * @throws java.util.concurrent.CancellationException if {@code progress} is canceled; the
	 *             previous weights are kept
	 */
	ReplicaTrainingReport train(ReplicaData data, ReplicaTrainingSettings settings, Progress progress);

	/**
	 * Like {@link #train(ReplicaData, ReplicaTrainingSettings, Progress)}, starting from given
	 * weights (a warm start, e.g. from a fit of a neighbouring data set); {@code settings.seed()}
	 * is not used.
	 *
	 * @param initial starting weights, one network per replica of {@code data}
	 */
	ReplicaTrainingReport train(ReplicaData data, ReplicaWeights initial, ReplicaTrainingSettings settings, Progress progress);

	/**
	 * The baseline way: one network per replica, trained alone in its own graph, one after
	 * another, each with its own early stopping. Replica {@code r} starts from the same weights as
	 * in {@link #train(ReplicaData, ReplicaTrainingSettings, Progress)}, so both ways give the same
	 * networks (up to float rounding, and to the epoch each stops at); only the time differs.
	 */
	ReplicaTrainingReport trainOneAtATime(ReplicaData data, ReplicaTrainingSettings settings, Progress progress);

	/**
	 * Every replica's output at the same points, with the kept weights.
	 *
	 * @param points {@code M} rows of {@link MlpShape#inputs()} finite values (scaled as in training)
	 * @return {@code [R][M]} outputs
	 * @throws IllegalStateException before any training or {@link #setWeights}
	 * @throws BadInputException if a row has the wrong length or a non-finite value
	 */
	float[][] predict(float[][] points);

	/** The kept weights (each replica's best-validation weights after training). */
	ReplicaWeights weights();

	/**
	 * Replaces the weights {@link #predict} and {@link #exportSavedModel} use (e.g. weights saved
	 * from an earlier training).
	 *
	 * @throws BadInputException if their shape is not this trainer's
	 */
	void setWeights(ReplicaWeights newWeights);

	/**
	 * Writes the kept weights as a TensorFlow SavedModel for {@link SavedModelRunner}, bioimage.io
	 * and DeepImageJ: tag {@code serve}, signature {@code serving_default} with input
	 * {@code "input"} of shape {@code [M, inputs]} and output {@code "output"} of shape {@code [R, M]}.
	 *
	 * @param dir new or empty folder
	 * @throws BadInputException if {@code dir} is a file or already holds a SavedModel
	 * @throws IOException if the files cannot be written
	 */
	void exportSavedModel(Path dir) throws IOException;

	/** Releases the prediction session; the weights stay readable. Idempotent. */
	void close();
}
