package org.ml4em.commands;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.TensorFlowUnavailableException;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.PluginService;

/**
 * What every ML4EM command does the same way: progress to Fiji's status bar (cancel by Esc, by
 * interrupt, by Ctrl-C in the launcher), the summary to the log, and bad input, an unreadable file
 * or a cancel turned into one sentence that cancels the command, so that nothing is written.
 */
public abstract class Ml4emCommand extends ContextCommand {

	@Parameter(required = false)
	private StatusService statusService;

	@Parameter(required = false)
	private LogService logService;

	@Parameter(required = false)
	private PluginService pluginService;

	@Override
	public final void run() {
		try {
			String summary = execute(new StatusServiceProgress(statusService, logService, pluginService, this));
			if (logService != null && summary != null)
				logService.info(summary);
		}
		catch (IOException | BadInputException | TensorFlowUnavailableException e) {
			fail(e.getMessage());
		}
		catch (CancellationException e) {
			fail(getClass().getAnnotation(Plugin.class).label() + " was canceled; nothing was written.");
		}
	}

	/**
	 * Does the work and sets the outputs.
	 *
	 * @param progress status, fraction and cancel
	 * @return the one-paragraph summary for the log
	 * @throws IOException when a file cannot be read
	 * @throws BadInputException on bad parameters or data, with one sentence
	 */
	protected abstract String execute(Progress progress) throws IOException;

	private void fail(String message) {
		if (logService != null)
			logService.error(message);
		cancel(message);
	}
}
