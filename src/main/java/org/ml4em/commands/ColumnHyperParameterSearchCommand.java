package org.ml4em.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.Progress;
import org.ml4em.columns.ColumnTrainingSettings;
import org.ml4em.columns.HyperParameterSearch;
import org.ml4em.columns.HyperParameterSearch.Candidate;
import org.ml4em.tf.DeviceChoice;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code Plugins > ML4EM > Column Finder Hyper-parameter Search}: a genetic search (MENNDL-style)
 * over the column finder's depth, base filters, kernel size and learning rate, each candidate
 * trained briefly on simulated images; reports every candidate and the best configuration, to train
 * in full with Train Column Finder.
 * <p>
 * Headless: {@code ./ml4em --headless --run "Column Finder Hyper-parameter Search" "population=8,generations=4,output='search.csv'"}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>ML4EM>Column Finder Hyper-parameter Search", label = "Column Finder Hyper-parameter Search",
	headless = true, description = "Genetic search over the column finder's depth, filters, kernel size and learning rate, with short trainings.")
public class ColumnHyperParameterSearchCommand extends Ml4emCommand {

	@Parameter(label = "Population", min = "2", persist = false)
	private int population = HyperParameterSearch.Settings.defaults().population();

	@Parameter(label = "Generations", min = "1", persist = false)
	private int generations = HyperParameterSearch.Settings.defaults().generations();

	@Parameter(label = "Training steps per candidate", min = "1", persist = false)
	private int steps = HyperParameterSearch.Settings.defaults().training().steps();

	@Parameter(label = "Patches per step", min = "1", persist = false)
	private int batch = ColumnTrainingSettings.DEFAULT_BATCH;

	@Parameter(label = "Patch size (pixels)", min = "16", persist = false)
	private int patch_size = ColumnTrainingSettings.DEFAULT_PATCH_SIZE;

	@Parameter(label = "Validation images", min = "1", persist = false)
	private int validation_images = HyperParameterSearch.Settings.defaults().training().validationImages();

	@Parameter(label = "Largest network (weights)", min = "1", persist = false)
	private long max_parameters = HyperParameterSearch.Settings.defaults().maxParameters();

	@Parameter(label = "Random seed", persist = false)
	private long seed = HyperParameterSearch.Settings.defaults().seed();

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" }, persist = false)
	private String device = "auto";

	@Parameter(label = "CPU threads (0: all)", min = "0", persist = false)
	private int threads = 0;

	@Parameter(label = "Candidates", type = ItemIO.OUTPUT)
	private ResultTable candidates;

	@Parameter(label = "Summary", type = ItemIO.OUTPUT)
	private String summary;

	@Override
	protected String execute(Progress progress) throws IOException {
		// Two checks per candidate: halfway and at the end (the best of both counts).
		ColumnTrainingSettings training = ColumnTrainingSettings.defaults().withSteps(steps)
			.withBatch(batch, patch_size)
			.withValidation(validation_images, Math.max(1, steps / 2)).withSeed(seed);
		HyperParameterSearch.Settings settings = new HyperParameterSearch.Settings(population, generations, training, max_parameters, seed);
		int cpus = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		HyperParameterSearch.SearchResult result = new HyperParameterSearch(settings, DeviceChoice.parse(device), cpus).run(progress);
		candidates = table(result.candidates());
		Candidate b = result.best();
		summary = String.format(Locale.ROOT, "Column Finder Hyper-parameter Search: %d candidates over %d generations; best: %s (%d weights), fitness %.4f "
			+ "(mean class F1; F1 %.4f, atom %.3f, vacancy %.3f, dopant %.3f) after %d steps. Train it with Train Column Finder: depth=%d,base_filters=%d,"
			+ "kernel_size=%d,learning_rate=%s.", result.candidates().size(), generations, b.parameters(), b.weights(), b.fitness(), b.f1(), b.f1ByClass().get(0),
			b.f1ByClass().get(1), b.f1ByClass().get(2), steps, b.parameters().depth(), b.parameters().baseFilters(), b.parameters().kernelSize(),
			Float.toString(b.parameters().learningRate()));
		return summary;
	}

	private static ResultTable table(List<Candidate> all) {
		List<List<Object>> rows = new ArrayList<>();
		for (Candidate c : all)
			rows.add(List.of(c.generation(), c.parameters().depth(), c.parameters().baseFilters(), c.parameters().kernelSize(),
				(double) c.parameters().learningRate(), c.weights(), c.fitness(), c.f1(), c.f1ByClass().get(0), c.f1ByClass().get(1), c.f1ByClass().get(2),
				c.seconds()));
		return new ResultTable("Hyper-parameter search", List.of("generation", "depth", "base_filters", "kernel_size", "learning_rate", "weights", "fitness",
			"f1", "f1_atom", "f1_vacancy", "f1_dopant", "seconds"), rows);
	}

	/** Every candidate trained: generation, genes, weights, fitness, F1 overall and per class, seconds. */
	public ResultTable getCandidates() {
		return candidates;
	}

	/** The best configuration, in words and as Train Column Finder parameters. */
	public String getSummary() {
		return summary;
	}
}
