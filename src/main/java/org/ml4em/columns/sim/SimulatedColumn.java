package org.ml4em.columns.sim;

/**
 * One lattice site of a simulated image, as it appears in the image.
 *
 * @param x pixel column of the site's centre (sub-pixel; 0 is the centre of the first pixel)
 * @param y pixel row of the site's centre
 * @param columnClass atom, vacancy or dopant
 * @param species the host species at the site (e.g. "Mo", "S2"), also for vacancies and dopants
 */
public record SimulatedColumn(double x, double y, ColumnClass columnClass, String species) {}
