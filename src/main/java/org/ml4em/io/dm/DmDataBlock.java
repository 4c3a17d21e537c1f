package org.ml4em.io.dm;

import java.nio.ByteOrder;

/**
 * A tag value left in the file (image data, long arrays): where it starts, its type and the byte
 * order of its values. The parser has checked that the whole block lies inside the file.
 *
 * @param offset file position of the first byte
 * @param type the value's type; an {@link DmType.Array} for arrays
 * @param order byte order of the values
 */
record DmDataBlock(long offset, DmType type, ByteOrder order) {

	/** {@return the number of elements: the array's count, or 1 for a single value} */
	long count() {
		return type instanceof DmType.Array a ? a.count() : 1;
	}

	/** {@return the type of one element} */
	DmType element() {
		return type instanceof DmType.Array a ? a.element() : type;
	}
}
