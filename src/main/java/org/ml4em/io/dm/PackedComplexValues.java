package org.ml4em.io.dm;

import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

/**
 * The values of a DM image stored as packed complex numbers (FFT data, DataType 5, 27, 28): the
 * type and size are reported, but no value can be read as one real number, as for any complex
 * data; {@link StoredValues#requireReal()} refuses them with a clear message.
 */
final class PackedComplexValues implements StoredValues {

	private final ElementType type;

	private final long length;

	PackedComplexValues(ElementType type, long length) {
		this.type = type;
		this.length = length;
	}

	@Override
	public ElementType type() {
		return type;
	}

	@Override
	public long length() {
		return length;
	}

	@Override
	public double get(long index) {
		throw new UnsupportedOperationException(type.dtype() + " values are not single real numbers");
	}
}
