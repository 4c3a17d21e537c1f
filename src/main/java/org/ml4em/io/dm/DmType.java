package org.ml4em.io.dm;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ml4em.io.ElementType;

/**
 * The type of a DM tag's value, as its "info array" encodes it: a simple number, a string, a
 * struct of simple numbers, or an array of any of these.
 */
sealed interface DmType {

	// DM's encoded type codes.
	int INT16 = 2, INT32 = 3, UINT16 = 4, UINT32 = 5, FLOAT32 = 6, FLOAT64 = 7, BOOL = 8, INT8 = 9, UINT8 = 10,
		INT64 = 11, UINT64 = 12, STRUCT = 15, STRING = 18, ARRAY = 20;

	/** {@return bytes of one value of this type} */
	long bytes();

	/** {@return a short description for tree descriptors and messages, e.g. "float32"} */
	String describe();

	/** A single number; {@code code} is one of the simple codes 2…12. */
	record Simple(int code) implements DmType {

		@Override
		public long bytes() {
			return element(code).bytes();
		}

		@Override
		public String describe() {
			return element(code).dtype();
		}

		/** {@return the value at the buffer's position (advanced): Long, Double or Boolean} */
		Object decode(ByteBuffer b) {
			return switch (code) {
				case INT8 -> (long) b.get();
				case UINT8 -> (long) (b.get() & 0xff);
				case BOOL -> b.get() != 0;
				case INT16 -> (long) b.getShort();
				case UINT16 -> (long) (b.getShort() & 0xffff);
				case INT32 -> (long) b.getInt();
				case UINT32 -> b.getInt() & 0xffffffffL;
				case INT64 -> b.getLong();
				case UINT64 -> unsigned64(b.getLong());
				case FLOAT32 -> (double) b.getFloat();
				case FLOAT64 -> b.getDouble();
				default -> throw new IllegalStateException("not a simple type: " + code);
			};
		}

		/** Above 2^63 a uint64 no longer fits a Long; it becomes the nearest Double. */
		private static Object unsigned64(long v) {
			return v >= 0 ? (Object) v : (Object) ((double) (v >>> 1) * 2.0 + (v & 1));
		}
	}

	/** A string of single bytes (type 18). */
	record Text(long length) implements DmType {

		@Override
		public long bytes() {
			return length;
		}

		@Override
		public String describe() {
			return "string";
		}
	}

	/** A struct of simple fields (type 15). */
	record Struct(List<Simple> fields) implements DmType {

		public Struct {
			fields = List.copyOf(fields);
		}

		@Override
		public long bytes() {
			long sum = 0;
			for (Simple f : fields)
				sum += f.bytes();
			return sum;
		}

		@Override
		public String describe() {
			List<String> names = new ArrayList<>();
			for (Simple f : fields)
				names.add(f.describe());
			return "struct(" + String.join(",", names) + ")";
		}
	}

	/** {@code count} elements of one type (type 20). */
	record Array(DmType element, long count) implements DmType {

		/** {@link Long#MAX_VALUE} when the count is absurd, so that size checks simply fail. */
		@Override
		public long bytes() {
			long e = element.bytes();
			return count != 0 && e > Long.MAX_VALUE / count ? Long.MAX_VALUE : e * count;
		}

		@Override
		public String describe() {
			return element.describe() + "[" + count + "]";
		}
	}

	/** {@return whether {@code code} is one of the simple number codes} */
	static boolean isSimple(long code) {
		return code >= INT16 && code <= UINT64;
	}

	/**
	 * {@return how a simple DM type is stored, in ML4EM's terms}
	 *
	 * @param code a simple code, 2…12
	 */
	static ElementType element(int code) {
		return switch (code) {
			case INT16 -> ElementType.INT16;
			case INT32 -> ElementType.INT32;
			case UINT16 -> ElementType.UINT16;
			case UINT32 -> ElementType.UINT32;
			case FLOAT32 -> ElementType.FLOAT32;
			case FLOAT64 -> ElementType.FLOAT64;
			case BOOL -> ElementType.BOOL;
			case INT8 -> ElementType.INT8;
			case UINT8 -> ElementType.UINT8;
			case INT64 -> ElementType.INT64;
			case UINT64 -> ElementType.UINT64;
			default -> throw new IllegalArgumentException("not a simple DM type: " + code);
		};
	}
}
