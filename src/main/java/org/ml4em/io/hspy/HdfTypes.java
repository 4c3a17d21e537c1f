package org.ml4em.io.hspy;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import org.ml4em.io.ElementType;

import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * Maps HDF5 data types, as h5py writes NumPy arrays, to {@link ElementType}s: integers and floats
 * directly, NumPy {@code bool} (an HDF5 enum FALSE = 0, TRUE = 1), complex numbers (a compound of
 * two floats) and HyperSpy's {@code rgba8} (a compound of four uint8).
 */
final class HdfTypes {

	/** An element type with the byte order the file stores it in. */
	record StoredType(ElementType type, ByteOrder order) {}

	private HdfTypes() {}

	/**
	 * {@return how values of this HDF5 type are stored, or null when ML4EM has no element type for it}
	 *
	 * @param type the HDF5 type of a data set
	 */
	static StoredType of(DataType type) {
		if (type instanceof FixedPoint fixed)
			return integer(fixed);
		if (type instanceof FloatingPoint floating)
			return floating(floating);
		if (type instanceof EnumDataType e && isBoolean(e))
			return new StoredType(ElementType.BOOL, ByteOrder.LITTLE_ENDIAN);
		if (type instanceof BitField && type.getSize() == 1) // how jhdf writes Java booleans
			return new StoredType(ElementType.BOOL, ByteOrder.LITTLE_ENDIAN);
		if (type instanceof CompoundDataType compound)
			return compound(compound);
		return null;
	}

	/** {@return a short name of an HDF5 type for messages, e.g. "float16" or "string"} @param type the type */
	static String describe(DataType type) {
		if (type instanceof FixedPoint fixed)
			return (fixed.isSigned() ? "int" : "uint") + 8 * type.getSize();
		if (type instanceof FloatingPoint)
			return "float" + 8 * type.getSize();
		if (type instanceof CompoundDataType compound)
			return "compound " + compound.getMembers().stream().map(CompoundDataMember::getName).toList();
		String name = type.getClass().getSimpleName().replace("DataType", "").replace("Data", "");
		return name.toLowerCase(java.util.Locale.ROOT);
	}

	/** {@return whether an enum is h5py's encoding of NumPy bool} @param e the enum type */
	static boolean isBoolean(EnumDataType e) {
		Map<Integer, String> names = e.getEnumMapping();
		return e.getSize() == 1 && names.size() == 2 && "FALSE".equals(names.get(0)) && "TRUE".equals(names.get(1));
	}

	private static StoredType integer(FixedPoint fixed) {
		ElementType t = switch (fixed.getSize()) {
			case 1 -> fixed.isSigned() ? ElementType.INT8 : ElementType.UINT8;
			case 2 -> fixed.isSigned() ? ElementType.INT16 : ElementType.UINT16;
			case 4 -> fixed.isSigned() ? ElementType.INT32 : ElementType.UINT32;
			case 8 -> fixed.isSigned() ? ElementType.INT64 : ElementType.UINT64;
			default -> null;
		};
		return t == null || fixed.getBitOffset() != 0 ? null : new StoredType(t, fixed.getByteOrder());
	}

	private static StoredType floating(FloatingPoint floating) {
		// float16 would need its own ElementType; it is refused with its name rather than misread
		ElementType t = switch (floating.getSize()) {
			case 4 -> ElementType.FLOAT32;
			case 8 -> ElementType.FLOAT64;
			default -> null;
		};
		return t == null ? null : new StoredType(t, floating.getByteOrder());
	}

	/** NumPy complex: members (r, i) of one float type; HyperSpy rgba8: members R, G, B, A of uint8. */
	private static StoredType compound(CompoundDataType compound) {
		List<CompoundDataMember> members = compound.getMembers();
		if (members.size() == 2 && members.get(0).getDataType() instanceof FloatingPoint re
			&& members.get(1).getDataType() instanceof FloatingPoint im && re.getSize() == im.getSize()
			&& members.get(0).getOffset() == 0 && members.get(1).getOffset() == re.getSize()
			&& compound.getSize() == 2 * re.getSize()) {
			if (re.getSize() == 4)
				return new StoredType(ElementType.COMPLEX64, re.getByteOrder());
			if (re.getSize() == 8)
				return new StoredType(ElementType.COMPLEX128, re.getByteOrder());
		}
		if (compound.getSize() == 4 && members.size() == 4 && members.stream().allMatch(HdfTypes::isByteMember)
			&& String.join("", members.stream().map(CompoundDataMember::getName).toList()).equals("RGBA"))
			return new StoredType(ElementType.RGBA8, ByteOrder.LITTLE_ENDIAN);
		return null;
	}

	private static boolean isByteMember(CompoundDataMember m) {
		return m.getDataType() instanceof FixedPoint f && f.getSize() == 1 && !f.isSigned();
	}
}
