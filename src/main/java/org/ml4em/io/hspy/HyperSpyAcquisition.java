package org.ml4em.io.hspy;

import java.util.List;
import java.util.Map;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.TagTrees;

/**
 * Collects {@link AcquisitionInfo} from a HyperSpy metadata tree. HyperSpy's conventions: beam
 * energy in keV at {@code Acquisition_instrument/TEM/beam_energy}; times in seconds at
 * {@code TEM/Detector/EELS/exposure}, {@code …/dwell_time}, {@code TEM/Detector/Camera/exposure}
 * or {@code TEM/Detector/EDS/live_time}. Files of format 1.x kept these elsewhere and gave units
 * in a sibling {@code <key>_units} attribute ("ms"), which is honoured.
 */
final class HyperSpyAcquisition {

	/** Where exposure times are looked for, most specific first. */
	private static final String[][] EXPOSURE_PATHS = { { "Detector", "EELS", "exposure" },
		{ "Detector", "Camera", "exposure" }, { "Detector", "EELS", "dwell_time" }, { "EELS", "exposure" },
		{ "EELS", "dwell_time" }, { "dwell_time" }, { "exposure" }, { "exposure_time" },
		{ "Detector", "EDS", "live_time" }, { "EDS", "live_time" } };

	/** Keys naming a detector inside its group. */
	private static final String[] DETECTOR_NAME_KEYS = { "spectrometer", "detector_type", "model", "name" };

	private HyperSpyAcquisition() {}

	/**
	 * {@return the acquisition settings stored in the metadata}
	 *
	 * @param metadata the signal's metadata
	 * @param axes the signal's axes, for the energy dispersion
	 */
	static AcquisitionInfo of(HyperSpyMetadata metadata, List<Axis> axes) {
		Map<String, Object> instrument = metadata.instrument();
		Double beamEnergy = number(instrument, "beam_energy");
		if (beamEnergy != null && "V".equals(instrument.get("beam_energy_units")))
			beamEnergy /= 1000;
		return new AcquisitionInfo(beamEnergy, exposure(instrument), dispersion(axes),
			instrument.get("microscope") instanceof String s ? s : null, detector(instrument),
			metadata.acquisitionDate());
	}

	private static Double exposure(Map<String, Object> instrument) {
		for (String[] path : EXPOSURE_PATHS) {
			Object value = TagTrees.get(instrument, path);
			if (value instanceof Number n) {
				String[] unitsPath = path.clone();
				unitsPath[path.length - 1] += "_units";
				return n.doubleValue() * secondsPer(TagTrees.get(instrument, unitsPath));
			}
		}
		return null;
	}

	private static double secondsPer(Object units) {
		if (!(units instanceof String u))
			return 1;
		return switch (u.trim()) {
			case "ms" -> 1e-3;
			case "us", "µs", "μs" -> 1e-6;
			case "ns" -> 1e-9;
			default -> 1;
		};
	}

	private static String detector(Map<String, Object> instrument) {
		Object detectors = instrument.get("Detector");
		if (!(detectors instanceof Map<?, ?> byKind)) {
			// format 1.x: TEM/EELS, TEM/EDS
			for (String kind : new String[] { "EELS", "EDS" })
				if (instrument.get(kind) instanceof Map<?, ?>)
					return kind;
			return null;
		}
		for (Map.Entry<?, ?> kind : byKind.entrySet()) {
			if (kind.getValue() instanceof Map<?, ?> detector)
				for (String key : DETECTOR_NAME_KEYS)
					if (detector.get(key) instanceof String s && !s.isBlank())
						return s;
		}
		return byKind.isEmpty() ? null : String.valueOf(byKind.keySet().iterator().next());
	}

	/** The step of the first signal axis calibrated in energy, in eV. */
	private static Double dispersion(List<Axis> axes) {
		for (Axis axis : axes)
			if (!axis.navigate() && axis.isEnergy())
				return axis.units().equals("keV") ? axis.scale() * 1000 : axis.scale();
		return null;
	}

	private static Double number(Map<String, Object> map, String key) {
		return map.get(key) instanceof Number n ? n.doubleValue() : null;
	}
}
