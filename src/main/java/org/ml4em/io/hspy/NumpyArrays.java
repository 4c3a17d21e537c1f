package org.ml4em.io.hspy;

import java.lang.reflect.Array;

import org.ml4em.BadInputException;
import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

/**
 * Copies values into the nested Java arrays jhdf writes ({@code int[][]} for a 2-D int32 data
 * set), in NumPy order: {@code array[slowest]…[fastest]}, which is the values' storage order.
 * Values are rounded to nearest and clamped to the type's range; NaN becomes 0 for integers.
 * Unsigned types are held in the signed Java type of the same width (jhdf writes them unsigned
 * when told so), bool as 0/1 bytes.
 */
final class NumpyArrays {

	private NumpyArrays() {}

	/**
	 * {@return the values as nested arrays, or a boxed scalar when the shape is empty}
	 *
	 * @param values the values, storage order
	 * @param shape shape in NumPy order, slowest first
	 * @param type the element type to store
	 * @throws BadInputException when an axis is longer than a Java array can be
	 */
	static Object of(StoredValues values, long[] shape, ElementType type) {
		Class<?> component = javaType(type);
		if (shape.length == 0)
			return Array.get(fill(Array.newInstance(component, 1), values, 0, 1, type), 0);
		int[] dims = new int[shape.length];
		for (int d = 0; d < shape.length; d++) {
			if (shape[d] > Integer.MAX_VALUE - 8)
				throw new BadInputException("an axis of " + shape[d] + " values is too long to write as HyperSpy with jhdf; "
					+ "expected at most " + (Integer.MAX_VALUE - 8) + " per axis");
			dims[d] = (int) shape[d];
		}
		Object array = Array.newInstance(component, dims);
		long rows = values.length() / dims[dims.length - 1];
		int[] index = new int[dims.length - 1];
		for (long row = 0; row < rows; row++) {
			Object target = array;
			for (int i : index)
				target = Array.get(target, i);
			fill(target, values, row * dims[dims.length - 1], dims[dims.length - 1], type);
			increment(index, dims);
		}
		return array;
	}

	/** {@return the Java type jhdf maps to the element type} @param type a real element type */
	static Class<?> javaType(ElementType type) {
		return switch (type) {
			case INT8, UINT8, BOOL -> byte.class;
			case INT16, UINT16 -> short.class;
			case INT32, UINT32 -> int.class;
			case INT64, UINT64 -> long.class;
			case FLOAT32 -> float.class;
			case FLOAT64 -> double.class;
			default -> throw new BadInputException("cannot write " + type.dtype() + " values as HyperSpy; "
				+ "expected integer, floating-point or bool data");
		};
	}

	private static void increment(int[] index, int[] dims) {
		for (int d = index.length - 1; d >= 0; d--) {
			if (++index[d] < dims[d])
				return;
			index[d] = 0;
		}
	}

	private static Object fill(Object row, StoredValues values, long start, int count, ElementType type) {
		double[] buffer = new double[count];
		values.read(start, buffer, 0, count);
		for (int i = 0; i < count; i++) {
			double v = buffer[i];
			switch (type) {
				case FLOAT32 -> ((float[]) row)[i] = (float) v;
				case FLOAT64 -> ((double[]) row)[i] = v;
				case INT8 -> ((byte[]) row)[i] = (byte) clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
				case UINT8 -> ((byte[]) row)[i] = (byte) clamp(v, 0, 255);
				case BOOL -> ((byte[]) row)[i] = (byte) (v != 0 && !Double.isNaN(v) ? 1 : 0);
				case INT16 -> ((short[]) row)[i] = (short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
				case UINT16 -> ((short[]) row)[i] = (short) clamp(v, 0, 65535);
				case INT32 -> ((int[]) row)[i] = (int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
				case UINT32 -> ((int[]) row)[i] = (int) clamp(v, 0, 0xffffffffL);
				case INT64 -> ((long[]) row)[i] = Double.isNaN(v) ? 0 : Math.round(v); // Math.round saturates
				case UINT64 -> ((long[]) row)[i] = unsigned64(v);
				default -> throw new IllegalStateException(type.toString());
			}
		}
		return row;
	}

	private static long clamp(double v, long min, long max) {
		if (Double.isNaN(v))
			return 0;
		return Math.max(min, Math.min(max, Math.round(v)));
	}

	/** The bits of the uint64 nearest to v, saturating at 0 and 2^64 − 1. */
	private static long unsigned64(double v) {
		if (Double.isNaN(v) || v <= 0)
			return 0;
		if (v >= 0x1p64)
			return -1L;
		if (v >= 0x1p63)
			return (long) (v - 0x1p63) ^ Long.MIN_VALUE;
		return Math.round(v);
	}
}
