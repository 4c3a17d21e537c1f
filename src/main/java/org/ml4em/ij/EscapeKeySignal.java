package org.ml4em.ij;

import org.ml4em.commands.CancelSignal;
import org.scijava.plugin.Plugin;

import ij.IJ;

/**
 * Esc stops ML4EM commands in Fiji, as it stops ImageJ 1.x plugins. Inert in the headless
 * launcher, which has no keyboard to watch and cancels on Ctrl-C instead.
 */
@Plugin(type = CancelSignal.class)
public class EscapeKeySignal implements CancelSignal {

	@Override
	public boolean raised() {
		return !Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY) && IJ.escapePressed();
	}

	@Override
	public void clear() {
		if (!Boolean.getBoolean(ResultTableDisplay.LAUNCHER_PROPERTY)) IJ.resetEscape();
	}
}
