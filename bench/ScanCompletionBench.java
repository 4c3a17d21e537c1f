import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ml4em.Progress;
import org.ml4em.columns.ColumnImages;
import org.ml4em.commands.ScanModelFolder;
import org.ml4em.io.ImageData;
import org.ml4em.io.TiffReader;
import org.ml4em.scan.ImageComparison;
import org.ml4em.scan.ScanCompleter;
import org.ml4em.scan.ScanCompleterModel;
import org.ml4em.scan.ScanMask;
import org.ml4em.scan.ScanPaths;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TensorFlowDevices;

import net.imglib2.type.numeric.real.FloatType;

/**
 * Partial-scan completion on real STEM images (run with Java's single-file launcher, see
 * scan_completion.sh): PSNR, SSIM and relative RMS error of the network, harmonic inpainting and
 * normalised convolution for each image and scan, then the time per image of each method (median
 * of the runs, after a warm-up), all in one run.
 * Arguments: runs, threads, device, model folder ("" for the shipped one), then image files, each
 * optionally followed by ":held-out" or ":trained".
 */
public class ScanCompletionBench {

	record Scan(String path, double coverage) {
		ScanMask mask(int w, int h) {
			return path.equals("spiral") ? ScanPaths.spiral(w, h, coverage) : ScanPaths.lines(w, h, coverage);
		}
	}

	static final List<Scan> SCANS = List.of(new Scan("spiral", 1.0 / 16), new Scan("spiral", 1.0 / 20), new Scan("spiral", 1.0 / 100), new Scan("lines", 1.0 / 10));

	public static void main(String[] args) throws Exception {
		int runs = Integer.parseInt(args[0]), threads = Integer.parseInt(args[1]);
		DeviceChoice device = DeviceChoice.parse(args[2]);
		Path dir = args[3].isEmpty() ? ScanModelFolder.extractShipped() : Path.of(args[3]);
		try (SavedModelRunner runner = SavedModelRunner.load(dir, TensorFlowDevices.resolve(device), threads)) {
			ScanCompleterModel model = ScanModelFolder.read(dir, runner);
			System.out.printf("model %s, %s, %d threads%n", args[3].isEmpty() ? "shipped" : dir, runner.device(), threads);
			System.out.println("image,role,path,nominal,measured,method,psnr_db,ssim,rms_relative");
			float[] timingImage = null;
			List<String> goals = new ArrayList<>();
			for (int a = 4; a < args.length; a++) {
				String[] parts = args[a].split(":");
				Path file = Path.of(parts[0]);
				if (!Files.isRegularFile(file)) {
					System.out.println("# " + file + " is absent; skipped");
					continue;
				}
				ImageData d = TiffReader.read(file);
				float[] truth = values(d);
				int w = d.width(), h = d.height();
				if (timingImage == null && w == 512 && h == 512) timingImage = truth;
				for (Scan scan : SCANS) {
					ScanMask mask = scan.mask(w, h);
					ImageComparison[] byMethod = new ImageComparison[ScanCompleter.Method.values().length];
					for (ScanCompleter.Method m : ScanCompleter.Method.values()) {
						float[] out = complete(truth, mask, m, model);
						ImageComparison c = ImageComparison.of(out, truth, w, h);
						byMethod[m.ordinal()] = c;
						System.out.printf("%s,%s,%s,1/%.0f,1/%.1f,%s,%.2f,%.4f,%.4f%n", file.getFileName(), parts.length > 1 ? parts[1] : "", scan.path(),
							1 / scan.coverage(), 1 / mask.measuredCoverage(), m.label(), c.psnr(), c.ssim(), c.relativeRms());
					}
					if (parts.length > 1 && parts[1].equals("held-out") && scan.path().equals("spiral") && (scan.coverage() == 1.0 / 16 || scan.coverage() == 1.0 / 100)) {
						ImageComparison n = byMethod[ScanCompleter.Method.NETWORK.ordinal()], hm = byMethod[ScanCompleter.Method.HARMONIC.ordinal()];
						boolean pass = n.psnr() >= hm.psnr() + 1 && n.ssim() > hm.ssim();
						goals.add(String.format("goal %s spiral 1/%.0f (network PSNR >= harmonic + 1 dB, SSIM higher): %+.2f dB, SSIM %+.4f: %s", file.getFileName(),
							1 / scan.coverage(), n.psnr() - hm.psnr(), n.ssim() - hm.ssim(), pass ? "PASS" : "FAIL"));
						goals.add(flipsAndTurns(truth, w, h, scan, model));
					}
				}
			}
			goals.forEach(System.out::println);
			if (timingImage == null) return;
			for (Scan scan : List.of(SCANS.get(0), SCANS.get(2))) {
				ScanMask mask = scan.mask(512, 512);
				List<String> line = new ArrayList<>();
				for (ScanCompleter.Method m : ScanCompleter.Method.values()) {
					complete(timingImage, mask, m, model); // warm-up: graph optimisation, memory
					double[] seconds = new double[runs];
					for (int r = 0; r < runs; r++) {
						long t = System.nanoTime();
						complete(timingImage, mask, m, model);
						seconds[r] = (System.nanoTime() - t) / 1e9;
					}
					Arrays.sort(seconds);
					line.add(String.format("%s_seconds=%.3f", m.label(), seconds[runs / 2]));
				}
				System.out.printf("512x512 %s 1/%.0f, median of %d: %s%n", scan.path(), 1 / scan.coverage(), runs, String.join(" ", line));
			}
		}
	}

	/** {@return the network's gain over harmonic inpainting on the image in its 8 flips and turns (the arms cross its edges elsewhere): least, mean, most} */
	static String flipsAndTurns(float[] truth, int w, int h, Scan scan, ScanCompleterModel model) {
		if (w != h) return "  (flips and turns: the image is not square)";
		double least = Double.POSITIVE_INFINITY, most = Double.NEGATIVE_INFINITY, sum = 0;
		ScanMask mask = scan.mask(w, h);
		for (int o = 0; o < 8; o++) {
			float[] image = new float[w * h];
			ColumnImages.copyTransformed(truth, w, 1, o, image, 0);
			double gain = ImageComparison.of(complete(image, mask, ScanCompleter.Method.NETWORK, model), image, w, h).psnr()
				- ImageComparison.of(complete(image, mask, ScanCompleter.Method.HARMONIC, model), image, w, h).psnr();
			least = Math.min(least, gain);
			most = Math.max(most, gain);
			sum += gain;
		}
		return String.format("  the same image in its 8 flips and turns: network - harmonic %+.2f dB mean, %+.2f … %+.2f", sum / 8, least, most);
	}

	static float[] complete(float[] truth, ScanMask mask, ScanCompleter.Method m, ScanCompleterModel model) {
		return m == ScanCompleter.Method.NETWORK ? ScanCompleter.network(truth, mask, model, ScanCompleter.DEFAULT_TILE_SIZE, Progress.NONE)
			: ScanCompleter.classical(truth, mask, m, Progress.NONE);
	}

	static float[] values(ImageData d) {
		float[] v = new float[d.width() * d.height()];
		int i = 0;
		for (FloatType t : d.image())
			v[i++] = t.get();
		return v;
	}
}
