package org.ml4em.io.dm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

/**
 * A tag to be written: a group of named tags, a number, a text or the image data. Each knows
 * its size in advance, because DM4 writes every tag's length before its content.
 */
sealed interface DmTagNode {

	/** {@return the bytes of the content after the tag's header (name and, in DM4, length)} */
	long contentBytes(int version);

	/** Writes the content. */
	void write(DmOutput out) throws IOException;

	/** {@return the bytes of "%%%%", the info-array length and an info array of {@code n} numbers} */
	private static long dataHeaderBytes(int version, int n) {
		int len = version == 4 ? 8 : 4;
		return 4 + len + (long) n * len;
	}

	private static void dataHeader(DmOutput out, long... info) throws IOException {
		out.be32(0x25252525); // "%%%%"
		out.length(info.length);
		for (long i : info)
			out.length(i);
	}

	/** A tag group; entries keep the order they were added in, "" names an unnamed entry. */
	final class Group implements DmTagNode {

		private final List<String> names = new ArrayList<>();

		private final List<DmTagNode> nodes = new ArrayList<>();

		private final boolean root;

		Group() {
			this(false);
		}

		/** @param root whether this is the root group, which DM marks as sorted */
		Group(boolean root) {
			this.root = root;
		}

		/** Adds an entry. @return this group */
		Group put(String name, DmTagNode node) {
			names.add(name);
			nodes.add(node);
			return this;
		}

		/** {@return the named child group, added when absent} */
		Group child(String name) {
			int i = names.indexOf(name);
			if (i >= 0 && nodes.get(i) instanceof Group g)
				return g;
			Group g = new Group();
			put(name, g);
			return g;
		}

		@Override
		public long contentBytes(int version) {
			long sum = 2 + (version == 4 ? 8 : 4);
			for (int i = 0; i < nodes.size(); i++)
				sum += 3 + name(i).length + (version == 4 ? 8 : 0) + nodes.get(i).contentBytes(version);
			return sum;
		}

		@Override
		public void write(DmOutput out) throws IOException {
			out.u8(root ? 1 : 0); // sorted
			out.u8(0); // open
			out.length(nodes.size());
			for (int i = 0; i < nodes.size(); i++) {
				DmTagNode node = nodes.get(i);
				byte[] name = name(i);
				out.u8(node instanceof Group ? 20 : 21);
				out.be16(name.length);
				out.bytes(name);
				if (out.version() == 4)
					out.length(node.contentBytes(4));
				node.write(out);
			}
		}

		private byte[] name(int i) {
			return names.get(i).getBytes(StandardCharsets.ISO_8859_1);
		}
	}

	/** One number of a simple type ({@link DmType} codes 2…12), given as a double. */
	record Number(int code, double value) implements DmTagNode {

		@Override
		public long contentBytes(int version) {
			return dataHeaderBytes(version, 1) + DmType.element(code).bytes();
		}

		@Override
		public void write(DmOutput out) throws IOException {
			dataHeader(out, code);
			ByteBuffer b = out.values(DmType.element(code).bytes());
			switch (code) {
				case DmType.FLOAT32 -> b.putFloat((float) value);
				case DmType.FLOAT64 -> b.putDouble(value);
				case DmType.BOOL, DmType.INT8, DmType.UINT8 -> b.put((byte) (long) value);
				case DmType.INT16, DmType.UINT16 -> b.putShort((short) (long) value);
				case DmType.INT32, DmType.UINT32 -> b.putInt((int) (long) value);
				default -> b.putLong((long) value);
			}
		}
	}

	/** Text as DM stores it: an array of uint16 UTF-16 code units. */
	record Text(String text) implements DmTagNode {

		@Override
		public long contentBytes(int version) {
			return dataHeaderBytes(version, 3) + 2L * text.length();
		}

		@Override
		public void write(DmOutput out) throws IOException {
			dataHeader(out, DmType.ARRAY, DmType.UINT16, text.length());
			for (int i = 0; i < text.length(); i++)
				out.values(2).putChar(text.charAt(i));
		}
	}

	/** The image data: an array of one real type, streamed from the values. */
	record Data(StoredValues values, ElementType type) implements DmTagNode {

		@Override
		public long contentBytes(int version) {
			return dataHeaderBytes(version, 3) + values.length() * type.bytes();
		}

		@Override
		public void write(DmOutput out) throws IOException {
			dataHeader(out, DmType.ARRAY, DmDataTypes.arrayElement(type), values.length());
			new DmValueEncoder(type, out.order()).stream(values, out);
		}
	}
}
