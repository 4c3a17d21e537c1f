package org.ml4em.eels;

import java.nio.file.Path;

import org.ml4em.BadInputException;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

/**
 * A replica ensemble written by {@link ZlpModelExport} and loaded again as a TensorFlow SavedModel:
 * input {@code [M, 2 + conditions]} (ΔE, ln I_total, acquisition settings…, scaled), output {@code [R, M]} ln I_ZLP of every replica.
 * Applying the very files that DeepImageJ and Python users get keeps one source of truth for the
 * weights. Close it when done; {@link #predict} may be called from several threads.
 *
 * <pre>
 * try (SavedZlpModel saved = SavedZlpModel.load(Path.of("zlp/zlp_model"), DeviceChoice.AUTO)) {
 *     float[][] lnZlp = saved.predict(scaling.inputs(energies, logIntensity));
 * }
 * </pre>
 */
public final class SavedZlpModel implements ZlpPredictor, AutoCloseable {

	private final SavedModelRunner runner;

	private SavedZlpModel(SavedModelRunner runner) {
		this.runner = runner;
	}

	/**
	 * Loads the SavedModel.
	 *
	 * @param dir the folder holding {@code saved_model.pb}
	 * @param device where to predict
	 * @return the model
	 * @throws BadInputException when the folder holds no loadable SavedModel or {@code gpu} is not usable
	 */
	public static SavedZlpModel load(Path dir, DeviceChoice device) {
		return new SavedZlpModel(SavedModelRunner.load(dir, TensorFlowDevices.resolve(device)));
	}

	/** {@return the device that predicts} */
	public ComputeDevice device() {
		return runner.device();
	}

	@Override
	public float[][] predict(float[][] points) {
		int m = points.length, width = m == 0 ? 2 : points[0].length;
		float[] flat = new float[width * m];
		for (int i = 0; i < m; i++)
			System.arraycopy(points[i], 0, flat, width * i, width);
		SavedModelRunner.Output out = runner.runWithShape(flat, m, width);
		if (out.shape().length != 2 || out.shape()[1] != m)
			throw new BadInputException("The saved ZLP model answered " + m + " points with an output of shape " + java.util.Arrays.toString(out.shape())
				+ "; expected [replicas, " + m + "] — it is not a model written by EELS Zero-Loss Subtraction.");
		int r = (int) out.shape()[0];
		float[][] lnZlp = new float[r][m];
		for (int i = 0; i < r; i++)
			System.arraycopy(out.values(), i * m, lnZlp[i], 0, m);
		return lnZlp;
	}

	@Override
	public void close() {
		runner.close();
	}
}
