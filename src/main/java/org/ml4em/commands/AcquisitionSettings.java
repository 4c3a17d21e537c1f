package org.ml4em.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.ml4em.BadInputException;
import org.ml4em.eels.ConditionScaling;
import org.ml4em.io.AcquisitionInfo;

/**
 * Which acquisition settings become extra inputs of the ZLP network when spectrum images of
 * several settings are fitted together, and each image's values: from the files' metadata unless
 * given as parameters ({@code beam_energies=200,300}, {@code exposures=0.05,0.2}: one value per
 * file, the main input first).
 * <p>
 * {@code conditions=auto} uses every setting that is known for all the files and differs between
 * them; {@code none} fits all spectra as one setting; {@code beam_energy}, {@code exposure} or both
 * ({@code beam_energy,exposure}) ask for those, and a value missing from both the metadata and the
 * parameters is an error that says which file lacks it.
 *
 * @param names the condition names in network input order ({@link ConditionScaling#BEAM_ENERGY}, {@link ConditionScaling#EXPOSURE})
 * @param values per file, one value per condition
 */
record AcquisitionSettings(List<String> names, List<double[]> values) {

	/** The settings a user can name, with the parameter that gives them and how the metadata has them. */
	private record Setting(String keyword, String name, String parameter, String unit, Function<AcquisitionInfo, Double> fromMetadata) {}

	private static final List<Setting> SETTINGS = List.of(
		new Setting("beam_energy", ConditionScaling.BEAM_ENERGY, "beam_energies", "keV", AcquisitionInfo::beamEnergyKeV),
		new Setting("exposure", ConditionScaling.EXPOSURE, "exposures", "s", AcquisitionInfo::exposureSeconds));

	/**
	 * Decides the conditions.
	 *
	 * @param conditions auto, none, or a comma list of beam_energy and exposure
	 * @param files the files' names, for messages
	 * @param metadata what each file says about its acquisition
	 * @param beamEnergies comma list of keV, one per file, or blank for the metadata
	 * @param exposures comma list of seconds, one per file, or blank for the metadata
	 * @return the conditions and each file's values
	 * @throws BadInputException for an unknown condition, a wrong number of values, or a value that is missing
	 */
	static AcquisitionSettings resolve(String conditions, List<String> files, List<AcquisitionInfo> metadata, String beamEnergies,
		String exposures)
	{
		String spec = conditions == null || conditions.isBlank() ? "auto" : conditions.trim().toLowerCase(Locale.ROOT);
		Map<Setting, Double[]> known = new LinkedHashMap<>();
		for (Setting s : SETTINGS)
			known.put(s, values(s, files, metadata, s.parameter().equals("beam_energies") ? beamEnergies : exposures));
		List<Setting> chosen = new ArrayList<>();
		switch (spec) {
			case "none" -> {}
			case "auto" -> {
				for (Setting s : SETTINGS)
					if (allKnown(known.get(s)) && differ(known.get(s)))
						chosen.add(s);
			}
			default -> {
				for (String word : spec.split("\\s*[,;+ ]\\s*"))
					chosen.add(SETTINGS.stream().filter(s -> s.keyword().equals(word)).findFirst().orElseThrow(() -> new BadInputException(
						"conditions='" + conditions + "': '" + word + "' is not known; expected auto, none, beam_energy, exposure or beam_energy,exposure.")));
				if (files.size() < 2)
					throw new BadInputException("conditions='" + conditions + "' needs spectrum images of at least two settings; give more_spectra.");
			}
		}
		List<double[]> values = new ArrayList<>();
		for (int f = 0; f < files.size(); f++)
			values.add(new double[chosen.size()]);
		for (int c = 0; c < chosen.size(); c++) {
			Setting s = chosen.get(c);
			Double[] v = known.get(s);
			for (int f = 0; f < files.size(); f++) {
				if (v[f] == null)
					throw new BadInputException("the " + s.keyword().replace('_', ' ') + " of " + files.get(f) + " is not in its metadata; give " + s.parameter()
						+ "=<" + s.unit() + ", one value per file, in order>.");
				values.get(f)[c] = v[f];
			}
			if (!differ(v))
				throw new BadInputException("conditions: every file has the same " + s.keyword().replace('_', ' ') + " (" + v[0] + " " + s.unit()
					+ "), so the network cannot learn how the ZLP depends on it; leave it out (conditions=auto).");
		}
		return new AcquisitionSettings(chosen.stream().map(Setting::name).toList(), values);
	}

	/** Each file's value: the parameter's if given, else the metadata's; null where neither says. */
	private static Double[] values(Setting s, List<String> files, List<AcquisitionInfo> metadata, String given) {
		Double[] v = new Double[files.size()];
		if (given != null && !given.isBlank()) {
			String[] parts = given.trim().split("\\s*[,;]\\s*|\\s+");
			if (parts.length != files.size())
				throw new BadInputException(s.parameter() + "='" + given + "' has " + parts.length + " values for " + files.size()
					+ " files; expected one per file, the main input first.");
			for (int f = 0; f < parts.length; f++) {
				try {
					v[f] = Double.parseDouble(parts[f]);
				}
				catch (NumberFormatException e) {
					throw new BadInputException(s.parameter() + "='" + given + "': '" + parts[f] + "' is not a number (" + s.unit() + ").");
				}
				if (!(v[f] > 0) || v[f].isInfinite())
					throw new BadInputException(s.parameter() + "='" + given + "': expected positive values in " + s.unit() + ".");
			}
			return v;
		}
		for (int f = 0; f < files.size(); f++) {
			Double m = s.fromMetadata().apply(metadata.get(f));
			v[f] = m != null && m > 0 && !m.isInfinite() ? m : null;
		}
		return v;
	}

	private static boolean allKnown(Double[] v) {
		for (Double d : v)
			if (d == null)
				return false;
		return true;
	}

	private static boolean differ(Double[] v) {
		for (Double d : v)
			if (Math.abs(d - v[0]) > 1e-9 * Math.abs(v[0]))
				return true;
		return false;
	}

	/** {@return whether the spectra are fitted as one setting} */
	boolean none() {
		return names.isEmpty();
	}
}
