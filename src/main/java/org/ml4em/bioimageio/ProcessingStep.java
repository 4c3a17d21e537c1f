package org.ml4em.bioimageio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;

/**
 * One pre- or postprocessing step of a bioimage.io model, from the specification's fixed list:
 * {@code scale_linear}, {@code scale_range}, {@code zero_mean_unit_variance} (and 0.5's
 * {@code fixed_zero_mean_unit_variance}), {@code clip}, {@code binarize}, {@code sigmoid}.
 * Statistics "per sample" are taken over the axes the step names (all but batch and channel when
 * it names none), separately for each channel and sample; "per dataset" is taken as per sample,
 * as one image is all the data there is.
 *
 * @param name the step's name ({@code name} in format 0.4, {@code id} in 0.5)
 * @param kwargs its arguments as the description gives them
 */
public record ProcessingStep(String name, Map<String, Object> kwargs) {

	/** The steps ML4EM can apply. */
	public static final List<String> KNOWN = List.of("scale_linear", "scale_range", "zero_mean_unit_variance", "fixed_zero_mean_unit_variance",
		"clip", "binarize", "sigmoid");

	public ProcessingStep {
		if (!KNOWN.contains(name)) throw new BadInputException("The model asks for the processing step '" + name + "', which ML4EM does not know; it knows "
			+ String.join(", ", KNOWN) + ".");
		kwargs = kwargs == null ? Map.of() : kwargs;
	}

	/**
	 * Applies the step in place.
	 *
	 * @param values row-major values, last axis fastest
	 * @param shape their shape
	 * @param axes one letter per axis (see {@link TensorDescription#axes()})
	 */
	public void apply(float[] values, long[] shape, String axes) {
		switch (name) {
			case "sigmoid" -> {
				for (int i = 0; i < values.length; i++)
					values[i] = (float) (1 / (1 + Math.exp(-values[i])));
			}
			case "clip" -> {
				double min = number("min", Double.NEGATIVE_INFINITY), max = number("max", Double.POSITIVE_INFINITY);
				for (int i = 0; i < values.length; i++)
					values[i] = (float) Math.min(max, Math.max(min, values[i]));
			}
			case "binarize" -> {
				double threshold = number("threshold", Double.NaN);
				for (int i = 0; i < values.length; i++)
					values[i] = values[i] > threshold ? 1 : 0;
			}
			case "scale_linear" -> perChannel(values, shape, axes, "gain", 1, "offset", 0, (v, gain, offset) -> v * gain + offset);
			case "fixed_zero_mean_unit_variance" -> fixedStandardise(values, shape, axes);
			case "zero_mean_unit_variance" -> {
				if ("fixed".equals(kwargs.get("mode"))) fixedStandardise(values, shape, axes);
				else perSample(values, shape, axes, (group) -> {
					double mean = Arrays.stream(group).average().orElse(0);
					double var = Arrays.stream(group).map(v -> (v - mean) * (v - mean)).average().orElse(0);
					double std = Math.sqrt(var), eps = number("eps", 1e-6);
					return v -> (v - mean) / (std + eps);
				});
			}
			case "scale_range" -> perSample(values, shape, axes, (group) -> {
				double[] sorted = group.clone();
				Arrays.sort(sorted);
				double lo = percentile(sorted, number("min_percentile", 0)), hi = percentile(sorted, number("max_percentile", 100));
				double eps = number("eps", 1e-6);
				return v -> (v - lo) / (hi - lo + eps);
			});
			default -> throw new IllegalStateException(name);
		}
	}

	private void fixedStandardise(float[] values, long[] shape, String axes) {
		double eps = number("eps", 1e-6);
		perChannel(values, shape, axes, "mean", 0, "std", 1, (v, mean, std) -> (v - mean) / (std + eps));
	}

	private interface Affine {
		double apply(double v, double a, double b);
	}

	/** A transform with two parameters, each one number or one per channel. */
	private void perChannel(float[] values, long[] shape, String axes, String aKey, double aDefault, String bKey, double bDefault, Affine f) {
		int c = axes.indexOf('c');
		long channels = c < 0 ? 1 : shape[c];
		double[] a = parameter(aKey, aDefault, channels), b = parameter(bKey, bDefault, channels);
		long inner = 1;
		for (int d = c + 1; d < shape.length && c >= 0; d++)
			inner *= shape[d];
		for (int i = 0; i < values.length; i++) {
			int ch = c < 0 ? 0 : (int) ((i / inner) % channels);
			values[i] = (float) f.apply(values[i], a[ch], b[ch]);
		}
	}

	private double[] parameter(String key, double fallback, long channels) {
		Object v = kwargs.get(key);
		double[] out = new double[(int) channels];
		if (v instanceof List<?> list) {
			List<Double> flat = new ArrayList<>();
			flatten(list, flat);
			if (flat.size() == 1) Arrays.fill(out, flat.get(0));
			else if (flat.size() == channels) for (int i = 0; i < channels; i++) out[i] = flat.get(i);
			else throw new BadInputException("The model's " + name + " gives " + flat.size() + " values of " + key + " for " + channels + " channels.");
		}
		else Arrays.fill(out, v == null ? fallback : asNumber(v, key));
		return out;
	}

	private void flatten(List<?> list, List<Double> into) {
		for (Object o : list) {
			if (o instanceof List<?> inner) flatten(inner, into);
			else into.add(asNumber(o, "list"));
		}
	}

	private interface GroupTransform {
		java.util.function.DoubleUnaryOperator of(double[] group);
	}

	/** Statistics over the named axes, for each combination of the others (each sample and channel). */
	private void perSample(float[] values, long[] shape, String axes, GroupTransform t) {
		String reduce = reducedAxes(axes);
		long[] strides = new long[shape.length];
		long stride = 1;
		for (int d = shape.length - 1; d >= 0; d--) {
			strides[d] = stride;
			stride *= shape[d];
		}
		long groupSize = 1, groups = 1;
		for (int d = 0; d < shape.length; d++) {
			if (reduce.indexOf(axes.charAt(d)) >= 0) groupSize *= shape[d];
			else groups *= shape[d];
		}
		int[] index = new int[(int) groupSize];
		double[] group = new double[(int) groupSize];
		for (long g = 0; g < groups; g++) {
			// the first element of group g: its coordinates along the kept axes, fastest last
			long base = 0, rest = g;
			for (int d = shape.length - 1; d >= 0; d--)
				if (reduce.indexOf(axes.charAt(d)) < 0) {
					base += (rest % shape[d]) * strides[d];
					rest /= shape[d];
				}
			for (long k = 0; k < groupSize; k++) {
				long offset = base, r = k;
				for (int d = shape.length - 1; d >= 0; d--)
					if (reduce.indexOf(axes.charAt(d)) >= 0) {
						offset += (r % shape[d]) * strides[d];
						r /= shape[d];
					}
				index[(int) k] = (int) offset;
				group[(int) k] = values[(int) offset];
			}
			java.util.function.DoubleUnaryOperator f = t.of(group);
			for (int k = 0; k < index.length; k++)
				values[index[k]] = (float) f.applyAsDouble(values[index[k]]);
		}
	}

	private String reducedAxes(String axes) {
		Object named = kwargs.get("axes");
		String reduce;
		if (named instanceof String s) reduce = s;
		else if (named instanceof List<?> list) reduce = list.stream().map(o -> String.valueOf(o).substring(0, 1)).reduce("", String::concat);
		else reduce = axes.replace("b", "").replace("c", "");
		StringBuilder present = new StringBuilder();
		for (char a : reduce.toCharArray())
			if (axes.indexOf(a) >= 0) present.append(a);
		return present.toString();
	}

	private static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) return 0;
		double pos = p / 100 * (sorted.length - 1);
		int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
		return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
	}

	private double number(String key, double fallback) {
		Object v = kwargs.get(key);
		return v == null ? fallback : asNumber(v, key);
	}

	private double asNumber(Object v, String key) {
		if (v instanceof Number n) return n.doubleValue();
		throw new BadInputException("The model's " + name + " has " + key + "=" + v + ", not a number.");
	}
}
