package org.ml4em.eels;

/**
 * An ensemble of zero-loss-peak networks ready to predict: the replicas just trained
 * ({@code trainer::predict} of a {@link org.ml4em.tf.ReplicaEnsembleTrainer}) or a saved model
 * loaded again ({@link SavedZlpModel}).
 */
@FunctionalInterface
public interface ZlpPredictor {

	/**
	 * Every replica's ln I_ZLP at the given points.
	 *
	 * @param points {@code M} rows (ΔE, ln I_total), scaled by the model's {@link ZlpInputScaling}
	 * @return {@code [replica][point]} ln counts, for every replica of the model (kept or not)
	 */
	float[][] predict(float[][] points);
}
