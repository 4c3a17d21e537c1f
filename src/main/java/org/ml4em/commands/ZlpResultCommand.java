package org.ml4em.commands;

import java.util.List;
import java.util.Map;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.PixelCalibration;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The outputs that EELS Zero-Loss Subtraction and Apply ZLP Model share: the band-gap table, the
 * thinnest class's spectra plot, on request the band-gap map, the result files of a headless run
 * ({@link ZlpOutputs}) and the summary; the map carries the input's pixel size and slice names.
 */
public abstract class ZlpResultCommand extends SpectrumFileCommand implements CalibratedOutputs {

	@Parameter(label = "Band gaps", type = ItemIO.OUTPUT)
	private ResultTable bandgap;

	@Parameter(label = "Spectra of the thinnest class", type = ItemIO.OUTPUT)
	private SpectrumPlot plot;

	@Parameter(label = "Band-gap map (eV): eg, eg_low, eg_high", type = ItemIO.OUTPUT)
	private Img<FloatType> bandgap_map;

	@Parameter(label = "Result files", type = ItemIO.OUTPUT)
	private ResultFiles files;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	private PixelCalibration pixelSize;

	/** @param pixel the input's pixel size, given to the band-gap map */
	protected void setPixelSize(PixelCalibration pixel) {
		this.pixelSize = pixel;
	}

	/**
	 * Sets the outputs.
	 *
	 * @param table the band-gap table
	 * @param out the class files ({@link ZlpOutputs#classFiles}) and any others; the per-pixel files are added
	 * @param text the summary so far; the per-pixel sentence is appended
	 * @param pixels the per-pixel results, or null when not asked for
	 * @param acquisition the input's acquisition settings, kept in the per-pixel spectra
	 */
	protected void publish(ResultTable table, Map<String, Object> out, String text, ZlpOutputs.PixelResults pixels, AcquisitionInfo acquisition) {
		bandgap = table;
		plot = (SpectrumPlot) out.get("spectra_cluster0.png");
		summary = text;
		if (pixels != null) {
			bandgap_map = ZlpOutputs.mapImage(pixels.maps());
			summary += " " + ZlpOutputs.addPixelFiles(out, pixels, bandgap_map, pixelSize, acquisition);
		}
		files = new ResultFiles(out);
	}

	/** @param sentence appended to the summary */
	protected void appendSummary(String sentence) {
		summary += sentence;
	}

	@Override
	public PixelCalibration calibration(String outputName) {
		return pixelSize;
	}

	@Override
	public List<String> sliceLabels(String outputName) {
		return "bandgap_map".equals(outputName) ? ZlpOutputs.MAP_SLICES : List.of();
	}

	/** {@return the band gap of each class: cluster, eg, eg_low, eg_high, exponent, replicas_kept} */
	public ResultTable getBandgap() {
		return bandgap;
	}

	/** {@return the per-pixel band gap (x, y, slice: eg, eg_low, eg_high; eV), or null unless per_pixel was asked for} */
	public Img<FloatType> getBandgapMap() {
		return bandgap_map;
	}

	/** {@return what a headless run writes into its output folder} */
	public ResultFiles getFiles() {
		return files;
	}

	/** {@return one paragraph for the log: replicas, device, band gaps} */
	public String getSummary() {
		return summary;
	}
}
