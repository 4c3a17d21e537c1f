package org.ml4em.io.dm;

import java.io.IOException;

import org.ml4em.io.ElementType;

/**
 * Gatan's image data-type codes ({@code ImageData.DataType}) and how they agree with the
 * {@code ImageData.Data} array that holds the values.
 */
final class DmDataTypes {

	/** Packed complex (FFT) layouts: HyperSpy's reading of DM's codes 5, 27 and 28. */
	static final int PACKED_COMPLEX = 5, PACKED_COMPLEX64 = 27, PACKED_COMPLEX128 = 28;

	private DmDataTypes() {}

	/**
	 * {@return the element type that DataType {@code code} stores}
	 *
	 * @param code the DataType tag's value
	 * @param data the Data array, which decides between RGB and float32 for the ambiguous code 8
	 * @throws IOException (message without the file name) for codes DM does not use for images
	 */
	static ElementType elementType(long code, DmDataBlock data) throws IOException {
		int known = code >= 0 && code <= 255 ? (int) code : -1;
		return switch (known) {
			case 1 -> ElementType.INT16;
			case 2 -> ElementType.FLOAT32;
			case 3, PACKED_COMPLEX, PACKED_COMPLEX64 -> ElementType.COMPLEX64;
			case 6 -> ElementType.UINT8;
			case 7 -> ElementType.INT32;
			// Code 8 is RGB in 4 bytes, but some old writers used it for float32 data.
			case 8 -> isFloat(data.element(), 4) ? ElementType.FLOAT32 : ElementType.RGBA8;
			case 9 -> ElementType.INT8;
			case 10 -> ElementType.UINT16;
			case 11 -> ElementType.UINT32;
			case 12 -> ElementType.FLOAT64;
			case 13, PACKED_COMPLEX128 -> ElementType.COMPLEX128;
			case 14 -> ElementType.BOOL;
			case 23 -> ElementType.RGBA8;
			case 39 -> ElementType.INT64;
			case 40 -> ElementType.UINT64;
			default -> throw new IOException("it has the image DataType " + code
				+ ", which is not a data type DM images use (expected 1–14, 23, 27, 28, 39 or 40)");
		};
	}

	/** {@return the DataType code for writing values of a real type} @param type a real type */
	static int code(ElementType type) {
		return switch (type) {
			case INT16 -> 1;
			case FLOAT32 -> 2;
			case UINT8 -> 6;
			case INT32 -> 7;
			case INT8 -> 9;
			case UINT16 -> 10;
			case UINT32 -> 11;
			case FLOAT64 -> 12;
			case BOOL -> 14;
			case INT64 -> 39;
			case UINT64 -> 40;
			default -> throw new IllegalArgumentException("no DM data type for " + type.dtype());
		};
	}

	/** {@return the DM tag code of an array element holding one value of a real type} */
	static int arrayElement(ElementType type) {
		for (int code = DmType.INT16; code <= DmType.UINT64; code++)
			if (DmType.element(code) == type)
				return code;
		throw new IllegalArgumentException("no DM array element for " + type.dtype());
	}

	/** {@return whether the code is one of the packed complex layouts} */
	static boolean isPacked(long code) {
		return code == PACKED_COMPLEX || code == PACKED_COMPLEX64 || code == PACKED_COMPLEX128;
	}

	/** {@return whether the code is a colour image, as DM's thumbnails are} */
	static boolean isRgb(long code) {
		return code == 8 || code >= 15 && code <= 26;
	}

	/**
	 * Checks that the Data array holds exactly the values that the DataType and the Dimensions
	 * announce, in elements of a matching kind.
	 *
	 * @param code the DataType
	 * @param type the element type derived from it
	 * @param shape the Dimensions, fastest first
	 * @param pixels the product of the dimensions
	 * @param data the Data array
	 * @throws IOException (message without the file name) when they disagree
	 */
	static void checkAgreement(long code, ElementType type, long[] shape, long pixels, DmDataBlock data)
		throws IOException
	{
		long expected = isPacked(code) ? packedBytes(code, shape) : multiply(pixels, type.bytes());
		long stored = data.type().bytes();
		if (stored != expected)
			throw new IOException("its Dimensions and DataType " + code + " (" + type.dtype() + ") call for "
				+ expected + " bytes of data but its Data array holds " + data.count() + " × "
				+ data.element().describe() + " (" + (stored == Long.MAX_VALUE ? "too many" : Long.toString(stored))
				+ " bytes)");
		if (!elementFits(type, data.element()))
			throw new IOException("its DataType " + code + " (" + type.dtype() + ") disagrees with the "
				+ data.element().describe() + " elements of its Data array");
	}

	/** Real types need elements of the same size and kind; complex ones floats or pairs of them. */
	private static boolean elementFits(ElementType type, DmType element) {
		if (type.isReal())
			return element instanceof DmType.Simple s && s.bytes() == type.bytes()
				&& isFloatType(type) == isFloat(s, s.bytes());
		if (type == ElementType.RGBA8)
			return element instanceof DmType.Simple s && !isFloat(s, s.bytes());
		long half = type.bytes() / 2;
		if (element instanceof DmType.Struct st)
			return st.fields().size() == 2 && isFloat(st.fields().get(0), half) && isFloat(st.fields().get(1), half);
		// Packed layouts are arrays of single floats.
		return isFloat(element, half) || isFloat(element, type.bytes());
	}

	private static boolean isFloatType(ElementType type) {
		return type == ElementType.FLOAT32 || type == ElementType.FLOAT64;
	}

	private static boolean isFloat(DmType element, long bytes) {
		return element instanceof DmType.Simple s && s.bytes() == bytes
			&& (s.code() == DmType.FLOAT32 || s.code() == DmType.FLOAT64);
	}

	/**
	 * Bytes of the packed layouts as HyperSpy reads them: code 5 holds a 2N × 2N image in 4N²
	 * floats; codes 27 and 28 hold rows × (columns / 2 + 1) complex numbers.
	 */
	private static long packedBytes(long code, long[] shape) throws IOException {
		if (shape.length != 2)
			throw new IOException("its packed complex data (DataType " + code + ") has " + shape.length
				+ " dimensions; expected 2");
		if (code == PACKED_COMPLEX) {
			if (shape[0] != shape[1] || shape[0] % 2 != 0)
				throw new IOException("its packed complex data (DataType 5) is " + shape[0] + " × " + shape[1]
					+ "; expected a square of even size");
			return multiply(multiply(shape[0], shape[1]), 4);
		}
		return multiply(multiply(shape[1], shape[0] / 2 + 1), code == PACKED_COMPLEX64 ? 8 : 16);
	}

	private static long multiply(long a, long b) throws IOException {
		try {
			return Math.multiplyExact(a, b);
		} catch (ArithmeticException e) {
			throw new IOException("its dimensions multiply to more than 2^63 bytes");
		}
	}
}
