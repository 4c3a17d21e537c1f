package org.ml4em.scan;

import java.util.Locale;
import java.util.Objects;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.TileGrid;
import org.ml4em.tf.TiledProcessor;

import net.imglib2.img.array.ArrayImgs;

/**
 * Completes a partial scan by one of three methods: the trained network ({@link ScanCompleterModel},
 * run tile by tile), harmonic inpainting, or normalised convolution. Whatever the method, measured
 * pixels come out exactly as measured and the result has the image's size.
 * <p>
 * The network works in the {@link IntensityRange} of the measured pixels, on a
 * {@link CompletionInput}; tiles stay inside the image (the network learned patch edges, not
 * mirrored context) and are no larger than the image's shorter side. Very sparse spiral and line
 * scans are completed at half resolution ({@link #HALF_RESOLUTION_GAP}).
 */
public final class ScanCompleter {

	/** Tiles of this side by default: a 512² image is one tile. */
	public static final int DEFAULT_TILE_SIZE = 512;

	/**
	 * Mean gap, pixels, from which the network runs at half resolution. Trained on 128-pixel
	 * patches, it has seen few scans whose arms lie more than 60 pixels apart and completes them
	 * little better than harmonic inpainting; halved, such a scan has arms 30 or more pixels apart,
	 * which it completes well. The coarse completion is interpolated back and the detail it missed
	 * along the path is spread by harmonic inpainting. Chosen on simulated scenes (8 at 512², spiral
	 * 1/20 … 1/100): half resolution lost PSNR at 1/20 … 1/33, broke even at 1/40 … 1/50 (mean gap
	 * 10 … 13 pixels) and won at 1/70 and 1/100 (gaps 18 and 27); on random points, whose gaps stay
	 * small, it lost.
	 */
	public static final double HALF_RESOLUTION_GAP = 15;

	/** How to fill the unmeasured pixels. */
	public enum Method {
		/** The trained generator network. */
		NETWORK,
		/** Harmonic (Laplace) inpainting by conjugate gradients. */
		HARMONIC,
		/** Normalised convolution with σ = 1 / √(measured coverage). */
		NORMCONV;

		/** {@return the method a {@code method=} parameter names} @throws BadInputException for an unknown name */
		public static Method parse(String name) {
			for (Method m : values())
				if (m.name().equalsIgnoreCase(name)) return m;
			throw new BadInputException("method='" + name + "' is not known; use network, harmonic or normconv.");
		}

		/** {@return the name as users write it} */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private ScanCompleter() {}

	/**
	 * Completes with a classical method.
	 *
	 * @param image the sparse image, row by row; only measured pixels are read; not modified
	 * @param method {@link Method#HARMONIC} or {@link Method#NORMCONV}
	 */
	public static float[] classical(float[] image, ScanMask mask, Method method, Progress progress) {
		return switch (method) {
			case HARMONIC -> new HarmonicInpainting(HarmonicInpainting.DEFAULT_ITERATIONS).complete(image, mask, progress).image();
			case NORMCONV -> new NormalizedConvolution(NormalizedConvolution.sigmaFor(mask.measuredCoverage())).complete(image, mask, progress);
			case NETWORK -> throw new IllegalArgumentException("the network needs a model: use network()");
		};
	}

	/**
	 * Completes with the network, at half resolution when {@link #runsAtHalfResolution} says so.
	 *
	 * @param image the sparse image, row by row; only measured pixels are read; not modified
	 * @param model the trained generator
	 * @param tileSize tile side to try first, pixels
	 * @param progress status, fraction and cancel (between tiles)
	 */
	public static float[] network(float[] image, ScanMask mask, ScanCompleterModel model, int tileSize, Progress progress) {
		Objects.requireNonNull(model, "model");
		ScanImages.check(image, mask);
		int w = mask.width(), h = mask.height(), n = w * h;
		if (Math.min(w, h) < model.sizeMultiple()) throw new BadInputException("The image is " + w + " x " + h + " pixels; the network needs at least "
			+ model.sizeMultiple() + " pixels along each side.");
		if (!runsAtHalfResolution(mask, model)) return networkAtFullResolution(image, mask, model, tileSize, progress);
		HalfResolution.Sparse half = HalfResolution.halve(image, mask);
		double[] coarse = HalfResolution.doubled(networkAtFullResolution(half.image(), half.mask(), model, tileSize, progress), w, h);
		// Detail along the path that the coarse completion smoothed away, spread into the gaps as harmonic inpainting spreads it.
		float[] missed = new float[n];
		for (int i = 0; i < n; i++)
			if (mask.sampled()[i]) missed[i] = (float) (image[i] - coarse[i]);
		float[] spread = classical(missed, mask, Method.HARMONIC, progress);
		float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = mask.sampled()[i] ? image[i] : (float) (coarse[i] + spread[i]);
		return out;
	}

	/**
	 * {@return whether the network completes this scan at half resolution}: when the
	 * {@linkplain ScanMask#meanGap mean gap} is at least {@value #HALF_RESOLUTION_GAP} pixels
	 * (spiral or line scans sparser than about 1/60) and the halved image is still large enough.
	 */
	public static boolean runsAtHalfResolution(ScanMask mask, ScanCompleterModel model) {
		return Math.min(mask.width(), mask.height()) / 2 >= Math.max(2, model.sizeMultiple()) && mask.meanGap() >= HALF_RESOLUTION_GAP;
	}

	/** The network on the image as it is; measured pixels kept. */
	static float[] networkAtFullResolution(float[] image, ScanMask mask, ScanCompleterModel model, int tileSize, Progress progress) {
		int w = mask.width(), h = mask.height(), n = w * h;
		IntensityRange range = IntensityRange.ofMeasured(image, mask);
		float[] interleaved = CompletionInput.of(range.normalise(image), mask, progress);
		// (x, y, channel) planes, as the tiler reads a multi-channel input
		float[] planes = new float[CompletionInput.CHANNELS * n];
		for (int i = 0; i < n; i++)
			for (int c = 0; c < CompletionInput.CHANNELS; c++)
				planes[c * n + i] = interleaved[CompletionInput.CHANNELS * i + c];
		float[] out = new float[n];
		int m = model.sizeMultiple();
		int least = (TileGrid.minimumTileSize(model.overlap()) + m - 1) / m * m;
		int tile = Math.max(least, Math.min((tileSize + m - 1) / m * m, Math.min(w, h) / m * m));
		new TiledProcessor(true).process(ArrayImgs.floats(planes, w, h, CompletionInput.CHANNELS), ArrayImgs.floats(out, w, h), model.network(), tile,
			model.overlap(), progress);
		range.restore(out);
		for (int i = 0; i < n; i++)
			if (mask.sampled()[i]) out[i] = image[i];
		return out;
	}
}
