package org.ml4em.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.ThicknessResult;
import org.ml4em.eels.ZlpClassResult;
import org.ml4em.eels.ZlpInput;
import org.ml4em.eels.ZlpModel;
import org.ml4em.eels.ZlpPixelAnalysis;
import org.ml4em.eels.ZlpPixelMaps;
import org.ml4em.eels.ZlpPixelSpectra;
import org.ml4em.eels.ZlpPredictor;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;
import org.ml4em.io.EmSignal;
import org.ml4em.io.FloatValues;
import org.ml4em.io.PixelCalibration;
import org.ml4em.io.hspy.HyperSpyWriter;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The files EELS Zero-Loss Subtraction and Apply ZLP Model both write: {@code spectra_cluster<N>.csv}
 * and {@code .png} per class, {@code bandgap.csv}, and on request {@value #BANDGAP_MAP}, a float
 * stack of three slices ({@link #MAP_SLICES}: Eg, lower and upper end of its 68 % interval, eV,
 * NaN where there is none) with the input's pixel size.
 */
final class ZlpOutputs {

	/** File name of the per-pixel band-gap map. */
	static final String BANDGAP_MAP = "bandgap_map.tif";

	/** The slices of the band-gap map, in order. */
	/** The folder of per-pixel spectra. */
	static final String PIXEL_SPECTRA = "pixel_spectra";

	static final List<String> MAP_SLICES = List.of("eg", "eg_low", "eg_high");

	private ZlpOutputs() {}

	/** {@return the per-class files, then bandgap.csv} @param inputName for plot titles @param classes per class @param bandgap the table */
	static Map<String, Object> classFiles(String inputName, List<ZlpClassResult> classes, ResultTable bandgap) {
		return classFiles(List.of(inputName), classes, bandgap);
	}

	/**
	 * The class files of spectra from several input files: each plot is titled with its class's file.
	 *
	 * @param inputNames the input files' names, the main input first
	 * @param classes the classes' results
	 * @param bandgap the band-gap table
	 * @return file name → table or plot, in writing order
	 */
	static Map<String, Object> classFiles(List<String> inputNames, List<ZlpClassResult> classes, ResultTable bandgap) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (ZlpClassResult c : classes) {
			out.put("spectra_cluster" + c.label() + ".csv", ZlpTables.spectra(c));
			out.put("spectra_cluster" + c.label() + ".png", ZlpTables.plot(inputNames.get(c.source()), c));
		}
		out.put("bandgap.csv", bandgap);
		return out;
	}

	/**
	 * The per-pixel band-gap maps ({@link ZlpPixelAnalysis}).
	 *
	 * @param networks the ensemble
	 * @param model its scaling, kept replicas and range
	 * @param thickness the clustered spectrum image and its acquisition setting
	 * @param classes the classes' results (their windows)
	 * @param gap gap type and window
	 * @param threads CPU threads
	 * @param seed seed of the redrawn counts
	 * @param progress status, fraction, cancel
	 * @return the maps
	 */
	static ZlpPixelMaps pixelMaps(ZlpPredictor networks, ZlpModel model, ZlpInput thickness, List<ZlpClassResult> classes, BandGapSettings gap,
		int threads, long seed, Progress progress)
	{
		ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness.thickness(), thickness.setting(), progress);
		return pixels.bandGapMap(classes, gap, threads, seed, progress);
	}

	/**
	 * What per_pixel adds: the band-gap maps and every pixel's ZLP and inelastic bands.
	 *
	 * @param maps Eg and its interval per pixel
	 * @param spectra ZLP and inelastic median and band per pixel
	 */
	record PixelResults(ZlpPixelMaps maps, ZlpPixelSpectra spectra) {}

	/**
	 * The per-pixel results ({@link ZlpPixelAnalysis}): band-gap maps, then the spectra.
	 *
	 * @param networks the ensemble
	 * @param model its scaling, kept replicas and range
	 * @param thickness the clustered spectrum image and its acquisition setting
	 * @param classes the classes' results (their windows)
	 * @param gap gap type and window
	 * @param threads CPU threads
	 * @param seed seed of the redrawn counts
	 * @param progress status, fraction, cancel
	 * @return the maps and spectra
	 */
	static PixelResults pixelResults(ZlpPredictor networks, ZlpModel model, ZlpInput thickness, List<ZlpClassResult> classes, BandGapSettings gap,
		int threads, long seed, Progress progress)
	{
		ZlpPixelAnalysis pixels = ZlpPixelAnalysis.prepare(networks, model, thickness.thickness(), thickness.setting(), progress);
		ZlpPixelMaps maps = pixels.bandGapMap(classes, gap, threads, seed, new ProgressRange(progress, 0, 0.7));
		return new PixelResults(maps, pixels.spectra(threads, new ProgressRange(progress, 0.7, 1)));
	}

	/**
	 * {@return the folder {@value #PIXEL_SPECTRA}: one HyperSpy spectrum image per quantity
	 * ({@link ZlpPixelSpectra#NAMES}, e.g. {@code inelastic_median.hspy}), on the aligned energy axis}
	 *
	 * @param spectra the per-pixel spectra
	 * @param pixel pixel size, or null
	 * @param acquisition the input's acquisition settings, kept in the files
	 */
	static ResultFiles.Folder spectraFolder(ZlpPixelSpectra spectra, PixelCalibration pixel, AcquisitionInfo acquisition) {
		return dir -> {
			PixelCalibration p = pixel == null ? PixelCalibration.UNCALIBRATED : pixel;
			EnergyAxis e = spectra.energy();
			List<Axis> axes = List.of(new Axis("Energy loss", e.channels(), e.scale(), e.offset(), "eV", false),
				new Axis("x", spectra.width(), p.pixelWidth(), 0, p.unit(), true), new Axis("y", spectra.height(), p.pixelHeight(), 0, p.unit(), true));
			float[][] all = spectra.all();
			for (int k = 0; k < all.length; k++) {
				String name = ZlpPixelSpectra.NAMES[k];
				EmSignal signal = new EmSignal(name.replace('_', ' ') + " (ML4EM zero-loss subtraction)", "EELS", axes,
					new FloatValues(ElementType.FLOAT32, all[k]), acquisition, Map.of());
				HyperSpyWriter.write(signal, dir.resolve(name + ".hspy"), false);
			}
		};
	}

	/** {@return the maps as one (x, y, slice) float image, slices {@link #MAP_SLICES}} @param maps the maps */
	static Img<FloatType> mapImage(ZlpPixelMaps maps) {
		int n = maps.width() * maps.height();
		float[] all = new float[3 * n];
		System.arraycopy(maps.eg(), 0, all, 0, n);
		System.arraycopy(maps.egLow(), 0, all, n, n);
		System.arraycopy(maps.egHigh(), 0, all, 2 * n, n);
		return ArrayImgs.floats(all, maps.width(), maps.height(), 3);
	}

	/** {@return the map as a file of the result folder} @param image {@link #mapImage} @param pixel pixel size or null */
	static ResultFiles.Image mapFile(Img<FloatType> image, PixelCalibration pixel) {
		return new ResultFiles.Image(image, pixel, MAP_SLICES);
	}

	/**
	 * Adds the per-pixel files, {@value #BANDGAP_MAP} and {@value #PIXEL_SPECTRA}/, to a result map.
	 *
	 * @param out the result files so far
	 * @param pixels the per-pixel results
	 * @param mapImage the band-gap map as an image ({@link #mapImage})
	 * @param pixelSize pixel size of the input, or null
	 * @param acquisition the input's acquisition settings
	 * @return the sentence for the summary
	 */
	static String addPixelFiles(Map<String, Object> out, PixelResults pixels, Img<FloatType> mapImage, PixelCalibration pixelSize,
		AcquisitionInfo acquisition)
	{
		out.put(BANDGAP_MAP, mapFile(mapImage, pixelSize));
		out.put(PIXEL_SPECTRA, spectraFolder(pixels.spectra(), pixelSize, acquisition));
		return summary(pixels.maps()) + " Every pixel's ZLP and inelastic spectrum, median and 68 % band: " + PIXEL_SPECTRA + "/ ("
			+ String.join(", ", ZlpPixelSpectra.NAMES) + ", .hspy).";
	}

	/** {@return one sentence on the band-gap map} @param maps the maps */
	static String summary(ZlpPixelMaps maps) {
		return String.format(Locale.ROOT,
			"Band-gap map: %d of %d pixels fitted (%d replicas each, counts redrawn) in %.1f s; %d failed fits, %d in classes without a band gap, "
				+ "%d outside the model's intensity range or without a class (NaN in %s).",
			maps.fitted(), maps.width() * maps.height(), maps.replicasPerPixel(), maps.seconds(), maps.failed(), maps.noClassGap(), maps.outsideModel(),
			BANDGAP_MAP);
	}
}
