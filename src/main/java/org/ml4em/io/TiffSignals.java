package org.ml4em.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;

/**
 * A TIFF image or stack as an {@link EmFile}: a 2-D image, or a stack whose planes are the energy
 * channels of a spectrum image, calibrated by the caller because TIFF has no energy axis.
 */
final class TiffSignals {

	private TiffSignals() {}

	static EmFile read(Path file, EnergyCalibration energy) throws IOException {
		ImageData data = TiffReader.read(file);
		float[] pixels = pixels(data);
		List<Axis> axes = new ArrayList<>();
		String unit = data.unit().equals("pixel") ? "" : data.unit();
		axes.add(new Axis("x", data.width(), data.pixelWidth(), 0, unit, true));
		axes.add(new Axis("y", data.height(), data.pixelHeight(), 0, unit, true));
		if (data.planes() > 1)
			axes.add(new Axis("Energy loss", data.planes(), energy.step(), energy.origin(), "eV", false));
		Map<String, Object> tags = new LinkedHashMap<>();
		tags.put("ImageDescription", data.description());
		tags.put("SampleFormat", data.sampleType());
		String title = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		EmSignal signal = new EmSignal(title, data.planes() > 1 ? "EELS" : "", axes,
			new FloatValues(elementType(data.sampleType()), pixels), AcquisitionInfo.UNKNOWN, tags);
		return new EmFile(file, "TIFF", List.of(signal), tags, null);
	}

	private static float[] pixels(ImageData data) {
		if (data.image() instanceof ArrayImg<?, ?> img && img.update(null) instanceof FloatArray array)
			return array.getCurrentStorageArray();
		throw new IllegalStateException("TiffReader returned an image not backed by one float array");
	}

	private static ElementType elementType(String sampleType) {
		try {
			return ElementType.fromDtype(sampleType);
		} catch (IllegalArgumentException e) {
			return ElementType.FLOAT32;
		}
	}
}
