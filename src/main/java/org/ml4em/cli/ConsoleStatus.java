package org.ml4em.cli;

import java.io.PrintStream;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * Shows the status and progress that commands send to SciJava's StatusService on the console,
 * at most a few lines a second so that long runs stay readable in logs.
 */
final class ConsoleStatus {

	private static final long MIN_INTERVAL_MS = 500;

	private final PrintStream err;
	private long lastPrinted;
	private String lastMessage = "";

	ConsoleStatus(PrintStream err) {
		this.err = err;
	}

	@EventHandler
	public synchronized void onEvent(StatusEvent event) {
		String message = event.getStatusMessage();
		long now = System.currentTimeMillis();
		boolean changed = message != null && !message.isEmpty() && !message.equals(lastMessage);
		if (!changed || now - lastPrinted < MIN_INTERVAL_MS) return;
		int percent = event.getProgressMaximum() > 0 ? (int) (100L * event.getProgressValue() / event.getProgressMaximum()) : -1;
		err.println(percent >= 0 ? String.format("[%3d%%] %s", percent, message) : message);
		lastMessage = message;
		lastPrinted = now;
	}
}
