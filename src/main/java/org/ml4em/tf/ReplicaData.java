package org.ml4em.tf;

import java.util.Objects;

import org.ml4em.BadInputException;

/**
 * The training data of an ensemble of {@code R} networks: replica {@code r} is fitted to its own
 * {@code N} points (e.g. a Monte Carlo resample of the measurement).
 * <p>
 * Every replica has the same number of points {@code N}; a replica with fewer real points fills
 * the rest with padding, points whose training and validation weights are both 0 (their values
 * must still be finite). A point counts in the training χ² with weight {@code weightTrain} and in
 * the validation χ² with weight {@code weightValidation}; a 75/25 split uses weights 1/0 and 0/1.
 * Per replica: χ² = Σ w ((prediction − y) / σ)² / Σ w, the mean χ² per weighted point.
 * <p>
 * The constructor copies and checks everything; instances are immutable.
 *
 * <pre>
 * ReplicaData data = new ReplicaData(x, y, sigma, weightTrain, weightValidation);
 * ReplicaData third = data.replica(2); // replica 2 alone
 * </pre>
 */
public final class ReplicaData {

	private final int replicas;
	private final int points;
	private final int inputs;
	/** Row-major [R][N][inputs]. */
	private final float[] x;
	/** Row-major [R][N], like the three below. */
	private final float[] y;
	private final float[] sigma;
	private final float[] weightTrain;
	private final float[] weightValidation;

	/**
	 * @param x network inputs, {@code [R][N][inputs]}; every value finite
	 * @param y targets, {@code [R][N]}; finite
	 * @param sigma uncertainty of each target, {@code [R][N]}; finite, positive where a weight is positive
	 * @param weightTrain weight of each point in the training χ², {@code [R][N]}; ≥ 0, at least one
	 *            positive per replica
	 * @param weightValidation weight of each point in the validation χ², {@code [R][N]}; ≥ 0, at
	 *            least one positive per replica
	 * @throws BadInputException naming the first array, index and value that is wrong
	 */
	public ReplicaData(float[][][] x, float[][] y, float[][] sigma, float[][] weightTrain, float[][] weightValidation) {
		Objects.requireNonNull(x, "x");
		if (x.length == 0 || x[0] == null || x[0].length == 0 || x[0][0] == null || x[0][0].length == 0)
			throw new BadInputException("The training data are empty; expected x of shape [replicas][points][inputs] with all three at least 1.");
		replicas = x.length;
		points = x[0].length;
		inputs = x[0][0].length;
		this.x = flattenInputs(x);
		this.y = flatten(y, "y");
		this.sigma = flatten(sigma, "sigma");
		this.weightTrain = flatten(weightTrain, "weightTrain");
		this.weightValidation = flatten(weightValidation, "weightValidation");
		checkWeights();
	}

	private ReplicaData(int points, int inputs, float[] x, float[] y, float[] sigma, float[] weightTrain, float[] weightValidation) {
		this.replicas = y.length / points;
		this.points = points;
		this.inputs = inputs;
		this.x = x;
		this.y = y;
		this.sigma = sigma;
		this.weightTrain = weightTrain;
		this.weightValidation = weightValidation;
	}

	/** Number of replicas {@code R}. */
	public int replicas() {
		return replicas;
	}

	/** Points per replica {@code N}, padding included. */
	public int points() {
		return points;
	}

	/** Input features per point. */
	public int inputs() {
		return inputs;
	}

	/** Replica {@code r}'s data alone, as an ensemble of one. */
	public ReplicaData replica(int r) {
		return replicas(r, r + 1);
	}

	/** The data of replicas {@code from} (inclusive) to {@code to} (exclusive), as an ensemble. */
	public ReplicaData replicas(int from, int to) {
		Objects.checkFromToIndex(from, to, replicas);
		if (from == to) throw new IllegalArgumentException("An ensemble needs at least one replica: from = to = " + from);
		return new ReplicaData(points, inputs, slice(x, from, to, points * inputs), slice(y, from, to, points), slice(sigma, from, to, points),
			slice(weightTrain, from, to, points), slice(weightValidation, from, to, points));
	}

	// -- For the TensorFlow engine (org.ml4em.tf.engine): what the training graph is built from --

	/** Inputs, row-major {@code [R][N][inputs]}; live, do not modify. */
	public float[] inputArray() {
		return x;
	}

	/** Targets, row-major {@code [R][N]}; live, do not modify. */
	public float[] targetArray() {
		return y;
	}

	/**
	 * The factor of each squared residual in the training χ², {@code w / (σ² Σ w)} per point
	 * (0 for a point of weight 0), row-major {@code [R][N]}: folding σ and the normalisation into
	 * one array lets the graph compute χ² as one weighted sum.
	 */
	public float[] trainingCoefficients() {
		return coefficients(weightTrain);
	}

	/** Like {@link #trainingCoefficients()}, for the validation χ². */
	public float[] validationCoefficients() {
		return coefficients(weightValidation);
	}

	private float[] coefficients(float[] weights) {
		float[] c = new float[weights.length];
		for (int r = 0; r < replicas; r++) {
			double total = 0;
			for (int n = r * points; n < (r + 1) * points; n++)
				total += weights[n];
			for (int n = r * points; n < (r + 1) * points; n++)
				if (weights[n] > 0) c[n] = (float) (weights[n] / ((double) sigma[n] * sigma[n] * total));
		}
		return c;
	}

	// -- Checks --

	private float[] flattenInputs(float[][][] values) {
		float[] flat = new float[replicas * points * inputs];
		for (int r = 0; r < replicas; r++) {
			if (values[r] == null || values[r].length != points)
				throw new BadInputException("x[" + r + "] has " + length(values[r]) + " points, x[0] has " + points + "; every replica needs the same number of points (pad with weight 0).");
			for (int n = 0; n < points; n++) {
				float[] row = values[r][n];
				if (row == null || row.length != inputs)
					throw new BadInputException("x[" + r + "][" + n + "] has " + length(row) + " inputs, x[0][0] has " + inputs + "; every point needs the same inputs.");
				for (int i = 0; i < inputs; i++)
					flat[(r * points + n) * inputs + i] = finite(row[i], "x[" + r + "][" + n + "][" + i + "]");
			}
		}
		return flat;
	}

	private float[] flatten(float[][] values, String name) {
		Objects.requireNonNull(values, name);
		if (values.length != replicas) throw new BadInputException(name + " has " + values.length + " replicas, x has " + replicas + "; expected the same.");
		float[] flat = new float[replicas * points];
		for (int r = 0; r < replicas; r++) {
			if (values[r] == null || values[r].length != points)
				throw new BadInputException(name + "[" + r + "] has " + length(values[r]) + " points, x has " + points + " per replica; expected the same.");
			for (int n = 0; n < points; n++)
				flat[r * points + n] = finite(values[r][n], name + "[" + r + "][" + n + "]");
		}
		return flat;
	}

	private void checkWeights() {
		for (int r = 0; r < replicas; r++) {
			boolean anyTrain = false, anyValidation = false;
			for (int n = 0; n < points; n++) {
				int i = r * points + n;
				String at = "[" + r + "][" + n + "]";
				if (weightTrain[i] < 0) throw new BadInputException("weightTrain" + at + " is " + weightTrain[i] + "; weights must be 0 or positive.");
				if (weightValidation[i] < 0) throw new BadInputException("weightValidation" + at + " is " + weightValidation[i] + "; weights must be 0 or positive.");
				boolean weighted = weightTrain[i] > 0 || weightValidation[i] > 0;
				if (weighted && !(sigma[i] > 0)) throw new BadInputException("sigma" + at + " is " + sigma[i] + " at a weighted point; expected a positive uncertainty.");
				anyTrain |= weightTrain[i] > 0;
				anyValidation |= weightValidation[i] > 0;
			}
			if (!anyTrain) throw new BadInputException("Replica " + r + " has no training point (all weightTrain are 0); each replica needs at least one.");
			if (!anyValidation) throw new BadInputException("Replica " + r + " has no validation point (all weightValidation are 0); each replica needs at least one.");
		}
	}

	private static float finite(float value, String where) {
		if (!Float.isFinite(value)) throw new BadInputException(where + " is " + value + "; every value, padding included, must be finite.");
		return value;
	}

	private static String length(Object array) {
		if (array == null) return "no";
		return String.valueOf(java.lang.reflect.Array.getLength(array));
	}

	private static float[] slice(float[] values, int from, int to, int perReplica) {
		return java.util.Arrays.copyOfRange(values, from * perReplica, to * perReplica);
	}
}
