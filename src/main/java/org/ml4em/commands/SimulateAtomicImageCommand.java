package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSettings;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.Lattice;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.columns.sim.SimulatedColumn;
import org.ml4em.io.PixelCalibration;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * {@code Plugins > ML4EM > Simulate Atomic Image}: a HAADF-STEM image of a projected lattice with
 * vacancies and dopants, and its ground truth (x, y in pixels, class, species), from
 * {@link AtomicImageSimulator}. The same seed gives the same image.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Simulate Atomic Image" "lattice=mos2,pixel_size=0.1,output='sim.tif'"}
 * writes {@code sim.tif} (detected electrons, calibrated in nm) and {@code sim.csv} (the ground truth).
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Simulate Atomic Image", label = "Simulate Atomic Image", headless = true,
	description = "Simulate a HAADF-STEM image of a lattice with vacancies and dopants, with its ground-truth column table.")
public class SimulateAtomicImageCommand extends Ml4emCommand implements CalibratedOutputs {

	private static final AtomicImageSettings DEFAULTS = AtomicImageSettings.defaults();

	@Parameter(label = "Lattice", choices = { "graphene", "hbn", "mos2", "square" }, persist = false)
	private String lattice = "graphene";

	@Parameter(label = "Width (pixels)", min = "8", persist = false)
	private int width = DEFAULTS.width();

	@Parameter(label = "Height (pixels)", min = "8", persist = false)
	private int height = DEFAULTS.height();

	@Parameter(label = "Pixel size (Å)", persist = false, description = "the column finder is trained for 0.05 to 0.2 Å")
	private double pixel_size = DEFAULTS.pixelSize();

	@Parameter(label = "Rotation (degrees)", persist = false)
	private double rotation = DEFAULTS.rotation();

	@Parameter(label = "Probe FWHM (Å)", persist = false)
	private double probe_fwhm = DEFAULTS.probeFwhm();

	@Parameter(label = "Probe tail fraction", persist = false, description = "share of the probe's intensity in its wide tail")
	private double tail_fraction = DEFAULTS.tailFraction();

	@Parameter(label = "Probe tail FWHM (Å)", persist = false)
	private double tail_fwhm = DEFAULTS.tailFwhm();

	@Parameter(label = "Z-contrast exponent", persist = false, description = "n of the column intensity, sum of Z^n over its atoms")
	private double z_exponent = DEFAULTS.zExponent();

	@Parameter(label = "Beam current (pA)", persist = false)
	private double beam_current = DEFAULTS.beamCurrent();

	@Parameter(label = "Dwell time (µs)", persist = false, description = "dose = 6.24 · current · dwell electrons per pixel")
	private double dwell_time = DEFAULTS.dwellTime();

	@Parameter(label = "Detected fraction", persist = false, description = "share of the dose detected at the centre of a single carbon column")
	private double detector_fraction = DEFAULTS.detectorFraction();

	@Parameter(label = "Background", persist = false, description = "in units of a carbon column's peak")
	private double background = DEFAULTS.background();

	@Parameter(label = "Background gradient", persist = false, description = "relative change across the image")
	private double gradient = DEFAULTS.gradient();

	@Parameter(label = "Read noise (electrons)", persist = false)
	private double read_noise = DEFAULTS.readNoise();

	@Parameter(label = "Row jitter (pixels)", persist = false)
	private double row_jitter = DEFAULTS.rowJitter();

	@Parameter(label = "Drift x (pixels per frame)", persist = false)
	private double drift_x = DEFAULTS.driftX();

	@Parameter(label = "Drift y (pixels per frame)", persist = false)
	private double drift_y = DEFAULTS.driftY();

	@Parameter(label = "Shear (pixels per row)", persist = false)
	private double shear = DEFAULTS.shear();

	@Parameter(label = "Vacancies (fraction of sites)", persist = false)
	private double vacancies = DEFAULTS.vacancyFraction();

	@Parameter(label = "Dopants (fraction of sites)", persist = false)
	private double dopants = DEFAULTS.dopantFraction();

	@Parameter(label = "Dopant Z (0: one period heavier)", persist = false)
	private int dopant_z = DEFAULTS.dopantZ();

	@Parameter(label = "Random seed", persist = false)
	private long seed = DEFAULTS.seed();

	@Parameter(label = "Simulated image", type = ItemIO.OUTPUT)
	private Img<FloatType> image;

	@Parameter(label = "Ground truth", type = ItemIO.OUTPUT)
	private ResultTable truth;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) {
		AtomicImageSettings settings = new AtomicImageSettings(width, height, pixel_size, Lattice.parse(lattice), rotation, probe_fwhm, tail_fraction,
			tail_fwhm, z_exponent, beam_current, dwell_time, detector_fraction, background, gradient, read_noise, row_jitter, drift_x, drift_y, shear,
			vacancies, dopants, dopant_z, seed);
		progress.status("Simulating a " + width + " x " + height + " " + lattice + " image");
		SimulatedAtomicImage simulated = new AtomicImageSimulator(settings).simulate();
		image = ArrayImgs.floats(simulated.pixels(), width, height);
		truth = table(simulated);
		summary = String.format(Locale.ROOT, "Simulated %s, %d x %d pixels of %.3g Å, %.3g electrons per pixel: %d columns (%d vacancies, %d dopants).",
			settings.lattice().name().toLowerCase(Locale.ROOT), width, height, pixel_size, settings.dose(), simulated.columns().size(),
			simulated.count(ColumnClass.VACANCY), simulated.count(ColumnClass.DOPANT));
		return summary;
	}

	private static ResultTable table(SimulatedAtomicImage simulated) {
		List<List<Object>> rows = new ArrayList<>();
		for (SimulatedColumn c : simulated.columns())
			rows.add(List.of(c.x(), c.y(), c.columnClass().label(), c.species()));
		return new ResultTable("Ground truth", List.of("x", "y", "class", "species"), rows);
	}

	@Override
	public PixelCalibration calibration(String outputName) {
		// nm, not Å: ImageJ and TIFF readers know the unit without escaping.
		return "image".equals(outputName) ? new PixelCalibration(pixel_size / 10, pixel_size / 10, "nm") : null;
	}

	// -- Outputs --

	/** The simulated image, detected electrons per pixel. */
	public Img<FloatType> getImage() {
		return image;
	}

	/** One row per lattice site in the image: x, y (pixels), class (atom, vacancy, dopant), species. */
	public ResultTable getTruth() {
		return truth;
	}

	/** One line: lattice, size, dose, columns and defects. */
	public String getSummary() {
		return summary;
	}
}
