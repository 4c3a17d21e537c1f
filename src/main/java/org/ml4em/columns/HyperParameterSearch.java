package org.ml4em.columns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.ProgressRange;
import org.ml4em.io.Folders;
import org.ml4em.tf.DeviceChoice;

/**
 * A genetic search for the column finder's hyper-parameters ({@link HyperParameters}: depth, base
 * filters, kernel size, learning rate), after MENNDL (Young et al. 2017): a small population, each
 * candidate trained briefly with {@link ColumnFinderTrainer} on the same simulated data and scored
 * by its best validation fitness; the better half survives (elitism) and the rest of each new
 * generation are children of two tournament winners, crossed and mutated. A candidate already
 * trained is not trained again.
 * <p>
 * Fitness is the mean of the per-class F1 (atom, vacancy, dopant), so that a network that finds
 * columns but cannot tell a dopant does not win. Candidates with more weights than
 * {@code maxParameters} are not trained (fitness 0), keeping the model small enough to ship.
 *
 * <pre>
 * SearchResult r = new HyperParameterSearch(HyperParameterSearch.Settings.defaults(), DeviceChoice.AUTO, 2).run(progress);
 * </pre>
 */
public final class HyperParameterSearch {

	/**
	 * @param population candidates per generation, at least 2
	 * @param generations generations, at least 1
	 * @param training the short training every candidate gets (its architecture and learning rate
	 *            are the candidate's)
	 * @param maxParameters largest network tried
	 * @param seed seed of the first generation and of selection, crossing and mutation
	 */
	public record Settings(int population, int generations, ColumnTrainingSettings training, long maxParameters, long seed) {

		/** Checks the values. */
		public Settings {
			if (population < 2 || generations < 1) throw new BadInputException("The search needs a population of at least 2 and at least one generation, "
				+ "got population=" + population + ", generations=" + generations + ".");
			if (maxParameters < 1) throw new BadInputException("max_parameters must be at least 1, got " + maxParameters + ".");
		}

		/** 16 candidates, 10 generations (SCIENCE.md: 16–24 and 10–15), 300 steps each on 8 validation images: about 2 hours on 2 CPU cores. */
		public static Settings defaults() {
			return new Settings(16, 10, ColumnTrainingSettings.defaults().withSteps(300).withValidation(8, 150), 2_000_000, 1);
		}
	}

	/**
	 * A trained candidate.
	 *
	 * @param generation 1 …
	 * @param parameters the genome
	 * @param weights trained weights of its network
	 * @param fitness mean class F1 of its best validation, 0 when not trained
	 * @param f1 F1 of all columns at that validation
	 * @param f1ByClass F1 per class at that validation
	 * @param seconds training time
	 */
	public record Candidate(int generation, HyperParameters parameters, long weights, double fitness, double f1, List<Double> f1ByClass, double seconds) {}

	/**
	 * @param candidates every candidate trained, in order
	 * @param best the fittest
	 */
	public record SearchResult(List<Candidate> candidates, Candidate best) {}

	private final Settings settings;
	private final DeviceChoice device;
	private final int threads;

	/**
	 * @param settings the search
	 * @param device where to train
	 * @param threads CPU threads for TensorFlow
	 */
	public HyperParameterSearch(Settings settings, DeviceChoice device, int threads) {
		this.settings = settings;
		this.device = device;
		this.threads = threads;
	}

	/**
	 * Runs the search.
	 *
	 * @param progress status, fraction, a log line per candidate, and cancel
	 */
	public SearchResult run(Progress progress) throws IOException {
		SplittableRandom random = new SplittableRandom(settings.seed());
		Map<HyperParameters, Candidate> trained = new HashMap<>();
		List<Candidate> all = new ArrayList<>();
		List<HyperParameters> generation = new ArrayList<>(Stream.generate(() -> HyperParameters.random(random)).distinct().limit(settings.population()).toList());
		int total = settings.population() * settings.generations(), done = 0;
		for (int g = 1; g <= settings.generations(); g++) {
			List<Candidate> scored = new ArrayList<>();
			for (HyperParameters hp : generation) {
				Candidate c = trained.get(hp);
				if (c == null) {
					ProgressRange range = new ProgressRange(progress, (double) done / total, (double) (done + 1) / total);
					c = train(g, hp, range);
					trained.put(hp, c);
					all.add(c);
					progress.log(line(c));
				}
				done++;
				scored.add(c);
			}
			if (g == settings.generations()) break;
			generation = next(scored, random);
		}
		Candidate best = all.stream().max(Comparator.comparingDouble(Candidate::fitness)).orElseThrow();
		return new SearchResult(all, best);
	}

	/** The better half of a generation, then children of tournament winners, crossed and mutated, up to the population. */
	private List<HyperParameters> next(List<Candidate> scored, SplittableRandom random) {
		List<Candidate> ranked = scored.stream().sorted(Comparator.comparingDouble(Candidate::fitness).reversed()).toList();
		Set<HyperParameters> next = new LinkedHashSet<>();
		for (Candidate c : ranked.subList(0, (ranked.size() + 1) / 2))
			next.add(c.parameters());
		for (int tries = 0; next.size() < settings.population() && tries < 1000; tries++)
			next.add(tournament(ranked, random).parameters().cross(tournament(ranked, random).parameters(), random).mutate(random));
		while (next.size() < settings.population())
			next.add(HyperParameters.random(random)); // a converged population gets fresh blood
		return new ArrayList<>(next);
	}

	private static Candidate tournament(List<Candidate> ranked, SplittableRandom random) {
		Candidate a = ranked.get(random.nextInt(ranked.size())), b = ranked.get(random.nextInt(ranked.size()));
		return a.fitness() >= b.fitness() ? a : b;
	}

	private Candidate train(int generation, HyperParameters hp, Progress progress) throws IOException {
		ColumnTrainingSettings s = hp.applyTo(settings.training());
		ColumnFinderTrainer trainer = new ColumnFinderTrainer(s, device, threads);
		long weights = trainer.shape().parameterCount();
		if (weights > settings.maxParameters()) return new Candidate(generation, hp, weights, 0, 0, List.of(0.0, 0.0, 0.0), 0);
		Path dir = Files.createTempDirectory("ml4em-search");
		try {
			progress.status("Generation " + generation + ": " + hp);
			ColumnTrainingReport report = trainer.train(dir.resolve("model"), progress);
			ColumnTrainingReport.Validation best = report.validations().stream().max(Comparator.comparingDouble(ColumnTrainingReport.Validation::meanClassF1)).orElseThrow();
			return new Candidate(generation, hp, weights, best.meanClassF1(), best.f1(), best.f1ByClass(), report.seconds());
		}
		finally {
			Folders.deleteTree(dir);
		}
	}

	private static String line(Candidate c) {
		return String.format(Locale.ROOT, "Generation %d: %s (%d weights): fitness %.4f (F1 %.4f; atom %.3f, vacancy %.3f, dopant %.3f) in %.0f s",
			c.generation(), c.parameters(), c.weights(), c.fitness(), c.f1(), c.f1ByClass().get(0), c.f1ByClass().get(1), c.f1ByClass().get(2), c.seconds());
	}
}
