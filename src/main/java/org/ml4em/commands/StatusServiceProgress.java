package org.ml4em.commands;

import java.util.List;

import org.ml4em.Progress;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.scijava.plugin.PluginService;

/**
 * Adapts an engine's {@link Progress} to SciJava: status and fraction go to the
 * {@link StatusService} (Fiji's status bar, the launcher's stderr), log lines to the
 * {@link LogService}; canceling the command, interrupting its thread or raising a
 * {@link CancelSignal} of the host (Esc in ImageJ) cancels the engine.
 */
final class StatusServiceProgress implements Progress {

	private static final int STEPS = 1000;

	private final StatusService status;
	private final LogService log;
	private final Cancelable command;
	private final List<CancelSignal> signals;

	/** @param plugins finds the host's cancel signals; may be null (none) */
	StatusServiceProgress(StatusService status, LogService log, PluginService plugins, Cancelable command) {
		this.status = status;
		this.log = log;
		this.command = command;
		this.signals = plugins == null ? List.of() : plugins.createInstancesOfType(CancelSignal.class);
		signals.forEach(CancelSignal::clear);
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
		return command.isCanceled() || Thread.currentThread().isInterrupted() || signals.stream().anyMatch(CancelSignal::raised);
	}
}
