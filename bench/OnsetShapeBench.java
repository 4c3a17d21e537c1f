import java.util.Locale;

import org.ml4em.eels.BandGapFit;
import org.ml4em.eels.BandGapResult;
import org.ml4em.eels.BandGapSettings;
import org.ml4em.eels.FitWindow;
import org.ml4em.eels.GapType;
import org.ml4em.eels.InelasticSpectrum;
import org.ml4em.eels.OnsetCurvature;
import org.ml4em.eels.SyntheticLowLoss;

/**
 * How far the band-gap fit A·(E − Eg)^b is off on the simulator's own onset, without noise and
 * without any ZLP: the single-scattering distribution of SyntheticLowLoss (Drude × angular factor
 * × an onset that saturates over w eV) blurred by a Gaussian resolution, fitted with b fixed at the
 * simulated one, for fit windows from the data's start to several reaches above the gap, with the
 * plain power law and with the curvature term B·(E − Eg)^(b+1) (OnsetCurvature). What it prints
 * is the part of the accuracy bench's error that comes from the simulated onset not being a plain
 * power law, not from the zero-loss subtraction.
 * Usage: java -cp target/classes:target/lib/* bench/OnsetShapeBench.java [gap eV=3] [resolution FWHM eV=0.6] [onset width w eV=2]
 */
public class OnsetShapeBench {

	public static void main(String[] args) {
		double gap = args.length > 0 ? Double.parseDouble(args[0]) : 3, fwhm = args.length > 1 ? Double.parseDouble(args[1]) : 0.6;
		double width = args.length > 2 ? Double.parseDouble(args[2]) : SyntheticLowLoss.ONSET_WIDTH, step = 0.05;
		System.out.printf(Locale.ROOT, "Eg %.2f eV, Gaussian resolution %.2f eV FWHM, onset width w %.3g eV; fitted Eg minus the truth, eV:%n", gap, fwhm, width);
		for (OnsetCurvature curvature : new OnsetCurvature[] { OnsetCurvature.OFF, OnsetCurvature.ON }) {
			System.out.println(curvature == OnsetCurvature.OFF ? "plain power law A(E - Eg)^b:" : "with the curvature term, A(E - Eg)^b + B(E - Eg)^(b+1):");
			for (GapType type : new GapType[] { GapType.DIRECT, GapType.INDIRECT }) {
				SyntheticLowLoss simulator = SyntheticLowLoss.defaults().withOnsetExponent(type.exponent()).withOnsetWidth(width);
				for (double start : new double[] { -0.5, 0.1, 0.3 }) {
					StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s data from Eg %+.1f eV:", type, start));
					for (double reach : new double[] { 0.6, 0.75, 1.0, 1.5 }) {
						int n = (int) Math.round((reach - start) / step) + 1;
						double[] e = new double[n], y = new double[n];
						for (int i = 0; i < n; i++) {
							e[i] = gap + start + i * step;
							y[i] = blurred(simulator, e[i], gap, fwhm);
						}
						BandGapSettings settings = BandGapSettings.of(type).withResolution(fwhm).withGapBelowData(0.5).withCurvature(curvature);
						BandGapResult r = new BandGapFit(settings).fit(new InelasticSpectrum(e, y), new FitWindow(e[0], e[n - 1]));
						line.append(String.format(Locale.ROOT, "  reach %.2f: %+.3f%s", reach, r.bandGap() - gap, r.isReliable() ? "" : " (edge)"));
					}
					System.out.println(line);
				}
			}
		}
	}

	/** The single-scattering distribution at e convolved with a unit-area Gaussian of this FWHM. */
	static double blurred(SyntheticLowLoss simulator, double e, double gap, double fwhm) {
		double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2))), sum = 0, weights = 0;
		for (int k = -400; k <= 400; k++) {
			double shift = k * 5 * sigma / 400, w = Math.exp(-shift * shift / (2 * sigma * sigma));
			sum += w * simulator.singleScattering(e - shift, gap);
			weights += w;
		}
		return sum / weights;
	}
}
