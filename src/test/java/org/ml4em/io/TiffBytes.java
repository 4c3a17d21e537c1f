package org.ml4em.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes small TIFF files byte by byte for tests, independently of {@link TiffWriter}: either
 * byte order, strips, several pages and samples, chunky or planar, no compression, PackBits or
 * Deflate (code 8), with or without the horizontal predictor. Sample values come from
 * {@link #value}, so a test can recompute what the reader must return.
 */
final class TiffBytes {

	ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	int width = 9;
	int height = 7;
	int pages = 1;
	int samplesPerPixel = 1;
	int bits = 16;
	/** 1 unsigned, 2 signed, 3 float. */
	int sampleFormat = 1;
	int compression = 1;
	int predictor = 1;
	int rowsPerStrip = 3;
	boolean planar;
	String description;
	/** XResolution, YResolution, ResolutionUnit when not null. */
	double[] resolution;
	int resolutionUnit = 1;

	/** The value of sample {@code s} at (x, y) of {@code page}; exact in every supported type. */
	double value(int page, int s, int x, int y) {
		int v = x * 5 + y * 17 + page * 61 + s * 29;
		if (sampleFormat == 3) return (v - 100) * 0.5;
		long half = 1L << (bits - 1);
		if (sampleFormat == 2) return v % half - half / 2; // negative and positive values
		return v % (2 * half);
	}

	/** The file as bytes: header, then each page's strips followed by its IFD. */
	byte[] build() {
		Out out = new Out(order);
		out.bytes(order == ByteOrder.LITTLE_ENDIAN ? new byte[] { 'I', 'I' } : new byte[] { 'M', 'M' });
		out.u16(42);
		int firstIfdSlot = out.size();
		out.u32(0);
		int nextSlot = firstIfdSlot;
		for (int p = 0; p < pages; p++) {
			List<long[]> strips = writeStrips(out, p);
			out.align();
			out.patchU32(nextSlot, out.size());
			nextSlot = writeIfd(out, p, strips);
		}
		return out.toByteArray();
	}

	private int stripsPerPlane() {
		return (height + rowsPerStrip - 1) / rowsPerStrip;
	}

	/** Writes every strip of a page; returns {offset, byteCount} per strip. */
	private List<long[]> writeStrips(Out out, int page) {
		List<long[]> strips = new ArrayList<>();
		int planes = planar ? samplesPerPixel : 1;
		for (int plane = 0; plane < planes; plane++) {
			for (int strip = 0; strip < stripsPerPlane(); strip++) {
				byte[] data = encode(rawStrip(page, plane, strip));
				strips.add(new long[] { out.size(), data.length });
				out.bytes(data);
			}
		}
		return strips;
	}

	private byte[] rawStrip(int page, int plane, int strip) {
		int spp = planar ? 1 : samplesPerPixel;
		int y0 = strip * rowsPerStrip;
		int rows = Math.min(rowsPerStrip, height - y0);
		ByteBuffer b = ByteBuffer.allocate(rows * width * spp * bits / 8).order(order);
		for (int y = y0; y < y0 + rows; y++) {
			for (int x = 0; x < width; x++) {
				for (int s = 0; s < spp; s++) put(b, value(page, planar ? plane : s, x, y));
			}
		}
		byte[] raw = b.array();
		if (predictor == 2) difference(raw, rows, spp);
		return raw;
	}

	private void put(ByteBuffer b, double v) {
		if (sampleFormat == 3) {
			if (bits == 32) b.putFloat((float) v); else b.putDouble(v);
			return;
		}
		switch (bits) {
			case 8 -> b.put((byte) v);
			case 16 -> b.putShort((short) v);
			default -> b.putInt((int) (long) v);
		}
	}

	/** The horizontal predictor, applied from the right so each sample still sees its original neighbour. */
	private void difference(byte[] raw, int rows, int spp) {
		ByteBuffer b = ByteBuffer.wrap(raw).order(order);
		int bytes = bits / 8;
		int rowBytes = width * spp * bytes;
		for (int r = 0; r < rows; r++) {
			for (int i = r * rowBytes + rowBytes - bytes; i >= r * rowBytes + spp * bytes; i -= bytes) {
				int j = i - spp * bytes;
				switch (bytes) {
					case 1 -> b.put(i, (byte) (b.get(i) - b.get(j)));
					case 2 -> b.putShort(i, (short) (b.getShort(i) - b.getShort(j)));
					case 4 -> b.putInt(i, b.getInt(i) - b.getInt(j));
					default -> b.putLong(i, b.getLong(i) - b.getLong(j));
				}
			}
		}
	}

	private byte[] encode(byte[] raw) {
		return switch (compression) {
			case 1 -> raw;
			case 32773 -> packBits(raw);
			case 8 -> deflate(raw);
			default -> throw new IllegalStateException("TiffBytes cannot write compression " + compression);
		};
	}

	static byte[] packBits(byte[] raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < raw.length) {
			int run = 1;
			while (i + run < raw.length && run < 128 && raw[i + run] == raw[i]) run++;
			if (run >= 2) {
				out.write(1 - run);
				out.write(raw[i]);
				i += run;
				continue;
			}
			int start = i;
			while (i < raw.length && i - start < 128 && (i + 1 >= raw.length || raw[i + 1] != raw[i])) i++;
			out.write(i - start - 1);
			out.write(raw, start, i - start);
		}
		return out.toByteArray();
	}

	static byte[] deflate(byte[] raw) {
		Deflater deflater = new Deflater();
		deflater.setInput(raw);
		deflater.finish();
		byte[] buffer = new byte[raw.length * 2 + 64];
		int n = deflater.deflate(buffer);
		deflater.end();
		return java.util.Arrays.copyOf(buffer, n);
	}

	/** Writes a page's IFD and its out-of-line values; returns the position of its next-IFD slot. */
	private int writeIfd(Out out, int page, List<long[]> strips) {
		TreeMap<Integer, long[]> tags = new TreeMap<>(); // tag -> {type, count, values...}
		tags.put(256, new long[] { 4, 1, width });
		tags.put(257, new long[] { 4, 1, height });
		tags.put(258, new long[] { 3, 1, bits });
		tags.put(259, new long[] { 3, 1, compression });
		tags.put(262, new long[] { 3, 1, 1 });
		tags.put(273, column(4, strips, 0));
		tags.put(277, new long[] { 3, 1, samplesPerPixel });
		tags.put(278, new long[] { 4, 1, rowsPerStrip });
		tags.put(279, column(4, strips, 1));
		if (samplesPerPixel > 1) tags.put(284, new long[] { 3, 1, planar ? 2 : 1 });
		if (predictor != 1) tags.put(317, new long[] { 3, 1, predictor });
		tags.put(339, new long[] { 3, 1, sampleFormat });
		if (resolution != null && page == 0) tags.put(296, new long[] { 3, 1, resolutionUnit });
		byte[] text = description != null && page == 0 ? (description + "\0").getBytes(StandardCharsets.UTF_8) : null;
		if (text != null) tags.put(270, new long[] { 2, text.length });
		if (resolution != null && page == 0) {
			tags.put(282, new long[] { 5, 1 });
			tags.put(283, new long[] { 5, 1 });
		}
		return new IfdWriter(out, tags, text, resolution).write();
	}

	private static long[] column(int type, List<long[]> strips, int index) {
		long[] v = new long[2 + strips.size()];
		v[0] = type;
		v[1] = strips.size();
		for (int i = 0; i < strips.size(); i++) v[2 + i] = strips.get(i)[index];
		return v;
	}

	/** Lays out one IFD: entries first, out-of-line arrays, text and rationals after it. */
	private static final class IfdWriter {

		private final Out out;
		private final TreeMap<Integer, long[]> tags;
		private final byte[] text;
		private final double[] resolution;

		IfdWriter(Out out, TreeMap<Integer, long[]> tags, byte[] text, double[] resolution) {
			this.out = out;
			this.tags = tags;
			this.text = text;
			this.resolution = resolution;
		}

		int write() {
			int start = out.size();
			int extra = start + 2 + 12 * tags.size() + 4;
			Out ext = new Out(out.order);
			out.u16(tags.size());
			for (var e : tags.entrySet()) {
				long[] v = e.getValue();
				int type = (int) v[0];
				int count = (int) v[1];
				out.u16(e.getKey());
				out.u16(type);
				out.u32(count);
				if (type == 2) {
					out.u32(extra + ext.size());
					ext.bytes(text);
					ext.align();
				} else if (type == 5) {
					out.u32(extra + ext.size());
					double r = resolution[e.getKey() == 282 ? 0 : 1];
					ext.u32(Math.round(r * 1000));
					ext.u32(1000);
				} else if (count == 1) {
					if (type == 3) {
						out.u16((int) v[2]);
						out.u16(0);
					} else {
						out.u32(v[2]);
					}
				} else {
					out.u32(extra + ext.size());
					for (int i = 0; i < count; i++) ext.u32(v[2 + i]);
				}
			}
			int nextSlot = out.size();
			out.u32(0);
			out.bytes(ext.toByteArray());
			return nextSlot;
		}
	}

	/** A growable byte array with TIFF-style integer writes in one byte order. */
	static final class Out {

		final ByteOrder order;
		private byte[] data = new byte[256];
		private int size;

		Out(ByteOrder order) {
			this.order = order;
		}

		int size() {
			return size;
		}

		void bytes(byte[] b) {
			ensure(b.length);
			System.arraycopy(b, 0, data, size, b.length);
			size += b.length;
		}

		void u16(int v) {
			bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
		}

		void u32(long v) {
			bytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
		}

		void align() {
			if (size % 2 != 0) bytes(new byte[1]);
		}

		void patchU32(int at, long v) {
			ByteBuffer.wrap(data).order(order).putInt(at, (int) v);
		}

		byte[] toByteArray() {
			return java.util.Arrays.copyOf(data, size);
		}

		private void ensure(int more) {
			if (size + more > data.length) data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + more));
		}
	}
}
