package org.ml4em.columns.sim;

import java.util.Locale;

/**
 * What stands at a lattice site of a simulated image: the host column, nothing (a vacancy), or a
 * substituted heavier column (a dopant). These are the classes the column finder learns and the
 * values of the {@code class} column of ground-truth tables.
 */
public enum ColumnClass {
	/** A regular column of the host lattice. */
	ATOM,
	/** A site whose column is missing. */
	VACANCY,
	/** A site whose column is replaced by a heavier one. */
	DOPANT;

	/** {@return the lower-case name used in tables: atom, vacancy, dopant} */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
