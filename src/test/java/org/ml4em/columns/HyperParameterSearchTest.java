package org.ml4em.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;
import org.ml4em.tf.DeviceChoice;

/** The genetic search with trainings of two steps: generations, elitism, no candidate trained twice, determinism. */
class HyperParameterSearchTest {

	private static final ColumnTrainingSettings TINY = ColumnTrainingSettings.defaults().withSteps(2).withBatches(2, 32, 4, 1).withValidation(1, 1);

	@Test
	void evolvesAPopulationAndReportsTheFittest() throws Exception {
		HyperParameterSearch.Settings settings = new HyperParameterSearch.Settings(3, 2, TINY, 200_000, 5);
		RecordingProgress progress = new RecordingProgress();
		HyperParameterSearch.SearchResult r = new HyperParameterSearch(settings, DeviceChoice.CPU, 1).run(progress);
		// Generation 2 keeps the better 2 of 3 (not trained again) and adds 1 child.
		assertEquals(4, r.candidates().size(), r.candidates().toString());
		assertEquals(List.of(1, 1, 1, 2), r.candidates().stream().map(HyperParameterSearch.Candidate::generation).toList());
		assertEquals(4, new HashSet<>(r.candidates().stream().map(HyperParameterSearch.Candidate::parameters).toList()).size(), "no genome twice");
		for (HyperParameterSearch.Candidate c : r.candidates()) {
			HyperParameters hp = c.parameters();
			assertTrue(HyperParameters.DEPTHS.contains(hp.depth()) && HyperParameters.FILTERS.contains(hp.baseFilters())
				&& HyperParameters.KERNELS.contains(hp.kernelSize()), hp.toString());
			assertTrue(hp.learningRate() >= HyperParameters.MIN_LEARNING_RATE && hp.learningRate() <= HyperParameters.MAX_LEARNING_RATE);
			assertTrue(c.fitness() >= 0 && c.fitness() <= 1);
			if (c.weights() > 200_000) assertEquals(0, c.seconds(), "networks over the limit are not trained");
		}
		assertEquals(r.candidates().stream().mapToDouble(HyperParameterSearch.Candidate::fitness).max().orElseThrow(), r.best().fitness());
		assertEquals(4, progress.logged.stream().filter(l -> l.startsWith("Generation ")).count(), "a log line per candidate");

		HyperParameterSearch.SearchResult again = new HyperParameterSearch(settings, DeviceChoice.CPU, 1).run(new RecordingProgress());
		assertEquals(r.candidates().stream().map(HyperParameterSearch.Candidate::parameters).toList(),
			again.candidates().stream().map(HyperParameterSearch.Candidate::parameters).toList(), "the same seed, the same search");
	}

	@Test
	void mutationAndCrossingStayWithinTheChoices() {
		SplittableRandom r = new SplittableRandom(1);
		HyperParameters a = HyperParameters.random(r), b = HyperParameters.random(r);
		int changed = 0;
		for (int i = 0; i < 200; i++) {
			HyperParameters child = a.cross(b, r).mutate(r);
			assertTrue(HyperParameters.DEPTHS.contains(child.depth()) && HyperParameters.FILTERS.contains(child.baseFilters())
				&& HyperParameters.KERNELS.contains(child.kernelSize()), child.toString());
			assertTrue(child.learningRate() >= HyperParameters.MIN_LEARNING_RATE && child.learningRate() <= HyperParameters.MAX_LEARNING_RATE);
			if (!child.equals(a) && !child.equals(b)) changed++;
		}
		assertTrue(changed > 100, "children differ from their parents: " + changed);
		assertNotEquals(a, b);
		assertThrows(BadInputException.class, () -> new HyperParameterSearch.Settings(1, 1, TINY, 10, 1));
	}
}
