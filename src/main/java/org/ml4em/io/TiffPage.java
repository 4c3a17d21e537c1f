package org.ml4em.io;

import java.io.IOException;

/**
 * The layout of one TIFF page, validated: size, sample type, compression and where each strip
 * or tile ("chunk") lies. Strips are treated as tiles as wide as the image, so that decoding
 * has one code path. All sizes here have been checked against {@code int} range, so callers may
 * allocate arrays from them. Immutable.
 */
final class TiffPage {

	/** Largest Java array this reader will fill, with the JVM's usual header slack. */
	static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

	static final int UINT = 1;
	static final int INT = 2;
	static final int FLOAT = 3;

	/** Marks a size tag that is absent, in messages. */
	private static final long MISSING = Long.MIN_VALUE;

	final String where;
	final int width;
	final int height;
	final int samplesPerPixel;
	final int bitsPerSample;
	final int sampleFormat;
	final int compression;
	final int predictor;
	/** True for PlanarConfiguration 2: each chunk holds a single sample (channel). */
	final boolean planar;
	final boolean reducedResolution;
	/** True for tiles, false for strips (which are always as wide as the image). */
	final boolean tiled;
	final int chunkWidth;
	final int chunkHeight;
	final int chunksAcross;
	final int chunksDown;
	final long[] offsets;
	final long[] byteCounts;
	final TiffIfd ifd;

	private TiffPage(TiffIfd ifd, Header h, Chunks c, long[] offsets, long[] byteCounts) {
		this.ifd = ifd;
		this.where = ifd.where();
		this.width = h.width;
		this.height = h.height;
		this.samplesPerPixel = h.spp;
		this.bitsPerSample = h.bits;
		this.sampleFormat = h.format;
		this.compression = h.compression;
		this.predictor = h.predictor;
		this.planar = h.planar;
		this.reducedResolution = h.reduced;
		this.tiled = c.tiled;
		this.chunkWidth = c.width;
		this.chunkHeight = c.height;
		this.chunksAcross = c.across;
		this.chunksDown = c.down;
		this.offsets = offsets;
		this.byteCounts = byteCounts;
	}

	private record Header(int width, int height, int spp, int bits, int format, int compression,
		int predictor, boolean planar, boolean reduced) {}

	private record Chunks(boolean tiled, int width, int height, int across, int down) {}

	/** Reads and validates the page described by {@code ifd}. */
	static TiffPage parse(TiffSource source, TiffIfd ifd) throws IOException {
		Header h = header(source, ifd);
		Chunks c = chunks(source, ifd, h);
		long total = (long) c.across * c.down * (h.planar ? h.spp : 1);
		if (total > MAX_ARRAY) throw source.fail(ifd.where() + " claims " + total + " strips or tiles");
		int n = (int) total;
		long[] offsets = ifd.integers(c.tiled ? TiffIfd.TILE_OFFSETS : TiffIfd.STRIP_OFFSETS,
			c.tiled ? "TileOffsets" : "StripOffsets", n);
		int countsTag = c.tiled ? TiffIfd.TILE_BYTE_COUNTS : TiffIfd.STRIP_BYTE_COUNTS;
		TiffPage page = new TiffPage(ifd, h, c, offsets, new long[n]);
		if (ifd.has(countsTag)) {
			System.arraycopy(ifd.integers(countsTag, "byte counts", n), 0, page.byteCounts, 0, n);
		} else if (h.compression == TiffCodecs.NONE) {
			// Some writers omit the counts of raw data, which are implied by the layout anyway.
			for (int i = 0; i < n; i++) page.byteCounts[i] = page.decodedBytes(i);
		} else {
			throw source.fail(ifd.where() + " lacks StripByteCounts/TileByteCounts, which compressed data needs");
		}
		return page;
	}

	private static Header header(TiffSource source, TiffIfd ifd) throws IOException {
		String where = ifd.where();
		long width = ifd.integer(TiffIfd.IMAGE_WIDTH, "ImageWidth", MISSING);
		long height = ifd.integer(TiffIfd.IMAGE_LENGTH, "ImageLength", MISSING);
		if (width < 1 || height < 1) {
			throw source.fail(where + " has " + value("ImageWidth", width) + " and " + value("ImageLength", height)
				+ "; both must be positive");
		}
		int spp = (int) ifd.integer(TiffIfd.SAMPLES_PER_PIXEL, "SamplesPerPixel", 1);
		if (spp < 1) throw source.fail(where + " has SamplesPerPixel " + spp + "; at least 1 is expected");
		long planeSamples = width * height;
		if (planeSamples * spp > MAX_ARRAY) {
			throw source.fail(where + " claims " + width + " x " + height + " pixels with " + spp
				+ " samples each, more than the " + MAX_ARRAY + " samples one image can hold");
		}
		int bits = bits(source, ifd, spp);
		int format = (int) ifd.integer(TiffIfd.SAMPLE_FORMAT, "SampleFormat", UINT);
		if (format == 4) format = UINT; // "void" samples: raw bits, read as unsigned
		checkSampleType(source, where, bits, format);
		int compression = (int) ifd.integer(TiffIfd.COMPRESSION, "Compression", TiffCodecs.NONE);
		TiffCodecs.checkSupported(source, where, compression);
		int predictor = (int) ifd.integer(TiffIfd.PREDICTOR, "Predictor", 1);
		TiffSamples.checkPredictor(source, where, predictor, bits, format);
		boolean planar = spp > 1 && ifd.integer(TiffIfd.PLANAR_CONFIGURATION, "PlanarConfiguration", 1) == 2;
		boolean reduced = (ifd.integer(TiffIfd.NEW_SUBFILE_TYPE, "NewSubfileType", 0) & 1) != 0;
		return new Header((int) width, (int) height, spp, bits, format, compression, predictor, planar, reduced);
	}

	private static int bits(TiffSource source, TiffIfd ifd, int spp) throws IOException {
		// Writers differ on one value versus one per sample; all must agree either way.
		int n = (int) Math.min(spp, ifd.count(TiffIfd.BITS_PER_SAMPLE));
		if (n == 0) return 1; // the TIFF default
		long[] all = ifd.integers(TiffIfd.BITS_PER_SAMPLE, "BitsPerSample", n);
		for (long b : all) {
			if (b != all[0]) {
				throw source.fail(ifd.where() + " mixes BitsPerSample values " + b + " and " + all[0]
					+ "; all samples must have the same size");
			}
		}
		return (int) all[0];
	}

	private static void checkSampleType(TiffSource source, String where, int bits, int format)
		throws IOException
	{
		boolean integer = (format == UINT || format == INT) && (bits == 8 || bits == 16 || bits == 32);
		boolean real = format == FLOAT && (bits == 32 || bits == 64);
		if (!integer && !real) {
			throw source.fail(where + " has " + bits + "-bit samples of SampleFormat " + format
				+ ", which is not supported; expected 8-, 16- or 32-bit integers (format 1 or 2) "
				+ "or 32- or 64-bit floats (format 3)");
		}
	}

	private static Chunks chunks(TiffSource source, TiffIfd ifd, Header h) throws IOException {
		boolean tiled = ifd.has(TiffIfd.TILE_WIDTH) || ifd.has(TiffIfd.TILE_OFFSETS);
		long cw = h.width;
		long ch = ifd.integer(TiffIfd.ROWS_PER_STRIP, "RowsPerStrip", h.height);
		if (tiled) {
			cw = ifd.integer(TiffIfd.TILE_WIDTH, "TileWidth", MISSING);
			ch = ifd.integer(TiffIfd.TILE_LENGTH, "TileLength", MISSING);
			if (cw < 1 || ch < 1) {
				throw source.fail(ifd.where() + " is tiled with " + value("TileWidth", cw) + " and "
					+ value("TileLength", ch) + "; both must be positive");
			}
		} else if (ch < 1 || ch > h.height) {
			ch = h.height; // 0 and the "infinite" 2^32-1 both mean one strip
		}
		long chunkBytes = cw * ch * (h.planar ? 1 : h.spp) * (h.bits / 8);
		if (chunkBytes > MAX_ARRAY) {
			throw source.fail(ifd.where() + " has " + (tiled ? "tiles" : "strips") + " of " + cw + " x " + ch
				+ " pixels, " + chunkBytes + " bytes each, more than one Java array can hold");
		}
		int across = (int) ((h.width + cw - 1) / cw);
		int down = (int) ((h.height + ch - 1) / ch);
		return new Chunks(tiled, (int) cw, (int) ch, across, down);
	}

	private static String value(String tag, long v) {
		return v == MISSING ? "no " + tag : tag + " " + v;
	}

	/** Number of strips or tiles. */
	int chunkCount() {
		return offsets.length;
	}

	/** Samples per pixel stored in one chunk: all of them when chunky, one when planar. */
	int samplesPerChunkPixel() {
		return planar ? 1 : samplesPerPixel;
	}

	/** The sample (channel) a chunk holds when planar, 0 otherwise. */
	int sampleOf(int chunk) {
		return planar ? chunk / (chunksAcross * chunksDown) : 0;
	}

	/** Left column of a chunk in the image. */
	int x0(int chunk) {
		return (chunk % (chunksAcross * chunksDown)) % chunksAcross * chunkWidth;
	}

	/** Top row of a chunk in the image. */
	int y0(int chunk) {
		return (chunk % (chunksAcross * chunksDown)) / chunksAcross * chunkHeight;
	}

	/**
	 * Rows stored in a chunk: a tile is always full (padded past the image edge), while the last
	 * strip only needs the rows that remain.
	 */
	int storedRows(int chunk) {
		return tiled ? chunkHeight : Math.min(chunkHeight, height - y0(chunk));
	}

	/** Bytes per stored row of a chunk. */
	int rowBytes() {
		return chunkWidth * samplesPerChunkPixel() * (bitsPerSample / 8);
	}

	/** Bytes that a chunk holds once decompressed. */
	int decodedBytes(int chunk) {
		return storedRows(chunk) * rowBytes();
	}

	/** Bytes of all samples of this page once decompressed, padding of edge tiles included. */
	long totalDecodedBytes() {
		long sum = 0;
		for (int i = 0; i < chunkCount(); i++) sum += decodedBytes(i);
		return sum;
	}

	/** "uint8", "int16", "float32"… */
	String sampleType() {
		String kind = sampleFormat == FLOAT ? "float" : sampleFormat == INT ? "int" : "uint";
		return kind + bitsPerSample;
	}
}
