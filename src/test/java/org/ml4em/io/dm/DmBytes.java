package org.ml4em.io.dm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ml4em.io.Axis;
import org.ml4em.io.ElementType;

/** Small DM files as bytes, and where their tags sit, for tests that damage them on purpose. */
final class DmBytes {

	private final byte[] bytes;

	private final int version;

	private DmBytes(byte[] bytes) {
		this.bytes = bytes;
		this.version = bytes[3];
	}

	/** A valid 3 × 2 float32 image written by {@link DmWriter}. */
	static DmBytes image(DmWriter.Version version, Path dir) throws IOException {
		Path file = dir.resolve("valid." + version);
		new DmWriter(version, ByteOrder.LITTLE_ENDIAN, true).write(
			List.of(new Axis("x", 3, 1, 0, "", false), new Axis("y", 2, 1, 0, "", false)), ElementType.FLOAT32,
			new double[] { 1, 2, 3, 4, 5, 6 }, file);
		DmBytes b = new DmBytes(Files.readAllBytes(file));
		Files.delete(file);
		return b;
	}

	/** A copy of a file. */
	static DmBytes of(byte[] bytes) {
		return new DmBytes(bytes.clone());
	}

	byte[] bytes() {
		return bytes;
	}

	int lengthBytes() {
		return version == 4 ? 8 : 4;
	}

	/** Position of the kind byte of the first tag with this name. */
	int tag(String name) {
		byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 3; i + n.length <= bytes.length; i++) {
			if ((bytes[i - 3] == 20 || bytes[i - 3] == 21) && (bytes[i - 2] & 0xff) == n.length >> 8
				&& (bytes[i - 1] & 0xff) == (n.length & 0xff) && matches(i, n))
				return i - 3;
		}
		throw new IllegalArgumentException("no tag " + name);
	}

	/** Position of the "%%%%" of a data tag, or of the group header of a group tag. */
	int content(String name) {
		int tag = tag(name);
		return tag + 3 + name.length() + (version == 4 ? 8 : 0);
	}

	/** Position of number {@code i} of a data tag's info array. */
	int info(String name, int i) {
		return content(name) + 4 + lengthBytes() + i * lengthBytes();
	}

	/** Position of a data tag's value, after an info array of {@code infoLength} numbers. */
	int value(String name, int infoLength) {
		return info(name, infoLength);
	}

	/** Position of the value of dimension {@code d} (uint32) in ImageData.Dimensions. */
	int dimension(int d) {
		int ls = lengthBytes();
		int entry = 3 + (version == 4 ? 8 : 0) + 4 + ls + ls + 4;
		return content("Dimensions") + 2 + ls + d * entry + entry - 4;
	}

	/** Writes a big-endian number of the structure (4 bytes in DM3, 8 in DM4). */
	DmBytes putLength(int position, long value) {
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
		if (version == 4)
			b.putLong(position, value);
		else
			b.putInt(position, (int) value);
		return this;
	}

	/** Writes a 4-byte little-endian value (the files here are little-endian). */
	DmBytes putValue32(int position, int value) {
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(position, value);
		return this;
	}

	DmBytes put(int position, int b) {
		bytes[position] = (byte) b;
		return this;
	}

	Path write(Path dir, String name) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	private boolean matches(int at, byte[] n) {
		for (int j = 0; j < n.length; j++)
			if (bytes[at + j] != n[j])
				return false;
		return true;
	}

	/** A DM3 file whose root holds {@code depth} nested unnamed groups and nothing else. */
	static byte[] nestedGroups(int depth) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer header = ByteBuffer.allocate(12).putInt(3).putInt(0).putInt(1);
		out.writeBytes(header.array());
		for (int d = 0; d < depth; d++) {
			out.writeBytes(new byte[] { 0, 0, 0, 0, 0, 1 }); // sorted, open, one tag
			out.writeBytes(new byte[] { 20, 0, 0 }); // an unnamed group
		}
		out.writeBytes(new byte[] { 0, 0, 0, 0, 0, 0 }); // the innermost group is empty
		out.writeBytes(new byte[8]);
		return out.toByteArray();
	}

	/** A DM3 file whose root holds {@code n} unnamed bool tags and nothing else. */
	static byte[] manyTags(int n) {
		ByteBuffer b = ByteBuffer.allocate(12 + 6 + n * 16 + 8);
		b.putInt(3).putInt(0).putInt(1);
		b.put((byte) 0).put((byte) 0).putInt(n);
		for (int i = 0; i < n; i++)
			b.put((byte) 21).putShort((short) 0).putInt(0x25252525).putInt(1).putInt(DmType.BOOL).put((byte) 1);
		return b.array();
	}

	/** A DM3 file whose root holds one array of 2^32 − 1 empty structs: no bytes, many elements. */
	static byte[] emptyStructs() {
		ByteBuffer b = ByteBuffer.allocate(12 + 6 + 3 + 4 + 4 + 5 * 4 + 8);
		b.putInt(3).putInt(0).putInt(1);
		b.put((byte) 0).put((byte) 0).putInt(1);
		b.put((byte) 21).putShort((short) 0).putInt(0x25252525).putInt(5);
		b.putInt(DmType.ARRAY).putInt(DmType.STRUCT).putInt(0).putInt(0).putInt(-1);
		return b.array();
	}
}
