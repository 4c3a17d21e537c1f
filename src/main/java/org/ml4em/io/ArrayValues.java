package org.ml4em.io;

import java.util.Objects;

/**
 * Values held in a Java array: small data sets, and data computed rather than read.
 */
public final class ArrayValues implements StoredValues {

	private final ElementType type;

	private final double[] values;

	/**
	 * Wraps an array, without copying.
	 *
	 * @param type the type the values had when stored (reported, not enforced)
	 * @param values the values in storage order
	 */
	public ArrayValues(ElementType type, double[] values) {
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

	@Override
	public void read(long start, double[] dst, int offset, int count) {
		System.arraycopy(values, Math.toIntExact(start), dst, offset, count);
	}
}
