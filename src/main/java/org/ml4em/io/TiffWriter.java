package org.ml4em.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import org.ml4em.BadInputException;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Writes an image as an uncompressed little-endian TIFF that ImageJ opens as a stack with its
 * calibration, and that any other TIFF reader opens as a multi-page file.
 * <pre>{@code
 * TiffWriter.write(img, Path.of("out.tif"), TiffWriter.PixelType.FLOAT32,
 *     new PixelCalibration(0.5, 0.5, "nm"), false);
 * }</pre>
 * Axis order of the input: x, y and optionally a third axis whose slices become the pages
 * (ImageJ slices). The file carries an ImageJ ImageDescription ("ImageJ=1.54p", "images=",
 * "slices=", "unit=") and, when a calibration is given, XResolution/YResolution (pixels per
 * unit) with ResolutionUnit inch, cm or none. The file appears atomically: a failed write leaves
 * no partial file behind and the old file, if any, unchanged. Stateless and thread-safe, as long
 * as nobody modifies the image while it is being written.
 */
public final class TiffWriter {

	/** The stored sample type; values outside its range are clamped, NaN becomes 0 for integers. */
	public enum PixelType {
		/** Unsigned 8-bit integers, 0..255, rounded to nearest. */
		UINT8(8, 1, 0, 255),
		/** Unsigned 16-bit integers, 0..65535, rounded to nearest. */
		UINT16(16, 1, 0, 65535),
		/** 32-bit IEEE floats, values stored as {@code (float)} of the input. */
		FLOAT32(32, 3, -Float.MAX_VALUE, Float.MAX_VALUE);

		final int bits;
		final int sampleFormat;
		final double min;
		final double max;

		PixelType(int bits, int sampleFormat, double min, double max) {
			this.bits = bits;
			this.sampleFormat = sampleFormat;
			this.min = min;
			this.max = max;
		}

		int bytes() {
			return bits / 8;
		}
	}

	/** ImageJ reads the description only when it starts with "ImageJ=" and a version. */
	static final String IMAGEJ_VERSION = "1.54p";
	private static final long MAX_FILE_BYTES = 0xFFFF_FFFFL;
	private static final int BASE_TAGS = 11;
	private static final int SHORT = 3;
	private static final int LONG = 4;
	private static final int ASCII = 2;
	private static final int RATIONAL = 5;

	private TiffWriter() {}

	/**
	 * Writes {@code img} to {@code file}.
	 *
	 * @param img the image, axes [x, y] or [x, y, plane]; its minimum may be anywhere
	 * @param file the TIFF file to create or replace; its folder must exist
	 * @param type the stored sample type
	 * @param calibrationOrNull the pixel size and unit, or null for none
	 * @param overwrite whether an existing file may be replaced
	 * @throws BadInputException when the image is not 2-D or 3-D, is larger than the 4 GiB a
	 *         classic TIFF can hold, or the pixel size cannot be stored as a TIFF resolution
	 * @throws IOException when the file exists and {@code overwrite} is false, or writing fails;
	 *         the message names the file
	 */
	public static void write(RandomAccessibleInterval<? extends RealType<?>> img, Path file, PixelType type,
		PixelCalibration calibrationOrNull, boolean overwrite) throws IOException
	{
		Objects.requireNonNull(img, "img");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(type, "type");
		TiffLayout layout = TiffLayout.of(img, type, calibrationOrNull, file);
		AtomicFileWriter.write(file, "TIFF", overwrite, out -> writeFile(out, img, layout));
	}

	private static void writeFile(OutputStream out, RandomAccessibleInterval<? extends RealType<?>> img,
		TiffLayout layout) throws IOException
	{
		ByteBuffer header = le(8).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) layout.ifdStart(0));
		out.write(header.array());
		out.write(ifd(layout, 0).array());
		for (int page = 0; page < layout.planes; page++) {
			RandomAccessibleInterval<? extends RealType<?>> plane =
				img.numDimensions() == 2 ? img : Views.hyperSlice(img, 2, img.min(2) + page);
			writePixels(out, plane, layout);
		}
		if (layout.planes > 1 && layout.dataEnd() % 2 != 0) out.write(0); // IFDs start on a word boundary
		for (int page = 1; page < layout.planes; page++) out.write(ifd(layout, page).array());
	}

	/** The IFD of one page followed by the values it points to (description, resolutions). */
	private static ByteBuffer ifd(TiffLayout layout, int page) {
		long start = layout.ifdStart(page);
		int entries = layout.entryCount(page);
		long extras = start + 2 + 12L * entries + 4;
		boolean first = page == 0;
		long xres = extras + (first ? layout.descriptionBytes() : 0);
		long data = layout.dataStart(page);
		ByteBuffer b = le((int) layout.ifdBlockBytes(page));
		b.putShort((short) entries);
		entry(b, 254, LONG, 1, 0);
		entry(b, 256, LONG, 1, layout.width);
		entry(b, 257, LONG, 1, layout.height);
		entry(b, 258, SHORT, 1, layout.type.bits);
		entry(b, 259, SHORT, 1, TiffCodecs.NONE);
		entry(b, 262, SHORT, 1, 1); // BlackIsZero
		if (first) entry(b, 270, ASCII, layout.description.length + 1L, extras);
		entry(b, 273, LONG, 1, data);
		entry(b, 277, SHORT, 1, 1);
		entry(b, 278, LONG, 1, layout.height);
		entry(b, 279, LONG, 1, layout.dataBytes());
		if (layout.calibrated()) {
			entry(b, 282, RATIONAL, 1, xres);
			entry(b, 283, RATIONAL, 1, xres + 8);
			entry(b, 296, SHORT, 1, layout.resolutionUnit);
		}
		entry(b, 339, SHORT, 1, layout.type.sampleFormat);
		b.putInt((int) (page + 1 < layout.planes ? layout.ifdStart(page + 1) : 0));
		if (first) b.put(layout.description).put(new byte[layout.descriptionBytes() - layout.description.length]);
		if (layout.calibrated()) {
			b.putInt((int) layout.xres[0]).putInt((int) layout.xres[1]);
			b.putInt((int) layout.yres[0]).putInt((int) layout.yres[1]);
		}
		return b;
	}

	private static void entry(ByteBuffer b, int tag, int type, long count, long value) {
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == SHORT) {
			b.putShort((short) value).putShort((short) 0);
		} else {
			b.putInt((int) value);
		}
	}

	private static <T extends RealType<?>> void writePixels(OutputStream out, RandomAccessibleInterval<T> plane,
		TiffLayout layout) throws IOException
	{
		PixelType type = layout.type;
		ByteBuffer row = le(layout.width * type.bytes());
		Cursor<T> cursor = Views.flatIterable(plane).cursor();
		for (int y = 0; y < layout.height; y++) {
			row.clear();
			for (int x = 0; x < layout.width; x++) {
				double v = cursor.next().getRealDouble();
				switch (type) {
					case UINT8 -> row.put((byte) toInteger(v, type));
					case UINT16 -> row.putShort((short) toInteger(v, type));
					default -> row.putFloat(toFloat(v));
				}
			}
			out.write(row.array());
		}
	}

	private static long toInteger(double v, PixelType type) {
		if (Double.isNaN(v)) return 0;
		return Math.round(Math.max(type.min, Math.min(type.max, v)));
	}

	private static float toFloat(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) return (float) v;
		return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, v));
	}

	private static ByteBuffer le(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Where everything goes in the file, ImageJ's way: header, first IFD with the description,
	 * the pixels of all planes back to back (one strip per plane), then the other IFDs, so the
	 * file can be streamed front to back.
	 */
	static final class TiffLayout {

		final int width;
		final int height;
		final int planes;
		final PixelType type;
		final byte[] description;
		final long[] xres;
		final long[] yres;
		final int resolutionUnit;

		private TiffLayout(int width, int height, int planes, PixelType type, byte[] description, long[] xres,
			long[] yres, int resolutionUnit)
		{
			this.width = width;
			this.height = height;
			this.planes = planes;
			this.type = type;
			this.description = description;
			this.xres = xres;
			this.yres = yres;
			this.resolutionUnit = resolutionUnit;
		}

		static TiffLayout of(RandomAccessibleInterval<?> img, PixelType type, PixelCalibration cal, Path file) {
			int n = img.numDimensions();
			if (n != 2 && n != 3) {
				throw new BadInputException("Cannot write '" + file + "': the image is " + n
					+ "-D but a TIFF stack must be 2-D [x, y] or 3-D [x, y, plane].");
			}
			long planes = n == 3 ? img.dimension(2) : 1;
			double planeBytes = (double) img.dimension(0) * img.dimension(1) * type.bytes();
			if (img.dimension(0) < 1 || img.dimension(1) < 1 || planes < 1) {
				throw new BadInputException("Cannot write '" + file + "': the image is empty ("
					+ img.dimension(0) + " x " + img.dimension(1) + " x " + planes + "); expected at least one pixel.");
			}
			// Each IFD needs well under 1 KiB; each plane is one strip, which readers (this one
			// included) hold in a single array.
			if (planeBytes > Integer.MAX_VALUE - 8 || (planeBytes + 1024) * planes > MAX_FILE_BYTES) {
				throw new BadInputException("Cannot write '" + file + "': " + img.dimension(0) + " x "
					+ img.dimension(1) + " x " + planes + " " + type + " pixels exceed the 4 GiB of a classic TIFF; "
					+ "write fewer planes or a smaller type.");
			}
			boolean calibrated = cal != null && !cal.equals(PixelCalibration.UNCALIBRATED);
			byte[] description = TiffCalibration.description(planes, calibrated ? cal.unit() : null);
			long[] xres = calibrated ? TiffCalibration.resolution(cal.pixelWidth(), cal.unit(), file) : null;
			long[] yres = calibrated ? TiffCalibration.resolution(cal.pixelHeight(), cal.unit(), file) : null;
			int unit = calibrated ? TiffCalibration.resolutionUnit(cal.unit()) : 1;
			return new TiffLayout((int) img.dimension(0), (int) img.dimension(1), (int) planes, type, description,
				xres, yres, unit);
		}

		boolean calibrated() {
			return xres != null;
		}

		int entryCount(int page) {
			return BASE_TAGS + (page == 0 ? 1 : 0) + (calibrated() ? 3 : 0);
		}

		/** The description with its NUL, padded to an even length. */
		int descriptionBytes() {
			return (description.length + 2) & ~1;
		}

		long dataBytes() {
			return (long) width * height * type.bytes();
		}

		/** The first IFD follows the header; the others follow all pixel data, as in ImageJ's files. */
		long ifdStart(int page) {
			return page == 0 ? 8 : ((dataEnd() + 1) & ~1L) + (page - 1L) * ifdBlockBytes(1);
		}

		/**
		 * ImageJ reads the planes of a file whose description says "images=N" as one contiguous
		 * block after the first plane's offset, ignoring the other IFDs, so the planes must be
		 * adjacent.
		 */
		long dataStart(int page) {
			return 8 + ifdBlockBytes(0) + page * dataBytes();
		}

		long dataEnd() {
			return dataStart(planes);
		}

		/** An IFD and the values it points to. */
		long ifdBlockBytes(int page) {
			return 2 + 12L * entryCount(page) + 4 + (page == 0 ? descriptionBytes() : 0) + (calibrated() ? 16 : 0);
		}
	}
}
