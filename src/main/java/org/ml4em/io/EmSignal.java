package org.ml4em.io;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ml4em.Progress;

import net.imglib2.FinalInterval;
import net.imglib2.Localizable;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.position.FunctionRandomAccessible;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * One signal read from an electron-microscopy file: an image, a stack, a spectrum or a spectrum
 * image, with a calibrated axis for each dimension and the file's metadata.
 * <p>
 * Axes are listed <em>fastest first</em>, in the order the values are stored: for a Gatan
 * spectrum image written with the energy axis fastest, {@code axes().get(0)} is the energy. The
 * values stay in the file until read (see {@link StoredValues}).
 *
 * @param title the signal's name in the file ("" if none)
 * @param signalType what the signal is, as the file says: "EELS", "EDS"… ("" if not said)
 * @param axes calibrated axes, fastest first
 * @param values the data, in storage order
 * @param acquisition the key acquisition settings
 * @param metadata the tags that belong to this signal, as nested maps (String keys; values are
 *     String, Long, Double, Boolean, List or Map)
 */
public record EmSignal(String title, String signalType, List<Axis> axes, StoredValues values,
	AcquisitionInfo acquisition, Map<String, Object> metadata)
{

	/**
	 * Checks that the axes describe the values.
	 *
	 * @param title name
	 * @param signalType kind of signal
	 * @param axes axes, fastest first
	 * @param values data
	 * @param acquisition key settings
	 * @param metadata tags
	 */
	public EmSignal {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(signalType, "signalType");
		axes = List.copyOf(axes);
		Objects.requireNonNull(values, "values");
		Objects.requireNonNull(acquisition, "acquisition");
		Objects.requireNonNull(metadata, "metadata");
		long n = 1;
		for (Axis a : axes)
			n = Math.multiplyExact(n, a.size());
		if (n != values.length())
			throw new IllegalArgumentException("axes describe " + n + " values but the data hold " + values.length());
	}

	/** {@return how each value is stored} */
	public ElementType type() {
		return values.type();
	}

	/** {@return the size of each axis, fastest first} */
	public long[] shape() {
		long[] shape = new long[axes.size()];
		for (int d = 0; d < shape.length; d++)
			shape[d] = axes.get(d).size();
		return shape;
	}

	/** {@return the number of values} */
	public long size() {
		return values.length();
	}

	/** {@return the index of the first axis calibrated in eV or keV, −1 when there is none} */
	public int energyAxis() {
		for (int d = 0; d < axes.size(); d++)
			if (axes.get(d).isEnergy())
				return d;
		return -1;
	}

	/**
	 * Mean of all values, summed in double precision, reading the data once in storage order.
	 *
	 * @param progress reports progress, can cancel
	 * @return the mean, or NaN for complex and RGBA data (which have no single mean)
	 */
	public double mean(Progress progress) {
		if (!type().isReal())
			return Double.NaN;
		long n = values.length();
		double[] chunk = new double[(int) Math.min(n, 1 << 16)];
		double sum = 0;
		for (long start = 0; start < n; start += chunk.length) {
			int count = (int) Math.min(chunk.length, n - start);
			values.read(start, chunk, 0, count);
			for (int i = 0; i < count; i++)
				sum += chunk[i];
			progress.checkCanceled();
			progress.fraction((double) (start + count) / n);
		}
		return sum / n;
	}

	/**
	 * A lazy ImgLib2 view of the values as float, dimensions = {@link #shape()} (fastest first,
	 * so x before y for images). Each access reads from the file; copy it for repeated use.
	 *
	 * @return the view
	 * @throws org.ml4em.BadInputException for complex and RGBA data
	 */
	public RandomAccessibleInterval<FloatType> image() {
		values.requireReal();
		long[] shape = shape();
		long[] strides = new long[shape.length];
		long stride = 1;
		for (int d = 0; d < shape.length; d++) {
			strides[d] = stride;
			stride *= shape[d];
		}
		StoredValues data = values;
		FunctionRandomAccessible<FloatType> function = new FunctionRandomAccessible<>(shape.length,
			(Localizable position, FloatType value) -> {
				long index = 0;
				for (int d = 0; d < strides.length; d++)
					index += position.getLongPosition(d) * strides[d];
				value.setReal(data.get(index));
			}, FloatType::new);
		return Views.interval(function, new FinalInterval(shape));
	}

	/**
	 * {@link #image()} with a spectrum image's energy axis moved last, so that the view is
	 * {@code (x, y, energy)} whatever the storage order — the layout of an image whose third axis
	 * holds the features of each pixel. Other signals are returned as stored.
	 *
	 * @return the view
	 * @throws org.ml4em.BadInputException for complex and RGBA data
	 */
	public RandomAccessibleInterval<FloatType> imageEnergyLast() {
		RandomAccessibleInterval<FloatType> view = image();
		int energy = energyAxis();
		int last = axes.size() - 1;
		return energy >= 0 && axes.size() >= 3 && energy != last ? Views.moveAxis(view, energy, last) : view;
	}
}
