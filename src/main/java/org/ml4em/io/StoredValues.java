package org.ml4em.io;

import org.ml4em.BadInputException;

/**
 * The values of a data set in storage order (fastest axis first), read on demand so that a file
 * larger than the Java heap can be used: implementations map the file into memory or read it in
 * chunks, never load it whole.
 * <p>
 * Reads of {@link ElementType#isReal() real} types convert to {@code double}; complex and RGBA
 * values are kept in the file and refused by {@link #get(long)} with a clear message. I/O errors
 * while reading surface as {@link java.io.UncheckedIOException}.
 */
public interface StoredValues {

	/** {@return how each value is stored} */
	ElementType type();

	/** {@return the number of values} */
	long length();

	/**
	 * {@return the value at a storage index, as a double}
	 *
	 * @param index 0 … length − 1
	 */
	double get(long index);

	/**
	 * Reads consecutive values; implementations override this when a bulk read is faster.
	 *
	 * @param start storage index of the first value
	 * @param dst where to put them
	 * @param offset first index in {@code dst}
	 * @param count how many values
	 */
	default void read(long start, double[] dst, int offset, int count) {
		for (int i = 0; i < count; i++)
			dst[offset + i] = get(start + i);
	}

	/**
	 * Reads values {@code stride} apart: {@code start, start + stride, …}.
	 *
	 * @param start storage index of the first value
	 * @param stride distance between values, in values
	 * @param dst where to put them, from index 0
	 * @param count how many values
	 */
	default void readStrided(long start, long stride, double[] dst, int count) {
		if (stride == 1) {
			read(start, dst, 0, count);
			return;
		}
		for (int i = 0; i < count; i++)
			dst[i] = get(start + i * stride);
	}

	/**
	 * Refuses complex and RGBA data with one clear sentence.
	 *
	 * @throws BadInputException when the values are not real numbers
	 */
	default void requireReal() {
		if (!type().isReal())
			throw new BadInputException("the data are " + type().dtype()
				+ " values, which ML4EM cannot compute with; expected real numbers (integer or floating point)");
	}
}
