package org.ml4em.io.dm;

import java.util.List;
import java.util.Map;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;

/**
 * The key acquisition settings of a DM image, from the tags HyperSpy maps them from (all below
 * the image's {@code ImageTags}):
 * <ul>
 * <li>beam energy: {@code Microscope Info.Voltage} (volts) / 1000;
 * <li>exposure: for EELS {@code EELS.Acquisition}, for CL {@code CL.Acquisition}: its
 * "Integration time (s)", else "Exposure (s)" × "Number of frames" (1 when absent); for
 * other signals the camera's {@code Acquisition.Parameters.Detector."exposure (s)"}. Scanned
 * data ({@code DigiScan} present) has a dwell time per pixel instead, which HyperSpy does not
 * call an exposure: null;
 * <li>dispersion: the scale of the spectral axis, in eV per channel;
 * <li>microscope: {@code Session Info.Microscope}, else {@code Microscope Info.Name}, else
 * {@code Microscope Info.Microscope};
 * <li>detector: {@code Acquisition.Device.Name} (camera), else {@code Session Info.Detector},
 * else {@code DataBar."Device Name"}, else {@code EELS Spectrometer."Instrument name"};
 * <li>date: date and start time of the EELS or SI acquisition, else {@code DataBar}'s
 * "Acquisition Date" and "Acquisition Time", joined by a space, as written.
 * </ul>
 * Images made with DM's stack builder keep their original tags in
 * {@code ImageTags.source."Tags at creation"}, which are used instead.
 */
final class DmAcquisition {

	private DmAcquisition() {}

	/**
	 * {@return the settings found, null for each one missing}
	 *
	 * @param imageTags the image's ImageTags group (may be null)
	 * @param signalType the signal type ("EELS", "CL"…)
	 * @param axes the image's axes
	 * @param spectral index of the spectral axis, −1 if none
	 */
	static AcquisitionInfo of(Map<String, Object> imageTags, String signalType, List<Axis> axes, int spectral) {
		if (imageTags == null)
			return new AcquisitionInfo(null, null, dispersion(axes, spectral), null, null, null);
		Map<String, Object> created = DmTags.group(imageTags, "source", "Tags at creation");
		Map<String, Object> tags = created != null ? created : imageTags;
		Double volts = DmTags.number(tags, "Microscope Info", "Voltage");
		return new AcquisitionInfo(volts == null ? null : volts / 1000, exposure(tags, signalType),
			dispersion(axes, spectral), microscope(tags), detector(tags), date(tags, signalType));
	}

	private static Double exposure(Map<String, Object> tags, String signalType) {
		if (tags.containsKey("DigiScan"))
			return null;
		if (signalType.equals("EELS") || signalType.equals("CL")) {
			Map<String, Object> acquisition = DmTags.group(tags, signalType, "Acquisition");
			if (acquisition == null)
				return null;
			Double integration = DmTags.number(acquisition, "Integration time (s)");
			if (integration != null)
				return integration;
			Double exposure = DmTags.number(acquisition, "Exposure (s)");
			Double frames = DmTags.number(acquisition, "Number of frames");
			return exposure == null ? null : exposure * (frames == null ? 1 : frames);
		}
		return DmTags.number(tags, "Acquisition", "Parameters", "Detector", "exposure (s)");
	}

	private static Double dispersion(List<Axis> axes, int spectral) {
		if (spectral < 0)
			return null;
		Axis axis = axes.get(spectral);
		return switch (axis.units()) {
			case "eV" -> axis.scale();
			case "keV" -> axis.scale() * 1000;
			default -> null;
		};
	}

	private static String microscope(Map<String, Object> tags) {
		return first(DmTags.text(tags, "Session Info", "Microscope"), DmTags.text(tags, "Microscope Info", "Name"),
			DmTags.text(tags, "Microscope Info", "Microscope"));
	}

	private static String detector(Map<String, Object> tags) {
		return first(DmTags.text(tags, "Acquisition", "Device", "Name"), DmTags.text(tags, "Session Info", "Detector"),
			DmTags.text(tags, "DataBar", "Device Name"), DmTags.text(tags, "EELS Spectrometer", "Instrument name"));
	}

	private static String date(Map<String, Object> tags, String signalType) {
		// HyperSpy lets the EELS acquisition's date override the SI's, and both the DataBar's.
		String[][] candidates = {
			{ "EELS", "Acquisition", "Date", "Start time" },
			{ "SI", "Acquisition", "Date", "Start time" },
			{ "DataBar", null, "Acquisition Date", "Acquisition Time" } };
		for (String[] c : candidates) {
			if (c[0].equals("EELS") && !signalType.equals("EELS"))
				continue;
			Map<String, Object> group = c[1] == null ? DmTags.group(tags, c[0]) : DmTags.group(tags, c[0], c[1]);
			String date = group == null ? null : DmTags.text(group, c[2]);
			if (date != null) {
				String time = DmTags.text(group, c[3]);
				return time == null ? date : date + " " + time;
			}
		}
		return null;
	}

	private static String first(String... values) {
		for (String v : values)
			if (v != null)
				return v;
		return null;
	}
}
