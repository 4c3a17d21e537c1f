package org.ml4em.eels;

/**
 * The band gap of every pixel of a spectrum image ({@link ZlpPixelAnalysis#bandGapMap}). Maps are
 * {@code float[width·height]}, x fastest ({@code [x + y·width]}), in eV, NaN where there is no
 * band gap; the arrays are shared, do not modify them.
 *
 * @param width pixels along x
 * @param height pixels along y
 * @param eg median Eg of the pixel's replica fits
 * @param egLow 16th percentile (lower end of the 68 % interval)
 * @param egHigh 84th percentile (upper end)
 * @param replicasPerPixel replicas fitted per pixel
 * @param fitted pixels with a band gap
 * @param failed pixels whose fits failed (fewer than half the replicas gave a reliable Eg)
 * @param noClassGap pixels of a class whose own band gap could not be fitted (no window to fit in)
 * @param outsideModel pixels without a thickness class, without counts, or with a ln I_total
 *     outside the model's range
 * @param seconds wall-clock time taken
 */
public record ZlpPixelMaps(int width, int height, float[] eg, float[] egLow, float[] egHigh, int replicasPerPixel, int fitted, int failed, int noClassGap,
	int outsideModel, double seconds)
{

	/** {@return the pixels without a band gap, for whatever reason} */
	public int missing() {
		return failed + noClassGap + outsideModel;
	}
}
