package org.ml4em.commands;

import org.scijava.plugin.SciJavaPlugin;

/**
 * A way for the user to stop a running command that the host application provides, such as
 * ImageJ's Esc key. Commands poll every signal found in the context through their progress
 * adapter; the host-specific implementations live where the host is known (the {@code ij}
 * package), so commands stay free of ImageJ 1.x.
 */
public interface CancelSignal extends SciJavaPlugin {

	/** True once the user asked to stop. */
	boolean raised();

	/** Forgets an earlier request, at the start of a run, so a stale key press does not cancel it. */
	void clear();
}
