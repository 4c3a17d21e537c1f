package org.ml4em;

/**
 * Maps the fractions of one step of a job onto its share {@code [from, to]} of the whole, so that
 * a step reports 0 … 1 and the whole still moves forward once.
 */
public final class ProgressRange implements Progress {

	private final Progress whole;
	private final double from;
	private final double to;
	private final String statusPrefix;

	/**
	 * @param whole the job's progress
	 * @param from fraction of the whole when the step starts
	 * @param to fraction of the whole when the step ends
	 */
	public ProgressRange(Progress whole, double from, double to) {
		this(whole, from, to, "");
	}

	/**
	 * @param whole the job's progress
	 * @param from fraction of the whole when the step starts
	 * @param to fraction of the whole when the step ends
	 * @param statusPrefix put before the step's status messages, e.g. "Replica 3/100: "
	 */
	public ProgressRange(Progress whole, double from, double to, String statusPrefix) {
		this.whole = whole;
		this.from = from;
		this.to = to;
		this.statusPrefix = statusPrefix;
	}

	@Override
	public void status(String message) {
		whole.status(statusPrefix + message);
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
