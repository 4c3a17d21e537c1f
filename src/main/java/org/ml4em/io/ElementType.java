package org.ml4em.io;

import java.nio.ByteBuffer;

/**
 * How one stored value is encoded in a file, named as NumPy names it ({@code "int16"},
 * {@code "float32"}, {@code "complex64"}…) so that what ML4EM reports matches what a Python user
 * sees for the same file.
 */
public enum ElementType {
	INT8("int8", 1), UINT8("uint8", 1), INT16("int16", 2), UINT16("uint16", 2), INT32("int32", 4),
	UINT32("uint32", 4), INT64("int64", 8), UINT64("uint64", 8), FLOAT32("float32", 4),
	FLOAT64("float64", 8), BOOL("bool", 1),
	/** Pairs of float32 (real, imaginary). */
	COMPLEX64("complex64", 8),
	/** Pairs of float64 (real, imaginary). */
	COMPLEX128("complex128", 16),
	/** Four uint8 channels per pixel: red, green, blue, alpha. */
	RGBA8("rgba8", 4);

	private final String dtype;

	private final int bytes;

	ElementType(String dtype, int bytes) {
		this.dtype = dtype;
		this.bytes = bytes;
	}

	/** {@return the NumPy name of this type, e.g. "uint16"} */
	public String dtype() {
		return dtype;
	}

	/** {@return bytes per stored value} */
	public int bytes() {
		return bytes;
	}

	/** {@return whether each value is one real number, which ML4EM can compute with} */
	public boolean isReal() {
		return this != COMPLEX64 && this != COMPLEX128 && this != RGBA8;
	}

	/**
	 * Decodes the value stored at an absolute byte position, in the buffer's byte order.
	 * Unsigned 64-bit values above 2^63 and integers above 2^53 lose precision as doubles.
	 *
	 * @param buffer bytes of the data, with the file's byte order set
	 * @param position absolute byte index of the value
	 * @return the value as a double
	 * @throws UnsupportedOperationException for complex and RGBA values, which are not one number
	 */
	public double decode(ByteBuffer buffer, int position) {
		return switch (this) {
			case INT8 -> buffer.get(position);
			case UINT8 -> buffer.get(position) & 0xff;
			case BOOL -> buffer.get(position) != 0 ? 1 : 0;
			case INT16 -> buffer.getShort(position);
			case UINT16 -> buffer.getShort(position) & 0xffff;
			case INT32 -> buffer.getInt(position);
			case UINT32 -> buffer.getInt(position) & 0xffffffffL;
			case INT64 -> buffer.getLong(position);
			case UINT64 -> unsignedToDouble(buffer.getLong(position));
			case FLOAT32 -> buffer.getFloat(position);
			case FLOAT64 -> buffer.getDouble(position);
			default -> throw new UnsupportedOperationException(dtype + " values are not single real numbers");
		};
	}

	private static double unsignedToDouble(long v) {
		return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
	}

	/**
	 * {@return the type with the given NumPy name}
	 *
	 * @param dtype e.g. "float32"
	 * @throws IllegalArgumentException when no type has that name
	 */
	public static ElementType fromDtype(String dtype) {
		for (ElementType t : values())
			if (t.dtype.equals(dtype))
				return t;
		throw new IllegalArgumentException("unknown data type '" + dtype + "'");
	}
}
