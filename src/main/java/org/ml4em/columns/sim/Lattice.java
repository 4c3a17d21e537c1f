package org.ml4em.columns.sim;

import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;

/**
 * The projected crystal structures the simulator knows: a 2-D Bravais lattice (vectors a₁, a₂ in Å)
 * with a basis of atomic columns, each with the atomic numbers stacked in it. HAADF contrast grows as
 * Σ Z^n over the atoms of a column, so a column of two S atoms (MoS₂'s S₂) and one Mo column are two
 * intensity classes.
 */
public enum Lattice {
	/** Graphene: honeycomb, a = 2.46 Å, two C columns per cell. */
	GRAPHENE(2.46, 0.5, Math.sqrt(3) / 2, List.of(new Site("C", 0, 0, 6), new Site("C", 1 / 3.0, 1 / 3.0, 6))),
	/** Hexagonal boron nitride: honeycomb, a = 2.50 Å, B and N columns. */
	HBN(2.50, 0.5, Math.sqrt(3) / 2, List.of(new Site("B", 0, 0, 5), new Site("N", 1 / 3.0, 1 / 3.0, 7))),
	/** MoS₂ (2H, along c): hexagonal, a = 3.16 Å, one Mo column and one S₂ column per cell. */
	MOS2(3.16, 0.5, Math.sqrt(3) / 2, List.of(new Site("Mo", 0, 0, 42), new Site("S2", 1 / 3.0, 1 / 3.0, 16, 16))),
	/** A cubic perovskite along [001]: square, a = 3.905 Å, Sr columns at the corners, Ti–O columns at the centres. */
	SQUARE(3.905, 0, 1, List.of(new Site("Sr", 0, 0, 38), new Site("TiO", 0.5, 0.5, 22, 8)));

	/**
	 * One column of the basis.
	 *
	 * @param species name used in ground-truth tables
	 * @param u fractional coordinate along a₁
	 * @param v fractional coordinate along a₂
	 * @param atomicNumbers Z of each atom stacked in the column
	 */
	public record Site(String species, double u, double v, int... atomicNumbers) {

		/** {@return Σ Z^n over the column's atoms} @param exponent the Z-contrast exponent n */
		public double weight(double exponent) {
			double w = 0;
			for (int z : atomicNumbers) w += Math.pow(z, exponent);
			return w;
		}
	}

	private final double constant, a2x, a2y;
	private final List<Site> basis;

	/** a₁ = (a, 0), a₂ = a·(a2x, a2y). */
	Lattice(double constant, double a2x, double a2y, List<Site> basis) {
		this.constant = constant;
		this.a2x = a2x;
		this.a2y = a2y;
		this.basis = basis;
	}

	/** {@return the lattice constant a, Å} */
	public double constant() {
		return constant;
	}

	/** {@return the columns of one unit cell} */
	public List<Site> basis() {
		return basis;
	}

	/** {@return a₂ in Å, (x, y)} */
	double[] secondVector() {
		return new double[] { constant * a2x, constant * a2y };
	}

	/**
	 * {@return the lattice of a name, any case: graphene, hbn, mos2, square}
	 *
	 * @param name the name
	 * @throws BadInputException when the name is not known
	 */
	public static Lattice parse(String name) {
		String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
		for (Lattice l : values())
			if (l.name().equals(n)) return l;
		throw new BadInputException("lattice='" + name + "' is not known; expected graphene, hbn, mos2 or square.");
	}
}
