package org.ml4em.io;

import java.util.Objects;

/**
 * Values held in a {@code float[]}, e.g. the pixels of a TIFF already read into memory.
 */
public final class FloatValues implements StoredValues {

	private final ElementType type;

	private final float[] values;

	/**
	 * Wraps an array, without copying.
	 *
	 * @param type the type the values had in the file (reported, not enforced)
	 * @param values the values in storage order
	 */
	public FloatValues(ElementType type, float[] values) {
		this.type = Objects.requireNonNull(type, "type");
		this.values = Objects.requireNonNull(values, "values");
	}

	@Override
	public ElementType type() {
		return type;
	}

	@Override
	public long length() {
		return values.length;
	}

	@Override
	public double get(long index) {
		return values[Math.toIntExact(index)];
	}
}
