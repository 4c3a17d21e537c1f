package org.ml4em.eels;

import org.ml4em.Progress;

/** Maps the fractions of one step of a job onto its share {@code [from, to]} of the whole. */
final class ProgressRange implements Progress {

	private final Progress whole;
	private final double from;
	private final double to;

	ProgressRange(Progress whole, double from, double to) {
		this.whole = whole;
		this.from = from;
		this.to = to;
	}

	@Override
	public void status(String message) {
		whole.status(message);
	}

	@Override
	public void fraction(double done) {
		whole.fraction(from + (to - from) * Math.max(0, Math.min(1, done)));
	}

	@Override
	public boolean isCanceled() {
		return whole.isCanceled();
	}

	@Override
	public void log(String message) {
		whole.log(message);
	}
}
