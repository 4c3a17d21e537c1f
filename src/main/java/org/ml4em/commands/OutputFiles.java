package org.ml4em.commands;

/**
 * How the headless launcher names output files: after the output parameter, unless the parameter
 * carries the attribute {@value #SUFFIX} (needed when the natural name is taken by an input, as
 * {@code clusters} is in EELS Thickness Map).
 */
public final class OutputFiles {

	/** Attribute of an output parameter: the file-name suffix to use instead of its name. */
	public static final String SUFFIX = "file_suffix";

	private OutputFiles() {}
}
