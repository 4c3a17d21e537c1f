package org.ml4em.commands;

import org.ml4em.Progress;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Adapts an engine's {@link Progress} to SciJava: status and fraction go to the
 * {@link StatusService} (Fiji's status bar, the launcher's stderr), log lines to the
 * {@link LogService}; canceling the command or interrupting its thread cancels the engine.
 */
final class StatusServiceProgress implements Progress {

	private static final int STEPS = 1000;

	private final StatusService status;
	private final LogService log;
	private final Cancelable command;

	StatusServiceProgress(StatusService status, LogService log, Cancelable command) {
		this.status = status;
		this.log = log;
		this.command = command;
	}

	@Override
	public void status(String message) {
		if (status != null) status.showStatus(message);
	}

	@Override
	public void fraction(double done) {
		if (status != null) status.showProgress((int) Math.round(done * STEPS), STEPS);
	}

	@Override
	public void log(String message) {
		if (log != null) log.info(message);
		status(message);
	}

	@Override
	public boolean isCanceled() {
		return command.isCanceled() || Thread.currentThread().isInterrupted();
	}
}
