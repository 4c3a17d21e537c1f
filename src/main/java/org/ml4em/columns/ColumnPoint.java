package org.ml4em.columns;

/**
 * A column position with its class, as found or as known: the unit that {@link ColumnMatching} compares.
 *
 * @param x pixel column (sub-pixel)
 * @param y pixel row (sub-pixel)
 * @param label the class, e.g. atom, vacancy, dopant
 */
public record ColumnPoint(double x, double y, String label) {}
