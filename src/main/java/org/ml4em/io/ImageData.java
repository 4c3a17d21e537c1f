package org.ml4em.io;

import java.util.Objects;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/**
 * An image read from a file, converted to float, with its calibration and how it was stored.
 * <p>
 * Axis order of {@link #image()}: x, y, then — only when the file holds more than one plane —
 * a third axis that enumerates planes: pages in file order, and within a page its channels
 * (samples per pixel) in order. A single plane gives a 2-D image. The record itself is
 * immutable, but the {@link Img} it holds is an ordinary mutable image owned by the caller;
 * each read returns a fresh one.
 *
 * @param image the pixels as {@code float}, dimensions {@code [x, y]} or {@code [x, y, plane]}
 * @param pixelWidth size of a pixel along x, in {@code unit} (1.0 when the file says nothing)
 * @param pixelHeight size of a pixel along y, in {@code unit} (1.0 when the file says nothing)
 * @param unit the length unit of the pixel sizes, "pixel" when the file says nothing
 * @param description the file's own description text (for TIFF the ImageDescription), "" if none
 * @param bitsPerSample bits of each stored sample before conversion (8, 16, 32 or 64)
 * @param sampleType the stored sample type: "uint8", "int16", "float32"…
 */
public record ImageData(Img<FloatType> image, double pixelWidth, double pixelHeight, String unit,
	String description, int bitsPerSample, String sampleType)
{

	/**
	 * Checks that nothing is missing.
	 *
	 * @param image the pixels, axes [x, y] or [x, y, plane]
	 * @param pixelWidth size of a pixel along x, in {@code unit}
	 * @param pixelHeight size of a pixel along y, in {@code unit}
	 * @param unit the length unit
	 * @param description the file's description text, "" if none
	 * @param bitsPerSample bits of each stored sample
	 * @param sampleType the stored sample type, e.g. "uint16"
	 */
	public ImageData {
		Objects.requireNonNull(image, "image");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(sampleType, "sampleType");
	}

	/** {@return the image width in pixels, the extent of axis 0} */
	public int width() {
		return (int) image.dimension(0);
	}

	/** {@return the image height in pixels, the extent of axis 1} */
	public int height() {
		return (int) image.dimension(1);
	}

	/** {@return the number of planes: 1 for a 2-D image, else the extent of axis 2} */
	public int planes() {
		return image.numDimensions() > 2 ? (int) image.dimension(2) : 1;
	}

	/** {@return the pixel size and unit as one value} */
	public PixelCalibration calibration() {
		return new PixelCalibration(pixelWidth, pixelHeight, unit);
	}
}
