package org.ml4em.ij;

import org.ml4em.Progress;

import ij.IJ;

/**
 * Shows an engine's progress in ImageJ's status bar and progress bar; Esc cancels.
 * <p>
 * Engine log messages go to the status bar too, not to the Log window: the plugin writes one
 * summary line per run itself, which already names the device and the excluded pixels. Safe to
 * call from any thread (the {@link IJ} methods used are).
 */
final class ImageJProgress implements Progress {

	private final String prefix;

	/**
	 * @param command shown before each status message, e.g. "K-means Clustering"
	 */
	ImageJProgress(String command) {
		this.prefix = command + ": ";
		// A stale Esc from earlier work must not cancel this run.
		IJ.resetEscape();
	}

	// -- Progress methods --

	@Override
	public void status(String message) {
		IJ.showStatus(prefix + message);
	}

	@Override
	public void fraction(double done) {
		IJ.showProgress(done);
	}

	@Override
	public boolean isCanceled() {
		return IJ.escapePressed();
	}

	@Override
	public void log(String message) {
		status(message);
	}
}
