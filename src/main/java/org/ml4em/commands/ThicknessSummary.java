package org.ml4em.commands;

import java.util.Arrays;
import java.util.Locale;

import org.ml4em.eels.EnergyAxis;
import org.ml4em.eels.SpectrumImage;
import org.ml4em.eels.ThicknessClusters;
import org.ml4em.eels.ThicknessMaps;
import org.ml4em.eels.ThicknessResult;

/** The one-paragraph report of an EELS Thickness Map run: what was measured and how. */
final class ThicknessSummary {

	private ThicknessSummary() {}

	static String of(String fileName, SpectrumImage image, ThicknessResult result) {
		ThicknessMaps m = result.maps();
		EnergyAxis e = image.energyAxis();
		StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
			"EELS Thickness Map of %s: %d x %d pixels, %d channels (%.2f to %.2f eV, %.4g eV/channel). ", fileName, image.width(),
			image.height(), image.channels(), e.energy(0), e.energy(e.channels() - 1), e.scale()));
		sb.append(String.format(Locale.ROOT, "Zero-loss window [-eps, +eps], eps %s %.3g eV%s. ",
			m.automaticWindow() ? "per pixel, median" : "fixed at", m.medianZlpHalfWidth(),
			m.windowFallbackPixels() > 0 ? " (" + m.windowFallbackPixels() + " pixels had no minimum and took the median)" : ""));
		float[] t = finite(m.thickness());
		float[] shift = finite(m.shift());
		if (t.length > 0)
			sb.append(String.format(Locale.ROOT, "t/lambda median %.3f (2nd-98th percentile %.3f to %.3f); ZLP found at %.3f to %.3f eV and aligned to 0 eV. ",
				percentile(t, 50), percentile(t, 2), percentile(t, 98), shift[0], shift[shift.length - 1]));
		sb.append(m.unevaluatedPixels()).append(" pixels could not be evaluated (no counts, NaN or no zero-loss peak)");
		ThicknessClusters c = result.clusters();
		if (c != null) {
			sb.append(String.format(Locale.ROOT, ". %d thickness classes by %s%s", c.k(), c.feature().word(),
				c.automatic() ? ", K chosen by the lowest BIC of 1-D Gaussian mixtures, K = 1 to " + c.criterion().length : ", K given"));
			for (int k = 0; k < c.k(); k++)
				sb.append(String.format(Locale.ROOT, "%s class %d: %d pixels, mean t/lambda %.3f", k == 0 ? ":" : ";", k, c.pixelCounts()[k],
					c.meanThickness()[k]));
		}
		return sb.append('.').toString();
	}

	private static float[] finite(float[] values) {
		float[] f = new float[values.length];
		int n = 0;
		for (float v : values)
			if (Float.isFinite(v))
				f[n++] = v;
		f = Arrays.copyOf(f, n);
		Arrays.sort(f);
		return f;
	}

	private static double percentile(float[] sorted, double p) {
		return sorted[(int) Math.round(p / 100 * (sorted.length - 1))];
	}
}
