package org.ml4em.eels;

import org.ml4em.BadInputException;

/**
 * Where each thickness class's zero-loss peak is fitted and where it is forced to vanish
 * (EELSfitter's dE1 and dE2), in eV after alignment.
 * <p>
 * Below dE1 a spectrum is (almost) all zero-loss peak and is used as training data; above dE2 the
 * inelastic signal dominates and pseudo-data force the modelled ZLP to about one count; in between
 * the network interpolates, and this is where the inelastic onset (and the band gap) lies.
 * <p>
 * Automatic dE1 of a class: the knee of its median spectrum after the peak, the first minimum of
 * the lightly smoothed median (the rule of the automatic zero-loss window, {@link ZlpWindow});
 * automatic dE2 = 3 · dE1 (SCIENCE.md; EELSfitter's default factor).
 *
 * @param de1 dE1 per class, eV
 * @param de2 dE2 per class, eV, greater than dE1
 */
public record ZlpCutoffs(double[] de1, double[] de2) {

	/** dE2 / dE1 when dE2 is automatic. */
	public static final double DE2_FACTOR = 3;

	/**
	 * Checks the values.
	 *
	 * @param de1 per class
	 * @param de2 per class
	 */
	public ZlpCutoffs {
		if (de1.length != de2.length)
			throw new IllegalArgumentException("dE1 and dE2 need one value per class");
		for (int k = 0; k < de1.length; k++)
			if (!(de1[k] > 0 && de2[k] > de1[k]))
				throw new BadInputException(String.format(java.util.Locale.ROOT,
					"class %d: dE1 = %.3g eV and dE2 = %.3g eV; expected 0 < dE1 < dE2.", k, de1[k], de2[k]));
	}

	/**
	 * Cutoffs for each class, automatic where not given.
	 *
	 * @param spectra the classes' median spectra on the aligned energy axis
	 * @param energy the aligned energy axis (0 eV at the ZLP)
	 * @param givenDe1 dE1 in eV for every class, or NaN for automatic
	 * @param givenDe2 dE2 in eV for every class, or NaN for {@value #DE2_FACTOR} · dE1
	 * @param maxSearch the automatic dE1 is looked for up to this energy, eV
	 * @return the cutoffs
	 * @throws BadInputException when a class's median spectrum has no minimum after the peak
	 *     within {@code maxSearch} and dE1 was not given, or dE2 lies beyond the recorded range
	 */
	public static ZlpCutoffs of(ClusterSpectra spectra, EnergyAxis energy, double givenDe1, double givenDe2, double maxSearch) {
		int k = spectra.median().length;
		double[] de1 = new double[k], de2 = new double[k];
		double last = energy.energy(energy.channels() - 1);
		for (int c = 0; c < k; c++) {
			de1[c] = Double.isNaN(givenDe1) ? knee(spectra.median()[c], energy, maxSearch, c) : givenDe1;
			de2[c] = Double.isNaN(givenDe2) ? DE2_FACTOR * de1[c] : givenDe2;
			if (de2[c] >= last)
				throw new BadInputException(String.format(java.util.Locale.ROOT,
					"class %d: dE2 = %.3g eV is beyond the last recorded energy (%.3g eV); give a smaller de2 or record a wider range.", c, de2[c], last));
		}
		return new ZlpCutoffs(de1, de2);
	}

	/**
	 * {@return the cutoffs of several images' classes, one after the other}
	 *
	 * @param parts each image's cutoffs
	 */
	public static ZlpCutoffs concat(java.util.List<ZlpCutoffs> parts) {
		if (parts.size() == 1)
			return parts.get(0);
		double[] de1 = parts.stream().flatMapToDouble(p -> java.util.Arrays.stream(p.de1())).toArray();
		double[] de2 = parts.stream().flatMapToDouble(p -> java.util.Arrays.stream(p.de2())).toArray();
		return new ZlpCutoffs(de1, de2);
	}

	private static double knee(double[] median, EnergyAxis energy, double maxSearch, int cls) {
		int n = median.length;
		double peak = ZeroLossPeak.peakIndex(median, n);
		double e = Double.isNaN(peak) ? Double.NaN : ZlpWindow.automaticHalfWidth(median, n, peak, energy.scale(), maxSearch);
		if (!(e > 0))
			throw new BadInputException(String.format(java.util.Locale.ROOT,
				"class %d: its median spectrum has no minimum after the zero-loss peak within %.3g eV, so dE1 cannot be chosen automatically; give de1 (eV).",
				cls, maxSearch));
		return e;
	}
}
