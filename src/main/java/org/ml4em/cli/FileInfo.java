package org.ml4em.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.Progress;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.EmFile;
import org.ml4em.io.EmFiles;
import org.ml4em.io.EmSignal;
import org.ml4em.io.JsonWriter;

/**
 * {@code ./ml4em info [--tags] <file>}: a JSON summary of an EM file, for scripts and for a quick
 * look. The main signal's fields are at the top level — {@code shape} and {@code axes} fastest axis
 * first, as stored; {@code mean} of all values (null for complex or RGBA data);
 * {@code beam_energy_keV} and {@code exposure_s} (null when the file does not say) — and a file
 * with several signals lists each under {@code signals}. {@code --tags} adds the whole metadata
 * tree.
 */
final class FileInfo {

	private FileInfo() {}

	static String json(Path file, boolean withTags) throws IOException {
		try (EmFile em = EmFiles.open(file)) {
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("file", file.toString());
			info.put("format", em.format());
			// Each signal described once: the mean reads all of its values, which may be gigabytes.
			List<Map<String, Object>> signals = new ArrayList<>();
			for (EmSignal s : em.signals())
				signals.add(describe(s));
			info.putAll(signals.get(0));
			if (signals.size() > 1)
				info.put("signals", signals);
			if (withTags)
				info.put("tags", em.tags());
			return JsonWriter.toJson(info);
		}
	}

	private static Map<String, Object> describe(EmSignal s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("title", s.title());
		m.put("signal_type", s.signalType());
		m.put("shape", s.shape());
		List<Object> axes = new ArrayList<>();
		for (Axis a : s.axes()) {
			Map<String, Object> axis = new LinkedHashMap<>();
			axis.put("name", a.name());
			axis.put("size", a.size());
			axis.put("scale", a.scale());
			axis.put("offset", a.offset());
			axis.put("units", a.units());
			axis.put("navigate", a.navigate());
			axes.add(axis);
		}
		m.put("axes", axes);
		m.put("dtype", s.type().dtype());
		m.put("mean", s.mean(Progress.NONE));
		AcquisitionInfo acq = s.acquisition();
		m.put("beam_energy_keV", acq.beamEnergyKeV());
		m.put("exposure_s", acq.exposureSeconds());
		m.put("dispersion_eV", acq.dispersionEvPerChannel());
		m.put("microscope", acq.microscope());
		m.put("detector", acq.detector());
		m.put("acquisition_date", acq.acquisitionDate());
		return m;
	}
}
