package org.ml4em.commands;

import java.util.concurrent.atomic.AtomicLong;

import org.ml4em.eels.SpectrumImage;
import org.ml4em.io.ElementType;
import org.ml4em.io.StoredValues;

/**
 * The values of a spectrum image computed on demand, energy fastest, as a file reader would store
 * them: a stand-in for a memory-mapped file larger than the heap. Counts every value read.
 */
final class GeneratedValues implements StoredValues {

	private final SpectrumImage source;
	private final int channels;
	private final ThreadLocal<double[]> spectrum;
	final AtomicLong valuesRead = new AtomicLong();

	GeneratedValues(SpectrumImage source) {
		this.source = source;
		this.channels = source.channels();
		this.spectrum = ThreadLocal.withInitial(() -> new double[channels]);
	}

	@Override
	public ElementType type() {
		return ElementType.FLOAT32;
	}

	@Override
	public long length() {
		return source.pixels() * channels;
	}

	@Override
	public double get(long index) {
		double[] one = new double[1];
		read(index, one, 0, 1);
		return one[0];
	}

	@Override
	public void read(long start, double[] dst, int offset, int count) {
		valuesRead.addAndGet(count);
		double[] s = spectrum.get();
		for (int done = 0; done < count;) {
			long index = start + done;
			int pixel = (int) (index / channels), c = (int) (index % channels);
			source.spectrum(pixel % source.width(), pixel / source.width(), s);
			int n = Math.min(count - done, channels - c);
			for (int i = 0; i < n; i++) dst[offset + done + i] = (float) s[c + i];
			done += n;
		}
	}
}
