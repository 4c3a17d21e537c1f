package org.ml4em.eels;

import java.util.concurrent.atomic.AtomicBoolean;

import org.ml4em.Progress;

/** A progress sink that asks to stop once the reported fraction reaches a threshold. */
final class CancelAfter implements Progress {

	private final double threshold;
	private final AtomicBoolean canceled = new AtomicBoolean();
	volatile double highest;

	CancelAfter(double threshold) {
		this.threshold = threshold;
	}

	@Override
	public void status(String message) {}

	@Override
	public void fraction(double done) {
		highest = Math.max(highest, done);
		if (done >= threshold) canceled.set(true);
	}

	@Override
	public boolean isCanceled() {
		return canceled.get();
	}
}
