package org.ml4em;

import java.util.concurrent.CancellationException;

/**
 * Where long-running engines report what they are doing and learn whether the user has asked
 * them to stop.
 * <p>
 * Engines call {@link #checkCanceled()} at their natural unit of work (a restart, an iteration,
 * a tile); it throws {@link CancellationException} so that no partial result escapes. Commands
 * adapt this interface to SciJava's {@code StatusService}, the headless launcher to stdout.
 * Implementations must be safe to call from several threads.
 */
public interface Progress {

	/** A sink that ignores everything and is never canceled. */
	Progress NONE = new Progress() {
		@Override
		public void status(String message) {}

		@Override
		public void fraction(double done) {}

		@Override
		public boolean isCanceled() {
			return false;
		}
	};

	/** Shows a short status line ("Restart 2/10: iteration 14"). */
	void status(String message);

	/** Reports the fraction of the whole job done, in [0, 1]. */
	void fraction(double done);

	/** True once the user asked to stop. */
	boolean isCanceled();

	/** Logs a message the user should see even after the job ends (a warning, a device report). */
	default void log(String message) {
		status(message);
	}

	/** Throws {@link CancellationException} if the user asked to stop. */
	default void checkCanceled() {
		if (isCanceled()) throw new CancellationException("Canceled by the user.");
	}
}
