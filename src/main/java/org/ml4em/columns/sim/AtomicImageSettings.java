package org.ml4em.columns.sim;

import java.util.function.Consumer;

import org.ml4em.BadInputException;

/**
 * Everything {@link AtomicImageSimulator} needs to make one HAADF-STEM image (SCIENCE.md section 3):
 * {@code I(r) = background + Σ_j (Σ Z^n)_j · P(r − r_j)} in expected detected electrons, then Poisson
 * and read noise, sampled along a distorted scan. Immutable; the {@code with…} methods give copies.
 *
 * <pre>
 * AtomicImageSettings s = AtomicImageSettings.defaults().withLattice(Lattice.MOS2).withPixelSize(0.1).withDose(2, 1).withSeed(7);
 * SimulatedAtomicImage image = new AtomicImageSimulator(s).simulate();
 * </pre>
 *
 * @param width pixels
 * @param height pixels
 * @param pixelSize Å per pixel
 * @param lattice the projected structure
 * @param rotation lattice rotation, degrees
 * @param probeFwhm FWHM of the probe's Gaussian core, Å
 * @param tailFraction share of the probe's intensity in its wide tail, 0 … <1
 * @param tailFwhm FWHM of the tail's Gaussian, Å
 * @param zExponent n of the Z-contrast Σ Z^n, 1 … 2.5
 * @param beamCurrent probe current, pA
 * @param dwellTime dwell time per pixel, µs; the dose is 6.24 · current · dwell electrons per pixel
 * @param detectorFraction share of the dose detected at the centre of a single-carbon-atom column
 * @param background detected background, in units of a single-carbon column's peak
 * @param gradient relative change of the background across the image, x and y alike
 * @param readNoise standard deviation of Gaussian detector noise, electrons
 * @param rowJitter standard deviation of the random shift of each scan row, pixels
 * @param driftX drift along x over the whole frame, pixels
 * @param driftY drift along y over the whole frame, pixels (stretches the image)
 * @param shear shift of each row along x per row, pixels
 * @param vacancyFraction share of sites left empty
 * @param dopantFraction share of the remaining sites whose first atom is replaced by a dopant
 * @param dopantZ atomic number of the dopant; 0 for eight more than the replaced atom's (one period down)
 * @param seed seed of everything random
 */
public record AtomicImageSettings(int width, int height, double pixelSize, Lattice lattice, double rotation, double probeFwhm, double tailFraction,
	double tailFwhm, double zExponent, double beamCurrent, double dwellTime, double detectorFraction, double background, double gradient,
	double readNoise, double rowJitter, double driftX, double driftY, double shear, double vacancyFraction, double dopantFraction, int dopantZ,
	long seed)
{
	/** Electrons per pA·µs. */
	public static final double ELECTRONS_PER_PICOAMPERE_MICROSECOND = 6.24;

	/** Pixel sizes the simulator (and the column finder) are meant for, Å. */
	public static final double MIN_PIXEL_SIZE = 0.05, MAX_PIXEL_SIZE = 0.2;

	/**
	 * Checks the values.
	 *
	 * @throws BadInputException naming the first value out of range
	 */
	public AtomicImageSettings {
		if (width < 8 || height < 8) throw new BadInputException("The image must be at least 8 x 8 pixels, got " + width + " x " + height + ".");
		if ((long) width * height > 1L << 28) throw new BadInputException("The image of " + width + " x " + height + " pixels is too large to simulate.");
		if (!(pixelSize > 0 && pixelSize <= 2)) throw new BadInputException("pixel_size=" + pixelSize + " Å; expected a positive size up to 2 Å.");
		if (lattice == null) throw new BadInputException("No lattice given.");
		if (!(probeFwhm > 0)) throw new BadInputException("probe_fwhm=" + probeFwhm + " Å; expected a positive width.");
		if (!(tailFraction >= 0 && tailFraction < 1)) throw new BadInputException("tail_fraction=" + tailFraction + "; expected 0 to below 1.");
		if (!(tailFwhm > 0)) throw new BadInputException("tail_fwhm=" + tailFwhm + " Å; expected a positive width.");
		if (!(zExponent >= 1 && zExponent <= 2.5)) throw new BadInputException("z_exponent=" + zExponent + "; expected 1 to 2.5.");
		if (!(beamCurrent > 0 && dwellTime > 0)) throw new BadInputException("The beam current and dwell time must be positive, got " + beamCurrent
			+ " pA and " + dwellTime + " µs.");
		if (!(detectorFraction > 0 && detectorFraction <= 1)) throw new BadInputException("detector_fraction=" + detectorFraction + "; expected above 0, up to 1.");
		if (!(background >= 0) || !Double.isFinite(gradient) || Math.abs(gradient) > 2)
			throw new BadInputException("background=" + background + ", gradient=" + gradient + "; expected a background ≥ 0 and a gradient within ±2.");
		if (!(readNoise >= 0 && rowJitter >= 0)) throw new BadInputException("The read noise and row jitter must be ≥ 0.");
		if (!Double.isFinite(driftX + driftY + shear + rotation)) throw new BadInputException("Drift, shear and rotation must be finite numbers.");
		if (!(vacancyFraction >= 0 && dopantFraction >= 0 && vacancyFraction + dopantFraction < 1))
			throw new BadInputException("vacancies=" + vacancyFraction + ", dopants=" + dopantFraction + "; expected fractions ≥ 0 that sum to below 1.");
		if (dopantZ < 0 || dopantZ > 118) throw new BadInputException("dopant_z=" + dopantZ + "; expected an atomic number, or 0 for automatic.");
	}

	/**
	 * {@return 256 x 256 graphene at 0.1 Å per pixel, unrotated; probe 1.1 Å FWHM with 5 % in a 4 Å
	 * tail; n = 1.7; 10 pA × 2 µs (125 e⁻ per pixel), 5 % detected at a carbon column (about 6 e⁻
	 * at its peak); background 0.1 with no gradient; read noise 0.5 e⁻; no distortions; 2 %
	 * vacancies and 2 % dopants (Si); seed 1}
	 */
	public static AtomicImageSettings defaults() {
		return new AtomicImageSettings(256, 256, 0.1, Lattice.GRAPHENE, 0, 1.1, 0.05, 4, 1.7, 10, 2, 0.05, 0.1, 0, 0.5, 0, 0, 0, 0, 0.02, 0.02, 0, 1);
	}

	/**
	 * {@return the beam current, pA, that gives {@code peakElectrons} detected electrons at a carbon
	 * column's peak}: peak = 6.24 · current · dwell · detected fraction, solved for the current
	 */
	public static double beamCurrentFor(double peakElectrons, double dwellMicroseconds, double detectorFraction) {
		return peakElectrons / (ELECTRONS_PER_PICOAMPERE_MICROSECOND * dwellMicroseconds * detectorFraction);
	}

	/** {@return electrons per pixel: 6.24 · current (pA) · dwell (µs)} */
	public double dose() {
		return ELECTRONS_PER_PICOAMPERE_MICROSECOND * beamCurrent * dwellTime;
	}

	/** {@return a copy of another size} @param w pixels @param h pixels */
	public AtomicImageSettings withSize(int w, int h) {
		return with(c -> {
			c.width = w;
			c.height = h;
		});
	}

	/** {@return a copy with another pixel size} @param angstrom Å per pixel */
	public AtomicImageSettings withPixelSize(double angstrom) {
		return with(c -> c.pixelSize = angstrom);
	}

	/** {@return a copy with another lattice and rotation} @param l lattice @param degrees rotation */
	public AtomicImageSettings withLattice(Lattice l, double degrees) {
		return with(c -> {
			c.lattice = l;
			c.rotation = degrees;
		});
	}

	/** {@return a copy with another probe} @param fwhm core FWHM, Å @param tail tail share @param tailWidth tail FWHM, Å */
	public AtomicImageSettings withProbe(double fwhm, double tail, double tailWidth) {
		return with(c -> {
			c.probeFwhm = fwhm;
			c.tailFraction = tail;
			c.tailFwhm = tailWidth;
		});
	}

	/** {@return a copy with another Z-contrast exponent} @param n the exponent */
	public AtomicImageSettings withZExponent(double n) {
		return with(c -> c.zExponent = n);
	}

	/** {@return a copy with another dose} @param picoampere beam current @param microseconds dwell time */
	public AtomicImageSettings withDose(double picoampere, double microseconds) {
		return with(c -> {
			c.beamCurrent = picoampere;
			c.dwellTime = microseconds;
		});
	}

	/** {@return a copy with another background and read noise} @param level background @param slope gradient @param noise read noise */
	public AtomicImageSettings withBackground(double level, double slope, double noise) {
		return with(c -> {
			c.background = level;
			c.gradient = slope;
			c.readNoise = noise;
		});
	}

	/** {@return a copy with other scan distortions} @param jitter row jitter, px @param dx drift x, px @param dy drift y, px @param s shear, px per row */
	public AtomicImageSettings withDistortions(double jitter, double dx, double dy, double s) {
		return with(c -> {
			c.rowJitter = jitter;
			c.driftX = dx;
			c.driftY = dy;
			c.shear = s;
		});
	}

	/** {@return a copy with other defects} @param vacancies share @param dopants share @param z dopant Z, 0 for automatic */
	public AtomicImageSettings withDefects(double vacancies, double dopants, int z) {
		return with(c -> {
			c.vacancyFraction = vacancies;
			c.dopantFraction = dopants;
			c.dopantZ = z;
		});
	}

	/** {@return a copy with another seed} @param s seed */
	public AtomicImageSettings withSeed(long s) {
		return with(c -> c.seed = s);
	}

	private AtomicImageSettings with(Consumer<Copy> change) {
		Copy copy = new Copy(this);
		change.accept(copy);
		return copy.build();
	}

	/** A mutable copy of the settings, so that each wither names only what it changes. */
	private static final class Copy {
		int width, height, dopantZ;
		double pixelSize, rotation, probeFwhm, tailFraction, tailFwhm, zExponent, beamCurrent, dwellTime, detectorFraction, background, gradient;
		double readNoise, rowJitter, driftX, driftY, shear, vacancyFraction, dopantFraction;
		Lattice lattice;
		long seed;

		Copy(AtomicImageSettings s) {
			width = s.width;
			height = s.height;
			pixelSize = s.pixelSize;
			lattice = s.lattice;
			rotation = s.rotation;
			probeFwhm = s.probeFwhm;
			tailFraction = s.tailFraction;
			tailFwhm = s.tailFwhm;
			zExponent = s.zExponent;
			beamCurrent = s.beamCurrent;
			dwellTime = s.dwellTime;
			detectorFraction = s.detectorFraction;
			background = s.background;
			gradient = s.gradient;
			readNoise = s.readNoise;
			rowJitter = s.rowJitter;
			driftX = s.driftX;
			driftY = s.driftY;
			shear = s.shear;
			vacancyFraction = s.vacancyFraction;
			dopantFraction = s.dopantFraction;
			dopantZ = s.dopantZ;
			seed = s.seed;
		}

		AtomicImageSettings build() {
			return new AtomicImageSettings(width, height, pixelSize, lattice, rotation, probeFwhm, tailFraction, tailFwhm, zExponent, beamCurrent, dwellTime,
				detectorFraction, background, gradient, readNoise, rowJitter, driftX, driftY, shear, vacancyFraction, dopantFraction, dopantZ, seed);
		}
	}
}
