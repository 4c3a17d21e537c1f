import java.awt.Button;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * The README's pictures of every command in a real ImageJ window: for each command its dialog (the
 * ImageJ 1.x twin's, with the defaults), then what it shows after running on the sample images with
 * the options given here (training cut short), the windows side by side. Run by
 * docs/make_screenshots.sh under Xvfb. Arguments: output folder, sample-images folder, work folder.
 */
public class ScreenshotTour {

	static Path out, samples, work;
	static Robot robot;

	record Step(String slug, String command, String open, String fileField, String options) {}

	public static void main(String[] args) throws Exception {
		out = Path.of(args[0]);
		samples = Path.of(args[1]).toAbsolutePath();
		work = Path.of(args[2]).toAbsolutePath();
		Files.createDirectories(out);
		new ImageJ();
		robot = new Robot();
		String mos2 = samples.resolve("haadf_mos2_simulated.tif").toString(), stem = samples.resolve("haadf_stem.tif").toString();
		String eels = samples.resolve("eels_low_loss_si.dm4").toString();
		List<Step> steps = List.of(
			new Step("kmeans_clustering", "K-means Clustering", stem, null, "k=3 method=kmeans"),
			new Step("eels_thickness_map", "EELS Thickness Map", null, eels, "input=[" + eels + "] clusters=auto"),
			new Step("eels_zero_loss", "EELS Zero-Loss Subtraction", null, eels, "input=[" + eels + "] replicas=16 epochs=3000 output=[" + work.resolve("zlp") + "]"),
			new Step("apply_zlp_model", "Apply ZLP Model", null, eels, "input=[" + eels + "] model=[" + work.resolve("zlp/zlp_model") + "]"),
			new Step("simulate_atomic_image", "Simulate Atomic Image", null, null, "lattice=mos2 width=256 height=256 seed=3"),
			new Step("find_atomic_columns", "Find Atomic Columns", mos2, null, "method=cnn threshold=0.5"),
			new Step("evaluate_columns", "Evaluate Columns", null, null, "columns=[" + work.resolve("columns.csv") + "] truth=[" + samples.resolve("haadf_mos2_simulated.csv") + "]"),
			new Step("train_column_finder", "Train Column Finder", null, null, "steps=40 batch=2 patch_size=64 validation_images=2 validate_every=10"),
			new Step("column_hyperparameter_search", "Column Finder Hyper-parameter Search", null, null, "population=3 generations=1 steps=5 batch=1 patch_size=32 validation_images=1"),
			new Step("simulate_partial_scan", "Simulate Partial Scan", stem, null, "path=spiral coverage=0.0625"),
			new Step("complete_partial_scan", "Complete Partial Scan", stem, null, "path=spiral coverage=0.0625 method=network"),
			new Step("compare_images", "Compare Images", stem, null, null),
			new Step("train_scan_completer", "Train Scan Completer", null, null, "steps=20 batch=1 patch_size=64 depth=3 validation_images=2 validate_every=10"),
			new Step("export_model", "Export Model (bioimage.io)", null, null, "shipped=atomic_column_finder zip=[" + work.resolve("columns.zip") + "]"),
			new Step("export_column_model", "Export Column Model (bioimage.io)", null, null, "model_folder=[" + work.resolve("column_model") + "]"),
			new Step("export_scan_completer", "Export Scan Completer (bioimage.io)", null, null, "model_folder=[" + work.resolve("scan_model") + "]"),
			new Step("run_bioimageio_model", "Run bioimage.io Model", mos2, null, "model=[" + work.resolve("columns.zip") + "] check"));
		for (Step step : steps) {
			try {
				tour(step);
			}
			catch (Exception e) {
				System.err.println(step.command() + ": " + e);
			}
		}
		System.exit(0);
	}

	static void tour(Step step) throws Exception {
		closeAll();
		if (step.open() != null) IJ.openImage(step.open()).show();
		if (step.slug().equals("compare_images")) prepareComparison();
		if (step.slug().equals("evaluate_columns")) saveColumns();
		settle();
		// 1. the dialog, as a user meets it: defaults, the file field filled in
		Thread asking = new Thread(() -> IJ.runPlugIn(className(step.command()), step.command()), "tour-dialog");
		asking.start();
		GenericDialog gd = waitFor(() -> dialog(step.command()));
		if (step.fileField() != null) ((TextField) gd.getStringFields().get(0)).setText(step.fileField());
		settle();
		save(titled(capture(gd), step.command()), step.slug() + "_dialog.png");
		press(gd, "Cancel");
		asking.join();
		// 2. the result, run with the options above
		Set<Window> before = Set.of(Window.getWindows());
		Thread running = macroThread(step.command(), step.options() == null ? "reference=[" + WindowManager.getImage(1).getTitle() + "]" : step.options());
		running.start();
		watch(running);
		settle();
		List<BufferedImage> shots = new ArrayList<>();
		for (Window w : Window.getWindows())
			if (w.isShowing() && !before.contains(w) && !(w instanceof Dialog)) shots.add(titled(capture(w), w instanceof Frame f ? f.getTitle() : ""));
		Window log = WindowManager.getWindow("Log");
		if (log != null) {
			log.setSize(760, 150); // wide enough for the summary line
			shots.add(titled(capture(log), "Log"));
		}
		if (!shots.isEmpty()) save(sideBySide(shots), step.slug() + "_result.png");
		System.out.println(step.command() + ": " + shots.size() + " windows");
	}

	static String className(String command) {
		return command.equals("K-means Clustering") ? "org.ml4em.ij.KMeansClustering_" : "org.ml4em.ij.CommandTwin_";
	}

	/** Compare Images: a completion of the sample scan to compare with the truth. */
	static void prepareComparison() {
		ij.ImagePlus truth = WindowManager.getCurrentImage();
		runAndWait("Complete Partial Scan", "path=spiral coverage=0.0625 method=harmonic");
		IJ.log("\\Clear");
		WindowManager.setTempCurrentImage(WindowManager.getImage(WindowManager.getImageCount()));
		truth.getWindow().toBack();
	}

	/** Evaluate Columns: the sample's columns, found and saved first. */
	static void saveColumns() {
		IJ.openImage(samples.resolve("haadf_mos2_simulated.tif").toString()).show();
		runAndWait("Find Atomic Columns", "method=cnn threshold=0.5");
		// shown with a display, the table has its own window rather than being ImageJ's "Results"
		for (Window w : Window.getWindows())
			if (w instanceof ij.text.TextWindow tw && tw.isShowing() && tw.getResultsTable() != null && "Atomic columns".equals(tw.getTitle()))
				tw.getResultsTable().save(work.resolve("columns.csv").toString());
		closeAll();
	}

	/** ImageJ hands macro options only to threads whose names start with "Run$_". */
	static Thread macroThread(String command, String options) {
		return new Thread(() -> {
			Macro.setOptions(Thread.currentThread(), options);
			IJ.runPlugIn(className(command), command);
		}, "Run$_tour");
	}

	static void runAndWait(String command, String options) {
		Thread t = macroThread(command, options);
		t.start();
		try {
			t.join();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Waits for the command; a dialog it opens all the same (an error message) is shown in the log and closed. */
	static void watch(Thread running) throws Exception {
		while (running.isAlive()) {
			for (Window w : Window.getWindows())
				if (w instanceof Dialog d && d.isShowing()) {
					System.err.println("closing a dialog: " + d.getTitle());
					if (d instanceof GenericDialog gd) press(gd, "Cancel");
					else d.dispose();
				}
			running.join(200);
		}
	}

	/** A title strip above a window's picture, as a window manager would draw it (Xvfb has none). */
	static BufferedImage titled(BufferedImage shot, String title) {
		int strip = 24;
		BufferedImage t = new BufferedImage(shot.getWidth(), shot.getHeight() + strip, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = t.createGraphics();
		g.setColor(new java.awt.Color(0x3c4a5c));
		g.fillRect(0, 0, t.getWidth(), strip);
		g.setColor(java.awt.Color.WHITE);
		g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
		g.drawString(title, 8, 17);
		g.drawImage(shot, 0, strip, null);
		g.dispose();
		return t;
	}

	static GenericDialog dialog(String title) {
		for (Window w : Window.getWindows())
			if (w instanceof GenericDialog gd && w.isShowing() && title.equals(gd.getTitle())) return gd;
		return null;
	}

	static <T> T waitFor(Callable<T> what) throws Exception {
		for (int i = 0; i < 600; i++) {
			T t = what.call();
			if (t != null) return t;
			Thread.sleep(50);
		}
		throw new IllegalStateException("timed out");
	}

	static void press(GenericDialog gd, String label) {
		for (Button b : gd.getButtons())
			if (b != null && label.equals(b.getLabel())) gd.actionPerformed(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, label));
	}

	static BufferedImage capture(Window w) throws Exception {
		w.toFront();
		settle();
		Rectangle r = w.getBounds();
		return robot.createScreenCapture(r);
	}

	static BufferedImage sideBySide(List<BufferedImage> shots) {
		int height = Math.min(520, shots.stream().mapToInt(BufferedImage::getHeight).max().orElse(1));
		List<BufferedImage> scaled = new ArrayList<>();
		for (BufferedImage s : shots) {
			double f = Math.min(1, (double) height / s.getHeight());
			int w = (int) Math.round(s.getWidth() * f), h = (int) Math.round(s.getHeight() * f);
			BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = t.createGraphics();
			g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(s, 0, 0, w, h, null);
			g.dispose();
			scaled.add(t);
		}
		int width = scaled.stream().mapToInt(BufferedImage::getWidth).sum() + 8 * (scaled.size() - 1);
		BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = all.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
		int x = 0;
		for (BufferedImage s : scaled) {
			g.drawImage(s, x, 0, null);
			x += s.getWidth() + 8;
		}
		g.dispose();
		return all;
	}

	static void save(BufferedImage image, String name) throws Exception {
		ImageIO.write(image, "png", out.resolve(name).toFile());
	}

	static void closeAll() {
		WindowManager.closeAllWindows();
		for (Window w : Window.getWindows())
			if (w.isShowing() && !(w instanceof ImageJ) && !(w instanceof Frame f && "Log".equals(f.getTitle()))) w.dispose();
		IJ.log("\\Clear");
	}

	static void settle() throws InterruptedException {
		Thread.sleep(400);
	}
}
