package org.ml4em.bioimageio;

/** Moves values between axis orders, e.g. a tile in (y, x, channel) to a model's (batch, channel, y, x). */
final class Layouts {

	private Layouts() {}

	/**
	 * @param values row-major values in {@code fromAxes} order
	 * @param fromShape their shape
	 * @param toAxes the wanted order; an axis missing on either side must have size 1 on the other
	 * @param toShape the wanted shape
	 * @return the values in {@code toAxes} order ({@code values} itself when the orders agree)
	 */
	static float[] reorder(float[] values, String fromAxes, long[] fromShape, String toAxes, long[] toShape) {
		if (fromAxes.replace("b", "").equals(toAxes.replace("b", "")) && sizeOneOutside(fromAxes, fromShape, toAxes)) return values;
		long[] fromStrides = strides(fromShape);
		// for each axis of the target, the stride of the same axis in the source (0 if absent: size 1)
		long[] stride = new long[toAxes.length()];
		for (int d = 0; d < toAxes.length(); d++) {
			int at = fromAxes.indexOf(toAxes.charAt(d));
			stride[d] = at < 0 ? 0 : fromStrides[at];
			if (at >= 0 && fromShape[at] != toShape[d]) throw new IllegalArgumentException("axis " + toAxes.charAt(d) + " has size " + fromShape[at] + ", not " + toShape[d]);
		}
		float[] out = new float[values.length];
		int[] index = new int[toAxes.length()];
		for (int i = 0; i < out.length; i++) {
			long source = 0;
			for (int d = 0; d < index.length; d++)
				source += index[d] * stride[d];
			out[i] = values[(int) source];
			for (int d = index.length - 1; d >= 0; d--) {
				if (++index[d] < toShape[d]) break;
				index[d] = 0;
			}
		}
		return out;
	}

	private static boolean sizeOneOutside(String fromAxes, long[] fromShape, String toAxes) {
		for (int d = 0; d < fromAxes.length(); d++)
			if (toAxes.indexOf(fromAxes.charAt(d)) < 0 && fromShape[d] != 1) return false;
		return true;
	}

	private static long[] strides(long[] shape) {
		long[] s = new long[shape.length];
		long stride = 1;
		for (int d = shape.length - 1; d >= 0; d--) {
			s[d] = stride;
			stride *= shape[d];
		}
		return s;
	}
}
