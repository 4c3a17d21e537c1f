package org.ml4em.io.hspy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableNode;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataSpace;
import io.jhdf.storage.HdfBackingStorage;

/**
 * A scalar boolean attribute stored as h5py stores NumPy {@code bool}: an HDF5 enum over int8 with
 * members FALSE = 0 and TRUE = 1. jhdf 0.13 writes Java booleans as an HDF5 bit field, which h5py
 * reads as {@code uint8}; HyperSpy then refuses the axes ({@code TraitError: The 'navigate' trait
 * … must be a boolean}). jhdf has no public way to write another type, so this attribute is put
 * into the node's attribute map directly, with a data type that encodes itself.
 */
final class BooleanAttribute implements Attribute {

	private final String name;

	private final Node node;

	private final boolean value;

	private BooleanAttribute(String name, Node node, boolean value) {
		this.name = name;
		this.node = node;
		this.value = value;
	}

	/**
	 * Adds (or replaces) a boolean attribute.
	 *
	 * @param node a group or data set being written
	 * @param name attribute name
	 * @param value the value
	 * @throws IOException when this jhdf version does not let attributes be added this way
	 */
	static void put(WritableNode node, String name, boolean value) throws IOException {
		try {
			node.getAttributes().put(name, new BooleanAttribute(name, node, value));
		} catch (UnsupportedOperationException e) {
			throw new IOException("This jhdf version cannot write boolean attributes as h5py does (" + name + ").", e);
		}
	}

	@Override
	public Node getNode() {
		return node;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public long getSize() {
		return 1;
	}

	@Override
	public long getSizeInBytes() {
		return 1;
	}

	@Override
	public int[] getDimensions() {
		return new int[0];
	}

	@Override
	public long[] getDimensionsAsLong() {
		return new long[0];
	}

	@Override
	public Object getData() {
		return value;
	}

	@Override
	public Class<?> getJavaType() {
		return Boolean.class;
	}

	@Override
	public boolean isScalar() {
		return true;
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public ByteBuffer getBuffer() {
		return NumpyBool.INSTANCE.encodeData(value);
	}

	@Override
	public DataSpace getDataSpace() {
		return DataSpace.fromObject(value); // scalar
	}

	@Override
	public DataType getDataType() {
		return NumpyBool.INSTANCE;
	}

	/** The HDF5 enum type h5py uses for NumPy bool, able to encode itself for jhdf's writer. */
	static final class NumpyBool extends DataType {

		static final NumpyBool INSTANCE = new NumpyBool();

		private static final int ENUM_CLASS = 8;

		private NumpyBool() {
			super(ENUM_CLASS, 1);
		}

		@Override
		public Class<?> getJavaType() {
			return Boolean.class;
		}

		@Override
		public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage storage) {
			throw new UnsupportedOperationException("written only; jhdf reads it back as an enum");
		}

		@Override
		public ByteBuffer encodeData(Object data) {
			return ByteBuffer.wrap(new byte[] { (byte) (Boolean.TRUE.equals(data) ? 1 : 0) });
		}

		/**
		 * The datatype message (HDF5 spec IV.A.2.d, class 8, version 1): two members, element size 1,
		 * the base type int8, member names padded to multiples of 8 bytes, then the values 0 and 1.
		 */
		@Override
		public ByteBuffer toBuffer() {
			ByteBuffer b = ByteBuffer.allocate(38).order(ByteOrder.LITTLE_ENDIAN);
			b.put((byte) (1 << 4 | ENUM_CLASS)).put((byte) 2).put((byte) 0).put((byte) 0).putInt(1);
			// base type: fixed point, version 1, little-endian, signed; size 1; bit offset 0, precision 8
			b.put((byte) (1 << 4)).put((byte) 0x08).put((byte) 0).put((byte) 0).putInt(1).putShort((short) 0).putShort((short) 8);
			b.put(paddedName("FALSE")).put(paddedName("TRUE"));
			b.put((byte) 0).put((byte) 1);
			return b.flip();
		}

		private static byte[] paddedName(String name) {
			byte[] padded = new byte[8];
			byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(bytes, 0, padded, 0, bytes.length);
			return padded;
		}
	}
}
