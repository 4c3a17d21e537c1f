package org.ml4em.io.hspy;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;

/**
 * Turns what jhdf returns for an attribute or a small data set into the value types of ML4EM's
 * metadata maps: String, Long, Double, Boolean and List. HyperSpy writes NumPy bools as HDF5 enums,
 * which jhdf returns as the names "TRUE"/"FALSE"; those become Booleans again.
 */
final class MetadataValues {

	/** Larger arrays in metadata (learning results, nested signals' data) are described, not loaded. */
	static final int MAX_ELEMENTS = 4096;

	private MetadataValues() {}

	/**
	 * {@return the attribute's value, or null when it is empty or too large to be metadata}
	 *
	 * @param attribute an attribute
	 */
	static Object of(Attribute attribute) {
		// Checked before getData(): a damaged header can declare an absurd element count
		long size = attribute.getSize();
		if (attribute.isEmpty() || size < 0 || size > MAX_ELEMENTS)
			return null;
		return convert(attribute.getData(), isBoolean(attribute.getDataType()));
	}

	/**
	 * {@return a small data set's values as a (nested) list, or a description of a large one}
	 *
	 * @param dataset a data set inside a metadata group
	 */
	static Object of(Dataset dataset) {
		long size = dataset.getSize();
		if (dataset.isEmpty() || size < 0 || size > MAX_ELEMENTS || dataset.isCompound())
			return describe(dataset);
		return convert(dataset.getData(), isBoolean(dataset.getDataType()));
	}

	/** {@return e.g. "int32 array of shape [512, 512]"} @param dataset a data set */
	static String describe(Dataset dataset) {
		return HdfTypes.describe(dataset.getDataType()) + " array of shape "
			+ java.util.Arrays.toString(dataset.getDimensionsAsLong());
	}

	private static boolean isBoolean(DataType type) {
		return type instanceof EnumDataType e && HdfTypes.isBoolean(e);
	}

	private static Object convert(Object data, boolean bool) {
		if (data == null)
			return null;
		if (data.getClass().isArray()) {
			int n = Array.getLength(data);
			List<Object> list = new ArrayList<>(n);
			for (int i = 0; i < n; i++)
				list.add(convert(Array.get(data, i), bool));
			return list;
		}
		if (bool && data instanceof String s)
			return s.equals("TRUE");
		return scalar(data);
	}

	private static Object scalar(Object value) {
		if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long)
			return ((Number) value).longValue();
		if (value instanceof BigInteger big) // uint64
			return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
		if (value instanceof Float || value instanceof Double)
			return ((Number) value).doubleValue();
		if (value instanceof String || value instanceof Boolean)
			return value;
		// opaque bytes (pickles), references, compounds: no meaning outside Python
		return null;
	}
}
