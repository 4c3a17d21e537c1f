package org.ml4em.columns.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Makes a HAADF-STEM image of a projected lattice with vacancies and dopants, and its ground truth
 * (SCIENCE.md section 3). Deterministic for given settings.
 *
 * <pre>
 * SimulatedAtomicImage image = new AtomicImageSimulator(AtomicImageSettings.defaults().withSeed(3)).simulate();
 * for (SimulatedColumn c : image.columns()) ... // x, y in pixels, class
 * </pre>
 *
 * Steps:
 * <ol>
 * <li>Sites: the lattice, rotated, shifted by a random fraction of a cell, covering the scanned area
 * plus the probe's reach; each site is a vacancy with probability {@code vacancyFraction}, else a
 * dopant with probability {@code dopantFraction} (its first atom replaced), else the host column.</li>
 * <li>Scan: pixel (i, j) probes the specimen at {@code ((i + jitter_j + shear·j + driftX·j/h)·s,
 * (j + driftY·j/h)·s)}, s the pixel size: each row has its own random jitter, drift and shear grow
 * with the row (time). A site's image position is that map inverted without the jitter, which has no
 * mean.</li>
 * <li>Expected electrons: {@code dose · f · [b·(1 + g·(x/w + y/h − 1)) + Σ_sites (Σ Z^n)/6^n · P(r − r_site)]},
 * f the detected share at a carbon column, b the background, g its gradient, and P the probe, a
 * Gaussian of peak 1 plus a wider Gaussian holding {@code tailFraction} of the area.</li>
 * <li>Noise: Poisson counts, then Gaussian read noise.</li>
 * </ol>
 */
public final class AtomicImageSimulator {

	/** Reach of a Gaussian, in its standard deviations: beyond it the probe adds less than 10⁻⁵ of its peak. */
	private static final double REACH_SIGMAS = 5;
	private static final double FWHM_TO_SIGMA = 1 / (2 * Math.sqrt(2 * Math.log(2)));

	private final AtomicImageSettings settings;

	/** @param settings what to simulate */
	public AtomicImageSimulator(AtomicImageSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** {@return the image and its ground truth} */
	public SimulatedAtomicImage simulate() {
		AtomicImageSettings s = settings;
		SplittableRandom random = new SplittableRandom(s.seed());
		Expected e = expectedCounts(random);
		double[] mean = e.mean();
		List<Placed> sites = e.sites();
		SplittableRandom noise = random.split();
		float[] pixels = new float[mean.length];
		for (int k = 0; k < mean.length; k++)
			pixels[k] = (float) (CountingNoise.poisson(mean[k], noise) + s.readNoise() * noise.nextGaussian());
		List<SimulatedColumn> truth = new ArrayList<>();
		for (Placed p : sites) {
			double y = p.y / s.pixelSize() / (1 + s.driftY() / s.height());
			double x = p.x / s.pixelSize() - s.shear() * y - s.driftX() * y / s.height();
			if (x >= -0.5 && x < s.width() - 0.5 && y >= -0.5 && y < s.height() - 0.5) truth.add(new SimulatedColumn(x, y, p.columnClass, p.species));
		}
		return new SimulatedAtomicImage(s, pixels, List.copyOf(truth));
	}

	/**
	 * {@return the noise-free image}: the detected electrons each pixel of {@link #simulate()}'s
	 * image has as its mean (the same sites, distortions and background), before counting and
	 * read noise
	 */
	public float[] expected() {
		double[] mean = expectedCounts(new SplittableRandom(settings.seed())).mean();
		float[] out = new float[mean.length];
		for (int k = 0; k < mean.length; k++)
			out[k] = (float) mean[k];
		return out;
	}

	/** Mean detected electrons per pixel, and the sites placed. */
	private record Expected(double[] mean, List<Placed> sites) {}

	/** Draws the row shifts and the sites from {@code random}, in that order, and images them without noise. */
	private Expected expectedCounts(SplittableRandom random) {
		AtomicImageSettings s = settings;
		double[] rowShift = new double[s.height()];
		for (int j = 0; j < rowShift.length; j++)
			rowShift[j] = s.rowJitter() * random.nextGaussian() + s.shear() * j + s.driftX() * j / s.height();
		List<Placed> sites = sites(random.split());
		double[] expected = new double[s.width() * s.height()];
		for (Placed p : sites)
			if (p.weight > 0) addProbe(expected, p, rowShift);
		double scale = s.dose() * s.detectorFraction();
		for (int j = 0; j < s.height(); j++)
			for (int i = 0; i < s.width(); i++) {
				int k = i + j * s.width();
				double background = s.background() * (1 + s.gradient() * ((double) i / s.width() + (double) j / s.height() - 1));
				expected[k] = scale * (Math.max(0, background) + expected[k]);
			}
		return new Expected(expected, sites);
	}

	/** A site in specimen coordinates (Å), with its class and its Σ Z^n relative to one carbon atom. */
	private record Placed(double x, double y, ColumnClass columnClass, String species, double weight) {}

	/** Every site whose probe reaches the scanned area, in specimen coordinates. */
	private List<Placed> sites(SplittableRandom random) {
		AtomicImageSettings s = settings;
		Lattice lattice = s.lattice();
		double reach = REACH_SIGMAS * Math.max(s.probeFwhm(), s.tailFraction() > 0 ? s.tailFwhm() : 0) * FWHM_TO_SIGMA;
		// The scanned area in specimen coordinates, with every distortion's largest extent.
		double extra = 4 * s.rowJitter() + Math.abs(s.shear()) * s.height() + Math.abs(s.driftX());
		double minX = -extra * s.pixelSize() - reach, maxX = (s.width() + extra) * s.pixelSize() + reach;
		double minY = -reach, maxY = (s.height() + Math.max(0, s.driftY())) * s.pixelSize() + reach;
		double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2, radius = Math.hypot(maxX - minX, maxY - minY) / 2;
		double angle = Math.toRadians(s.rotation()), cos = Math.cos(angle), sin = Math.sin(angle);
		double a = lattice.constant();
		double[] a2 = lattice.secondVector();
		double u0 = random.nextDouble(), v0 = random.nextDouble();
		// Cells needed along each vector to cover a circle of that radius (a₂'s component normal to a₁ is the smaller one).
		int n = (int) Math.ceil(radius / Math.min(a, Math.abs(a2[1]))) + 2;
		double reference = Math.pow(6, s.zExponent());
		List<Placed> sites = new ArrayList<>();
		for (int p = -n; p <= n; p++)
			for (int q = -n; q <= n; q++)
				for (Lattice.Site site : lattice.basis()) {
					double u = p + site.u() + u0, v = q + site.v() + v0;
					double lx = u * a + v * a2[0], ly = v * a2[1];
					double x = cx + cos * lx - sin * ly, y = cy + sin * lx + cos * ly;
					if (x < minX || x > maxX || y < minY || y > maxY) continue;
					double draw = random.nextDouble();
					ColumnClass c = draw < s.vacancyFraction() ? ColumnClass.VACANCY
						: draw < s.vacancyFraction() + s.dopantFraction() ? ColumnClass.DOPANT : ColumnClass.ATOM;
					double weight = switch (c) {
						case VACANCY -> 0;
						case ATOM -> site.weight(s.zExponent());
						case DOPANT -> dopedWeight(site, s);
					};
					sites.add(new Placed(x, y, c, site.species(), weight / reference));
				}
		return sites;
	}

	/** Σ Z^n of the column with its first atom replaced by the dopant. */
	private static double dopedWeight(Lattice.Site site, AtomicImageSettings s) {
		int replaced = site.atomicNumbers()[0];
		int z = s.dopantZ() > 0 ? s.dopantZ() : Math.min(118, replaced + 8);
		return site.weight(s.zExponent()) - Math.pow(replaced, s.zExponent()) + Math.pow(z, s.zExponent());
	}

	/** Adds one site's probe, weighted, to the rows and pixels it reaches along the distorted scan. */
	private void addProbe(double[] expected, Placed site, double[] rowShift) {
		AtomicImageSettings s = settings;
		double px = s.pixelSize();
		double core = s.probeFwhm() * FWHM_TO_SIGMA, tail = s.tailFwhm() * FWHM_TO_SIGMA;
		double f = s.tailFraction();
		double tailPeak = f == 0 ? 0 : f * core * core / ((1 - f) * tail * tail);
		double reach = REACH_SIGMAS * (f > 0 ? Math.max(core, tail) : core);
		double rowScale = px * (1 + s.driftY() / s.height());
		int firstRow = Math.max(0, (int) Math.ceil((site.y - reach) / rowScale)), lastRow = Math.min(s.height() - 1, (int) Math.floor((site.y + reach) / rowScale));
		for (int j = firstRow; j <= lastRow; j++) {
			double dy = j * rowScale - site.y;
			double halfWidth = Math.sqrt(Math.max(0, reach * reach - dy * dy));
			int first = Math.max(0, (int) Math.ceil((site.x - halfWidth) / px - rowShift[j]));
			int last = Math.min(s.width() - 1, (int) Math.floor((site.x + halfWidth) / px - rowShift[j]));
			for (int i = first; i <= last; i++) {
				double dx = (i + rowShift[j]) * px - site.x, d2 = dx * dx + dy * dy;
				double value = Math.exp(-d2 / (2 * core * core));
				if (tailPeak > 0) value += tailPeak * Math.exp(-d2 / (2 * tail * tail));
				expected[i + j * s.width()] += site.weight * value;
			}
		}
	}
}
