package org.ml4em.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.io.Axis;
import org.ml4em.io.EmSignal;
import org.ml4em.io.StoredValues;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * An {@link EmSignal} as an ImageJ image, the way a microscopist expects to see it:
 * <ul>
 * <li>a spectrum: a one-pixel-high image, x calibrated in eV;</li>
 * <li>an image: x and y calibrated in the file's length unit;</li>
 * <li>a spectrum image: a stack whose slices are the energy channels (z calibrated in eV), so
 * that a z-profile of a pixel is its spectrum;</li>
 * <li>a line of spectra: one row per position, energy along x;</li>
 * <li>any other 3-D or 4-D data: slices, then frames.</li>
 * </ul>
 * uint8 and uint16 data keep their type, everything else becomes 32-bit. A signal larger than a
 * quarter of the free memory opens as a virtual stack that reads each slice from the file when
 * shown. The file's metadata goes into the image's Info (Image > Show Info).
 */
public final class EmImages {

	private EmImages() {}

	/**
	 * Makes the image.
	 *
	 * @param signal the signal
	 * @param title the image title
	 * @param info text for the image's Info property
	 * @return the image, not shown
	 * @throws BadInputException for complex or RGBA data and for more than 4 dimensions
	 */
	public static ImagePlus toImagePlus(EmSignal signal, String title, String info) {
		signal.values().requireReal();
		Layout layout = Layout.of(signal);
		long planeSize = (long) layout.width() * layout.height();
		if (planeSize > Integer.MAX_VALUE - 8)
			throw new BadInputException(title + " has planes of " + layout.width() + " x " + layout.height()
				+ " pixels, more than ImageJ can hold in one image plane (2^31)");
		int bytesPerValue = switch (signal.type()) {
			case UINT8, BOOL -> 1;
			case UINT16 -> 2;
			default -> 4;
		};
		long bytes = planeSize * layout.planes() * bytesPerValue;
		Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		ImageStack stack = bytes > free / 4 ? new LazyStack(signal, layout) : loadedStack(signal, layout);
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, layout.slices(), layout.frames());
		if (layout.slices() > 1 || layout.frames() > 1)
			imp.setOpenAsHyperStack(layout.frames() > 1);
		imp.setCalibration(calibration(layout));
		imp.setProperty("Info", info);
		return imp;
	}

	private static Calibration calibration(Layout layout) {
		Calibration cal = new Calibration();
		Axis x = layout.axis(0), y = layout.axis(1), z = layout.axis(2);
		if (x != null) {
			cal.pixelWidth = x.scale();
			cal.xOrigin = -x.offset() / x.scale();
			cal.setXUnit(unit(x));
		}
		if (y != null) {
			cal.pixelHeight = y.scale();
			cal.yOrigin = -y.offset() / y.scale();
			cal.setYUnit(unit(y));
		}
		if (z != null) {
			cal.pixelDepth = z.scale();
			cal.zOrigin = -z.offset() / z.scale();
			cal.setZUnit(unit(z));
		}
		Axis t = layout.axis(3);
		if (t != null) {
			cal.frameInterval = t.scale();
			cal.setTimeUnit(unit(t));
		}
		return cal;
	}

	private static String unit(Axis a) {
		return a.units().isEmpty() ? "pixel" : a.units();
	}

	private static ImageStack loadedStack(EmSignal signal, Layout layout) {
		ImageStack stack = new ImageStack(layout.width(), layout.height());
		for (int p = 0; p < layout.planes(); p++)
			stack.addSlice(layout.sliceLabel(p), readPlane(signal, layout, p));
		return stack;
	}

	static ImageProcessor readPlane(EmSignal signal, Layout layout, int plane) {
		int w = layout.width(), h = layout.height();
		double[] row = new double[w];
		StoredValues values = signal.values();
		ImageProcessor ip = switch (signal.type()) {
			case UINT8, BOOL -> new ByteProcessor(w, h);
			case UINT16 -> new ShortProcessor(w, h);
			default -> new FloatProcessor(w, h);
		};
		for (int y = 0; y < h; y++) {
			values.readStrided(layout.index(0, y, plane), layout.stride(0), row, w);
			for (int x = 0; x < w; x++)
				ip.setf(x, y, (float) row[x]);
		}
		ip.resetMinAndMax();
		return ip;
	}

	/**
	 * Which stored axis becomes ImageJ's x, y, slice and frame axis, and the storage strides that
	 * go with them.
	 */
	record Layout(int[] roles, long[] strides, List<Axis> axes) {

		static Layout of(EmSignal signal) {
			List<Axis> axes = signal.axes();
			if (axes.size() > 4)
				throw new BadInputException("'" + signal.title() + "' has " + axes.size()
					+ " dimensions; ImageJ shows at most 4 (x, y, slices, frames)");
			List<Integer> order = new ArrayList<>();
			int energy = signal.energyAxis();
			for (int d = 0; d < axes.size(); d++)
				if (d != energy || axes.size() == 1)
					order.add(d);
			// A spectrum image: the two spatial axes are x and y, energy goes to the slices; a line
			// of spectra: energy along x, one row per position.
			if (energy >= 0 && axes.size() > 1)
				order.add(axes.size() > 2 ? 2 : 0, energy);
			long[] storage = new long[axes.size()];
			long s = 1;
			for (int d = 0; d < axes.size(); d++) {
				storage[d] = s;
				s *= axes.get(d).size();
			}
			int[] roles = order.stream().mapToInt(Integer::intValue).toArray();
			long[] strides = new long[roles.length];
			for (int r = 0; r < roles.length; r++)
				strides[r] = storage[roles[r]];
			return new Layout(roles, strides, axes);
		}

		/** {@return the stored axis shown as ImageJ axis {@code role} (0 x … 3 frames), or null} */
		Axis axis(int role) {
			return role < roles.length ? axes.get(roles[role]) : null;
		}

		int size(int role) {
			return role < roles.length ? (int) axes.get(roles[role]).size() : 1;
		}

		int width() {
			return size(0);
		}

		int height() {
			return size(1);
		}

		int slices() {
			return size(2);
		}

		int frames() {
			return size(3);
		}

		int planes() {
			return slices() * frames();
		}

		long stride(int role) {
			return role < strides.length ? strides[role] : 0;
		}

		/** {@return the storage index of pixel (0, y) of ImageJ plane {@code plane}} */
		long index(int x, int y, int plane) {
			int slice = plane % slices(), frame = plane / slices();
			return x * stride(0) + y * stride(1) + slice * stride(2) + frame * stride(3);
		}

		String sliceLabel(int plane) {
			Axis z = axis(2);
			if (z == null || !z.isEnergy())
				return null;
			return String.format("%.4g %s", z.coordinate(plane % slices()), z.units());
		}
	}

	/** Reads each plane from the file when ImageJ asks for it. */
	private static final class LazyStack extends VirtualStack {

		private final EmSignal signal;

		private final Layout layout;

		LazyStack(EmSignal signal, Layout layout) {
			super(layout.width(), layout.height(), null, null);
			this.signal = signal;
			this.layout = layout;
		}

		@Override
		public ImageProcessor getProcessor(int n) {
			return readPlane(signal, layout, n - 1);
		}

		@Override
		public int getSize() {
			return layout.planes();
		}

		@Override
		public String getSliceLabel(int n) {
			return layout.sliceLabel(n - 1);
		}

		@Override
		public int getBitDepth() {
			return switch (signal.type()) {
				case UINT8, BOOL -> 8;
				case UINT16 -> 16;
				default -> 32;
			};
		}
	}

	/**
	 * The Info text: a summary, then every tag as {@code path = value}, one per line.
	 *
	 * @param signal the signal
	 * @param fileTags the file's whole tag tree
	 * @return the text
	 */
	public static String infoText(EmSignal signal, Map<String, Object> fileTags) {
		StringBuilder sb = new StringBuilder();
		sb.append("Title: ").append(signal.title()).append('\n');
		if (!signal.signalType().isEmpty())
			sb.append("Signal type: ").append(signal.signalType()).append('\n');
		sb.append("Data type: ").append(signal.type().dtype()).append('\n');
		for (Axis a : signal.axes())
			sb.append(String.format("Axis %s: %d samples, offset %s, scale %s %s%n", a.name(), a.size(), a.offset(), a.scale(), a.units()));
		var acq = signal.acquisition();
		line(sb, "Beam energy (keV)", acq.beamEnergyKeV());
		line(sb, "Exposure (s)", acq.exposureSeconds());
		line(sb, "Dispersion (eV/channel)", acq.dispersionEvPerChannel());
		line(sb, "Microscope", acq.microscope());
		line(sb, "Detector", acq.detector());
		line(sb, "Acquisition date", acq.acquisitionDate());
		sb.append('\n');
		flatten(sb, "", fileTags);
		return sb.toString();
	}

	private static void line(StringBuilder sb, String name, Object value) {
		if (value != null)
			sb.append(name).append(": ").append(value).append('\n');
	}

	private static void flatten(StringBuilder sb, String prefix, Map<?, ?> tags) {
		for (Map.Entry<?, ?> e : tags.entrySet()) {
			String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
			if (e.getValue() instanceof Map<?, ?> child)
				flatten(sb, key, child);
			else
				sb.append(key).append(" = ").append(e.getValue()).append('\n');
		}
	}
}
