package org.ml4em.eels;

/**
 * What {@link ThicknessAnalysis} produces.
 *
 * @param maps t/λ, shift, I_ZLP, I_total and ε per pixel, with the window used and NaN counts
 * @param aligned the zero-loss-aligned spectrum image, a lazy view of the input
 * @param clusters thickness classes, or null when clustering was not asked for
 * @param clusterSpectra median and 16/84 % spectra of each class (aligned), or null without clustering
 */
public record ThicknessResult(ThicknessMaps maps, AlignedSpectrumImage aligned, ThicknessClusters clusters,
	ClusterSpectra clusterSpectra)
{
	/** {@return whether pixels were clustered} */
	public boolean hasClusters() {
		return clusters != null;
	}
}
