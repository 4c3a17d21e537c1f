package org.ml4em.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.eels.ThicknessAnalysis;
import org.ml4em.eels.ThicknessFeature;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ThicknessSettings;
import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmSignal;
import org.ml4em.io.PixelCalibration;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > EELS Thickness Map}: aligns the zero-loss peak of every spectrum of a
 * low-loss spectrum image, maps the relative thickness t/λ by the log-ratio method and, on request,
 * groups the pixels into thickness classes with their median spectra.
 * <p>
 * Headless: {@code ./ml4em --headless --run "EELS Thickness Map"
 * "input='si.dm4',clusters=3,output='thickness.tif'"} writes {@code thickness.tif} (t/λ),
 * {@code thickness_zlp_shift.tif}, {@code thickness_clusters.tif}, the cluster spectra and
 * statistics as CSV and their plot as PNG. The engine is {@link ThicknessAnalysis}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>EELS Thickness Map", label = "EELS Thickness Map", headless = true,
	description = "Zero-loss alignment, log-ratio thickness map t/λ and thickness clustering of a low-loss EELS spectrum image.")
public class EelsThicknessMapCommand extends SpectrumFileCommand implements CalibratedOutputs {

	/** Label of pixels without a thickness class in the {@code clusters} image. */
	public static final int UNLABELLED = org.ml4em.cluster.PixelClusterer.UNLABELLED;

	@Parameter(label = "Zero-loss window half-width (eV)", min = "0",
		description = "the ZLP is summed over [-w, +w] eV; 0 = automatic per pixel: up to the first minimum after the peak")
	private double zlp_window = 0;

	@Parameter(label = "Thickness clusters", description = "number of thickness classes, auto (chosen by BIC), or 0 for none")
	private String clusters = "0";

	@Parameter(label = "Cluster by", choices = { "log_intensity", "thickness" },
		description = "log_intensity: ln of the integrated counts (EELSfitter); thickness: t/λ")
	private String feature = "log_intensity";

	@Parameter(label = "Spectra per cluster for percentiles", min = "1", persist = false,
		description = "median and 16/84 % bands come from at most this many spectra per cluster (random sample)")
	private int max_spectra = ThicknessSettings.DEFAULT_MAX_SPECTRA_PER_CLUSTER;

	@Parameter(label = "Random seed", persist = false)
	private long seed = ThicknessSettings.DEFAULT_SEED;

	@Parameter(label = "Thickness t/λ", type = ItemIO.OUTPUT)
	private Img<FloatType> thickness;

	@Parameter(label = "ZLP shift (eV)", type = ItemIO.OUTPUT)
	private Img<FloatType> zlp_shift;

	// Named clusters_map because "clusters" is the input; headless it is written as <stem>_clusters.tif.
	@Parameter(label = "Thickness clusters", type = ItemIO.OUTPUT, attrs = @Attr(name = OutputFiles.SUFFIX, value = "clusters"))
	private Img<UnsignedShortType> clusters_map;

	@Parameter(label = "Cluster spectra", type = ItemIO.OUTPUT)
	private ResultTable cluster_spectra;

	@Parameter(label = "Cluster statistics", type = ItemIO.OUTPUT)
	private ResultTable cluster_statistics;

	@Parameter(label = "Cluster spectra plot", type = ItemIO.OUTPUT)
	private SpectrumPlot cluster_plot;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	private PixelCalibration pixelSize;

	@Override
	protected String analyse(Progress progress) throws IOException {
		ThicknessSettings settings = settings();
		try (EmFile file = openInput()) {
			EmSignal signal = file.signal();
			SpectrumImage image = SignalSpectra.of(signal);
			pixelSize = pixelSize(signal);
			ThicknessResult result = new ThicknessAnalysis(settings).run(image, progress);
			publish(result, image);
			summary = ThicknessSummary.of(inputName(), image, result);
			return summary;
		}
	}

	private ThicknessSettings settings() {
		ThicknessSettings s = ThicknessSettings.defaults().withClusters(parseClusters(clusters)).withFeature(ThicknessFeature.parse(feature))
			.withSeed(seed).withMaxSpectraPerCluster(max_spectra);
		if (!(zlp_window >= 0))
			throw new BadInputException("zlp_window=" + zlp_window + " is not allowed; expected a half-width in eV, or 0 for automatic.");
		s = zlp_window > 0 ? s.withZlpHalfWidth(zlp_window) : s.withAutomaticZlpWindow();
		s.check();
		return s;
	}

	/** "3" → 3 classes, "auto" → chosen by the criterion, "0", "none" or "" → no clustering. */
	static int parseClusters(String word) {
		String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
		if (w.isEmpty() || w.equals("0") || w.equals("none"))
			return ThicknessSettings.NO_CLUSTERING;
		if (w.equals("auto"))
			return ThicknessSettings.AUTO;
		try {
			int k = Integer.parseInt(w);
			if (k >= 1)
				return k;
		}
		catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new BadInputException("clusters='" + word + "' is not understood; expected a number of thickness classes (1, 2, …), auto, or 0 for none.");
	}

	private void publish(ThicknessResult result, SpectrumImage image) {
		var maps = result.maps();
		thickness = ArrayImgs.floats(maps.thickness().clone(), maps.width(), maps.height());
		zlp_shift = ArrayImgs.floats(maps.shift().clone(), maps.width(), maps.height());
		if (!result.hasClusters())
			return;
		int[] labels = result.clusters().labels();
		short[] values = new short[labels.length];
		for (int i = 0; i < labels.length; i++)
			values[i] = (short) (labels[i] < 0 ? UNLABELLED : labels[i]);
		clusters_map = ArrayImgs.unsignedShorts(values, maps.width(), maps.height());
		cluster_spectra = ClusterSpectraTable.spectra(result.clusterSpectra());
		cluster_statistics = ClusterSpectraTable.statistics(result.clusters(), result.clusterSpectra());
		cluster_plot = ClusterSpectraTable.plot(inputName(), result.clusters(), result.clusterSpectra());
	}

	/** The pixel size from the signal's spatial axes, or null when they are not calibrated. */
	static PixelCalibration pixelSize(EmSignal signal) {
		List<Axis> spatial = new ArrayList<>();
		for (int d = 0; d < signal.axes().size(); d++)
			if (d != signal.energyAxis())
				spatial.add(signal.axes().get(d));
		if (spatial.isEmpty() || spatial.get(0).units().isBlank())
			return null;
		Axis x = spatial.get(0), y = spatial.size() > 1 ? spatial.get(1) : x;
		if (!x.units().equals(y.units()) || !(x.scale() > 0) || !(y.scale() > 0))
			return null;
		return new PixelCalibration(x.scale(), y.scale(), x.units());
	}

	@Override
	public PixelCalibration calibration(String outputName) {
		return pixelSize;
	}

	// -- Outputs --

	/** t/λ per pixel (NaN where it could not be evaluated). */
	public Img<FloatType> getThickness() {
		return thickness;
	}

	/** Energy of each pixel's zero-loss maximum before alignment, eV. */
	public Img<FloatType> getZlpShift() {
		return zlp_shift;
	}

	/** Thickness class per pixel, 0 = thinnest; {@value #UNLABELLED} where not evaluated; null without clustering. */
	public Img<UnsignedShortType> getClustersMap() {
		return clusters_map;
	}

	/** Energy, then median, 16 % and 84 % of each class; null without clustering. */
	public ResultTable getClusterSpectra() {
		return cluster_spectra;
	}

	/** One row per thickness class; null without clustering. */
	public ResultTable getClusterStatistics() {
		return cluster_statistics;
	}

	/** The median spectra of the classes with their 16–84 % bands; null without clustering. */
	public SpectrumPlot getClusterPlot() {
		return cluster_plot;
	}

	/** One paragraph: sizes, ZLP window, t/λ range, shifts, clusters. */
	public String getSummary() {
		return summary;
	}

	// -- Setters for Java callers --

	/** Half-width of the zero-loss window in eV; 0 for the automatic per-pixel rule. */
	public void setZlpWindow(double halfWidth) {
		this.zlp_window = halfWidth;
	}

	/** A number of classes, "auto", or "0" for none. */
	public void setClusters(String clusters) {
		this.clusters = clusters;
	}

	public void setFeature(String feature) {
		this.feature = feature;
	}

	public void setMaxSpectra(int maxSpectra) {
		this.max_spectra = maxSpectra;
	}

	public void setSeed(long seed) {
		this.seed = seed;
	}
}
