package org.ml4em.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Reads baseline TIFF files, as written by ImageJ, tifffile, numpy/PIL or libtiff, into a float
 * image.
 * <pre>{@code
 * ImageData data = TiffReader.read(Path.of("scan.tif"));
 * Img<FloatType> pixels = data.image(); // [x, y] or [x, y, plane]
 * double nmPerPixel = data.pixelWidth(); // in data.unit()
 * }</pre>
 * Supported: little- and big-endian classic TIFF; one or many pages; strips or tiles; no
 * compression, LZW, Deflate (8 and 32946) and PackBits, with the horizontal predictor (and the
 * floating-point predictor for floats); unsigned and signed 8-, 16- and 32-bit integers and 32-
 * and 64-bit floats; several samples per pixel, chunky or planar, which become separate planes.
 * Reduced-resolution pages (thumbnails) are skipped. All remaining pages must share one size
 * and sample type. Not supported: BigTIFF, JPEG and other compressions, 1- and 4-bit images.
 * <p>
 * Every problem with the file — not a TIFF, truncated, corrupt offsets, an unsupported
 * feature, more pixels than memory or the file can hold — is reported as an
 * {@link IOException} whose message is one sentence naming the file, the problem and what was
 * expected. Stateless and thread-safe; each call opens, reads and closes its own file.
 */
public final class TiffReader {

	/** More pages than this is taken to be a corrupt IFD chain rather than a real stack. */
	static final int MAX_PAGES = 1_000_000;

	private static final int CLASSIC_MAGIC = 42;
	private static final int BIGTIFF_MAGIC = 43;

	private TiffReader() {}

	/**
	 * Reads every page of a TIFF file into one float image.
	 *
	 * @param file the TIFF file
	 * @return the pixels as float, axes [x, y] for a single plane or [x, y, plane] where planes
	 *         are pages in file order and, within a page, its samples (channels) in order; the
	 *         first page's calibration (from an ImageJ description's "unit=" and the
	 *         X/YResolution tags; 1.0 "pixel" when absent) and description
	 * @throws IOException when the file cannot be read or is not a TIFF this reader supports; the
	 *         message names the file, the problem and what was expected
	 */
	public static ImageData read(Path file) throws IOException {
		Objects.requireNonNull(file, "file");
		if (!Files.isRegularFile(file)) {
			throw new IOException("Cannot read TIFF file '" + file + "': it does not exist or is not a regular file.");
		}
		try (TiffSource source = TiffSource.open(file)) {
			List<TiffPage> pages = pagesToRead(source, readPages(source, readHeader(source)));
			for (TiffPage page : pages) checkChunks(source, page);
			int samplesPerPixel = pages.get(0).samplesPerPixel;
			float[] pixels = allocate(source, pages);
			for (int p = 0; p < pages.size(); p++) decodePage(source, pages.get(p), pixels, (long) p * samplesPerPixel);
			return imageData(pages.get(0), pixels, (long) pages.size() * samplesPerPixel);
		}
	}

	/** Checks byte order and version; returns the offset of the first IFD. */
	private static long readHeader(TiffSource source) throws IOException {
		if (source.size() < 8) {
			throw source.fail("the file is only " + source.size()
				+ " bytes long, too short for the 8-byte TIFF header; expected a TIFF image");
		}
		byte[] h = source.bytes(0, 8, "the header");
		if (h[0] == 'I' && h[1] == 'I') {
			source.setOrder(ByteOrder.LITTLE_ENDIAN);
		} else if (h[0] == 'M' && h[1] == 'M') {
			source.setOrder(ByteOrder.BIG_ENDIAN);
		} else {
			throw source.fail(String.format("it starts with bytes 0x%02x 0x%02x instead of \"II\" or \"MM\", "
				+ "so it is not a TIFF file", h[0] & 0xff, h[1] & 0xff));
		}
		ByteBuffer b = ByteBuffer.wrap(h).order(source.order());
		int magic = Short.toUnsignedInt(b.getShort(2));
		if (magic == BIGTIFF_MAGIC) throw source.fail("BigTIFF is not supported; save it as a classic TIFF (under 4 GiB)");
		if (magic != CLASSIC_MAGIC) {
			throw source.fail("its TIFF version number is " + magic + " instead of 42, so it is not a TIFF file");
		}
		long first = Integer.toUnsignedLong(b.getInt(4));
		if (first == 0) throw source.fail("it contains no image (the first IFD offset is 0)");
		return first;
	}

	/** Follows the IFD chain, refusing loops and absurd page counts. */
	private static List<TiffPage> readPages(TiffSource source, long firstOffset) throws IOException {
		List<TiffPage> pages = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (long offset = firstOffset; offset != 0;) {
			int number = pages.size() + 1;
			if (!seen.add(offset)) {
				throw source.fail("the IFD chain loops back to byte " + offset + " after page " + pages.size()
					+ "; the file is corrupt");
			}
			if (number > MAX_PAGES) throw source.fail("it has more than " + MAX_PAGES + " pages; the IFD chain is corrupt");
			if (!source.contains(offset, 2)) {
				throw source.fail("the IFD of page " + number + " is said to start at byte " + offset
					+ ", past the end of the file (" + source.size() + " bytes); the file is truncated or corrupt");
			}
			TiffIfd ifd = TiffIfd.read(source, offset, "page " + number + " (IFD at byte " + offset + ")");
			pages.add(TiffPage.parse(source, ifd));
			offset = ifd.nextOffset();
		}
		return pages;
	}

	/** Drops thumbnails and checks that the remaining pages can share one image. */
	private static List<TiffPage> pagesToRead(TiffSource source, List<TiffPage> all) throws IOException {
		List<TiffPage> pages = new ArrayList<>();
		for (TiffPage p : all) if (!p.reducedResolution) pages.add(p);
		if (pages.isEmpty()) pages = all;
		TiffPage first = pages.get(0);
		for (TiffPage p : pages) {
			if (p.width != first.width || p.height != first.height || p.samplesPerPixel != first.samplesPerPixel
				|| !p.sampleType().equals(first.sampleType())) {
				throw source.fail(p.where + " is " + describe(p) + " but the first page is " + describe(first)
					+ "; all pages must have the same size and sample type");
			}
		}
		return pages;
	}

	private static String describe(TiffPage p) {
		return p.width + " x " + p.height + " " + p.sampleType() + " with " + p.samplesPerPixel + " sample(s) per pixel";
	}

	/** Checks that every chunk lies in the file and can hold what the layout says it holds. */
	private static void checkChunks(TiffSource source, TiffPage page) throws IOException {
		for (int i = 0; i < page.chunkCount(); i++) {
			long offset = page.offsets[i];
			long count = page.byteCounts[i];
			long needed = page.decodedBytes(i);
			if (!source.contains(offset, count)) {
				throw source.fail(chunkName(page, i) + " is said to lie at bytes " + offset + " to " + (offset + count)
					+ ", past the end of the file (" + source.size() + " bytes); the file is truncated or corrupt");
			}
			if (needed > count * TiffCodecs.maxExpansion(page.compression)) {
				throw source.fail(chunkName(page, i) + " stores " + count + " bytes, too few to hold the " + needed
					+ " bytes that " + describe(page) + " needs with compression " + TiffCodecs.name(page.compression)
					+ "; the file is truncated or its header is corrupt");
			}
		}
	}

	private static String chunkName(TiffPage page, int chunk) {
		return (page.tiled ? "tile " : "strip ") + (chunk + 1) + " of " + page.where;
	}

	/** The output array, or a message instead of an {@code OutOfMemoryError}. */
	private static float[] allocate(TiffSource source, List<TiffPage> pages) throws IOException {
		TiffPage first = pages.get(0);
		long planes = (long) pages.size() * first.samplesPerPixel;
		long samples = planes * first.width * first.height;
		if (samples > TiffPage.MAX_ARRAY) {
			throw source.fail("it holds " + planes + " planes of " + first.width + " x " + first.height + " pixels, "
				+ samples + " samples in all, more than the " + TiffPage.MAX_ARRAY + " one image can hold");
		}
		String need = "its " + samples + " pixels need " + (samples * Float.BYTES >> 20) + " MiB as float but Java has ";
		if (samples * Float.BYTES > Runtime.getRuntime().maxMemory()) {
			throw source.fail(need + "at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; raise -Xmx");
		}
		try {
			return new float[(int) samples];
		} catch (OutOfMemoryError e) {
			throw source.fail(need + "not that much free memory now; close other images or raise -Xmx");
		}
	}

	private static void decodePage(TiffSource source, TiffPage page, float[] pixels, long firstPlane)
		throws IOException
	{
		for (int i = 0; i < page.chunkCount(); i++) {
			int expected = page.decodedBytes(i);
			// Raw strips may be followed by unrelated bytes; read only what the layout needs.
			long length = page.compression == TiffCodecs.NONE ? expected : page.byteCounts[i];
			String name = chunkName(page, i);
			byte[] stored = source.bytes(page.offsets[i], length, name);
			byte[] decoded = TiffCodecs.decode(source, name, page.compression, stored, expected);
			ByteOrder order = TiffSamples.undoPredictor(page, decoded, page.storedRows(i), source.order());
			TiffSamples.store(page, i, ByteBuffer.wrap(decoded).order(order), pixels, firstPlane);
		}
	}

	private static ImageData imageData(TiffPage first, float[] pixels, long planes) throws IOException {
		ArrayImg<FloatType, FloatArray> img = planes > 1
			? ArrayImgs.floats(pixels, first.width, first.height, planes)
			: ArrayImgs.floats(pixels, first.width, first.height);
		String description = first.ifd.text(TiffIfd.IMAGE_DESCRIPTION, "ImageDescription");
		PixelCalibration cal = TiffCalibration.read(first.ifd, description);
		return new ImageData(img, cal.pixelWidth(), cal.pixelHeight(), cal.unit(), description,
			first.bitsPerSample, first.sampleType());
	}
}
