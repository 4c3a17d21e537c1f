package org.ml4em.eels;

/** A spectrum image passing every call to another one; tests override what they watch. */
class ForwardingSpectrumImage implements SpectrumImage {

	private final SpectrumImage inner;

	ForwardingSpectrumImage(SpectrumImage inner) {
		this.inner = inner;
	}

	@Override
	public int width() {
		return inner.width();
	}

	@Override
	public int height() {
		return inner.height();
	}

	@Override
	public int channels() {
		return inner.channels();
	}

	@Override
	public EnergyAxis energyAxis() {
		return inner.energyAxis();
	}

	@Override
	public void spectrum(int x, int y, double[] dst) {
		inner.spectrum(x, y, dst);
	}
}
