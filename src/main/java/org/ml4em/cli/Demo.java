package org.ml4em.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ml4em.BadInputException;
import org.ml4em.commands.CommandCatalog;
import org.scijava.Context;

/**
 * {@code ./ml4em demo}: runs every command available so far on the bundled sample images and
 * writes the results to {@code out/} (its own outputs are replaced on each run).
 */
final class Demo {

	private final Context context;
	private final CommandCatalog catalog;
	private final PrintStream out;
	private final Path root;

	Demo(Context context, CommandCatalog catalog, PrintStream out, Path root) {
		this.context = context;
		this.catalog = catalog;
		this.out = out;
		this.root = root;
	}

	int run() throws Exception {
		Path stem = root.resolve("sample-images/haadf_stem.tif");
		if (!Files.isRegularFile(stem)) throw new BadInputException("The demo needs " + stem + "; run it from the ML4EM folder.");
		Path results = root.resolve("out");
		step("K-means Clustering", "K-means, 3 clusters, on a HAADF-STEM image", Map.of("input", stem.toString(), "k", "3",
			"output", results.resolve("haadf_stem_kmeans_labels.tif").toString()));
		step("K-means Clustering", "Gaussian mixture, 3 components, same image", Map.of("input", stem.toString(), "k", "3", "method", "gmm",
			"output", results.resolve("haadf_stem_gmm_labels.tif").toString()));
		Path si = root.resolve("sample-images/eels_low_loss_si.dm4");
		step("EELS Thickness Map", "zero-loss alignment, log-ratio t/λ and thickness classes (K by BIC) of a low-loss spectrum image",
			Map.of("input", si.toString(), "clusters", "auto", "output", results.resolve("eels_thickness.tif").toString()));
		Path mos2 = root.resolve("sample-images/haadf_mos2_simulated.tif");
		step("Find Atomic Columns", "the shipped CNN on a simulated MoS2 image (pixel size from its calibration), with the heat map",
			Map.of("input", mos2.toString(), "output", results.resolve("haadf_mos2_columns.csv").toString(), "output_map",
				results.resolve("haadf_mos2_heatmap.tif").toString()));
		step("Evaluate Columns", "the columns found against the image's ground truth, 0.5 Å tolerance",
			Map.of("columns", results.resolve("haadf_mos2_columns.csv").toString(), "truth", root.resolve("sample-images/haadf_mos2_simulated.csv").toString(),
				"output", results.resolve("haadf_mos2_scores.csv").toString()));
		step("Simulate Partial Scan", "a spiral scan of 1/16 of the HAADF image's pixels", Map.of("input", stem.toString(), "path", "spiral", "coverage", "0.0625",
			"output", results.resolve("haadf_stem_scan.tif").toString()));
		step("Complete Partial Scan", "the shipped network completes it (the image was held out of its training)",
			Map.of("input", results.resolve("haadf_stem_scan.tif").toString(), "mask", results.resolve("haadf_stem_scan_mask.tif").toString(), "output",
				results.resolve("haadf_stem_completed.tif").toString()));
		step("Compare Images", "the completed image against the full scan", Map.of("image", results.resolve("haadf_stem_completed.tif").toString(), "reference",
			stem.toString(), "output", results.resolve("haadf_stem_completion_scores.csv").toString()));
		out.println("Demo done; results in " + results.toAbsolutePath().normalize());
		return Main.OK;
	}

	private void step(String command, String what, Map<String, String> args) throws Exception {
		out.println("== " + command + ": " + what);
		long start = System.nanoTime();
		List<Path> written = new HeadlessRun(context, catalog.find(command), out).run(new java.util.LinkedHashMap<>(args), true);
		for (Path p : written) out.println("   wrote " + root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()));
		out.printf("   (%.1f s)%n", (System.nanoTime() - start) / 1e9);
	}
}
