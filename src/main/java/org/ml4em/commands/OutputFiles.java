package org.ml4em.commands;

/**
 * How the headless launcher names output files: after the output parameter, unless the parameter
 * carries the attribute {@value #SUFFIX} (needed when the natural name is taken by an input, as
 * {@code clusters} is in EELS Thickness Map). An output carrying {@value #ON_REQUEST} is written
 * only to the file named by {@code output_<suffix>=} (Find Atomic Columns'
 * {@code output_map='heatmap.tif'}), and does not decide what {@code output=} must name.
 */
public final class OutputFiles {

	/** Attribute of an output parameter: the file-name suffix to use instead of its name. */
	public static final String SUFFIX = "file_suffix";

	/** Attribute of an output parameter: written headless only when {@code output_<suffix>=} names its file. */
	public static final String ON_REQUEST = "on_request";

	/** The launcher's key prefix that names the file of an output written on request. */
	public static final String REQUEST_PREFIX = "output_";

	private OutputFiles() {}
}
