package org.ml4em.io.dm;

import java.util.List;

import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.EmSignal;

/**
 * The tag tree {@link DmWriter} writes: one image, no thumbnail, and only the tags that DM and
 * HyperSpy need to show it with its calibration, plus the acquisition settings ML4EM reads back:
 * <pre>
 * ImageList
 *   (image)
 *     ImageData   Calibrations{Brightness, Dimension[(Origin, Scale, Units)…], DisplayCalibratedUnits},
 *                 Data, DataType, Dimensions[…], PixelDepth
 *     ImageTags   Meta Data{Format, Signal}, Microscope Info{Voltage}, EELS|CL.Acquisition{…}
 *                 or Acquisition{Parameters.Detector."exposure (s)", Device.Name},
 *                 Session Info{Microscope}, DataBar{"Acquisition Date"}
 *     Name
 * ImageSourceList (one simple source for the image), InImageMode
 * </pre>
 * Calibrations are stored as DM stores them, float32 Origin and Scale with offset = −Origin ×
 * Scale; a scale of 0 cannot carry an offset, which is then lost.
 */
final class DmWriteTags {

	private DmWriteTags() {}

	/** {@return the root group for a signal and its data node} */
	static DmTagNode.Group root(EmSignal signal, DmTagNode.Data data) {
		DmTagNode.Group image = new DmTagNode.Group()
			.put("ImageData", imageData(signal, data))
			.put("ImageTags", imageTags(signal))
			.put("Name", new DmTagNode.Text(signal.title()));
		DmTagNode.Group source = new DmTagNode.Group()
			.put("ClassName", new DmTagNode.Text("ImageSource:Simple"))
			.put("Id", new DmTagNode.Group().put("", uint32(0)))
			.put("ImageRef", uint32(0));
		return new DmTagNode.Group(true)
			.put("ImageList", new DmTagNode.Group().put("", image))
			.put("ImageSourceList", new DmTagNode.Group().put("", source))
			.put("InImageMode", new DmTagNode.Number(DmType.BOOL, 1));
	}

	private static DmTagNode.Group imageData(EmSignal signal, DmTagNode.Data data) {
		DmTagNode.Group dimension = new DmTagNode.Group();
		DmTagNode.Group dimensions = new DmTagNode.Group();
		for (Axis a : signal.axes()) {
			double origin = a.scale() != 0 && a.offset() != 0 ? -a.offset() / a.scale() : 0;
			dimension.put("", calibration(origin, a.scale(), a.units()));
			dimensions.put("", uint32(a.size()));
		}
		DmTagNode.Group calibrations = new DmTagNode.Group()
			.put("Brightness", calibration(0, 1, ""))
			.put("Dimension", dimension)
			.put("DisplayCalibratedUnits", new DmTagNode.Number(DmType.BOOL, 1));
		return new DmTagNode.Group()
			.put("Calibrations", calibrations)
			.put("Data", data)
			.put("DataType", uint32(DmDataTypes.code(signal.type())))
			.put("Dimensions", dimensions)
			.put("PixelDepth", uint32(signal.type().bytes()));
	}

	private static DmTagNode.Group calibration(double origin, double scale, String units) {
		return new DmTagNode.Group()
			.put("Origin", new DmTagNode.Number(DmType.FLOAT32, origin))
			.put("Scale", new DmTagNode.Number(DmType.FLOAT32, scale))
			.put("Units", new DmTagNode.Text(units));
	}

	private static DmTagNode.Group imageTags(EmSignal signal) {
		DmTagNode.Group tags = new DmTagNode.Group();
		DmTagNode.Group metaData = tags.child("Meta Data").put("Format", new DmTagNode.Text(format(signal)));
		if (!signal.signalType().isEmpty())
			metaData.put("Signal", new DmTagNode.Text(signal.signalType().equals("EDS_TEM") ? "X-ray" : signal.signalType()));
		AcquisitionInfo info = signal.acquisition();
		if (info.beamEnergyKeV() != null)
			tags.child("Microscope Info").put("Voltage", float64(info.beamEnergyKeV() * 1000));
		if (info.exposureSeconds() != null)
			exposure(tags, signal.signalType(), info.exposureSeconds());
		if (info.detector() != null)
			tags.child("Acquisition").child("Device").put("Name", new DmTagNode.Text(info.detector()));
		if (info.microscope() != null)
			tags.child("Session Info").put("Microscope", new DmTagNode.Text(info.microscope()));
		if (info.acquisitionDate() != null)
			tags.child("DataBar").put("Acquisition Date", new DmTagNode.Text(info.acquisitionDate()));
		return tags;
	}

	/** Where {@link DmAcquisition} looks for the exposure of this kind of signal. */
	private static void exposure(DmTagNode.Group tags, String signalType, double seconds) {
		if (signalType.equals("EELS") || signalType.equals("CL")) {
			tags.child(signalType).child("Acquisition")
				.put("Exposure (s)", float64(seconds))
				.put("Integration time (s)", float64(seconds))
				.put("Number of frames", new DmTagNode.Number(DmType.INT32, 1));
		} else {
			tags.child("Acquisition").child("Parameters").child("Detector").put("exposure (s)", float64(seconds));
		}
	}

	/**
	 * The Meta Data Format under which {@link DmAxes} gives back the signal's navigation axes:
	 * "Spectrum" or "Spectrum image" when one axis is the signal axis as DM stores spectra,
	 * otherwise "Image" (two fastest axes are the signal; other layouts are not kept).
	 */
	static String format(EmSignal signal) {
		List<Axis> axes = signal.axes();
		String[] units = axes.stream().map(Axis::units).toArray(String[]::new);
		boolean spectral = DmAxes.spectralAxis(signal.signalType(), units) >= 0;
		String spectrum = axes.size() == 1 ? "Spectrum" : "Spectrum image";
		if (spectral)
			return spectrum;
		for (String format : new String[] { "Image", spectrum }) {
			boolean same = true;
			for (int d = 0; d < axes.size(); d++)
				same &= DmAxes.navigate(d, axes.size(), -1, format) == axes.get(d).navigate();
			if (same)
				return format;
		}
		return "Image";
	}

	private static DmTagNode.Number uint32(long value) {
		return new DmTagNode.Number(DmType.UINT32, value);
	}

	private static DmTagNode.Number float64(double value) {
		return new DmTagNode.Number(DmType.FLOAT64, value);
	}
}
