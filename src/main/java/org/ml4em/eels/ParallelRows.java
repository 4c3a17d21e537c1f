package org.ml4em.eels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.ml4em.Progress;

import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * Runs a task on every row of an image, rows spread over threads. Each row writes only its own
 * pixels, so results do not depend on the thread count. Cancel is polled before every row; the
 * loop then throws {@link java.util.concurrent.CancellationException} once all threads stopped.
 */
final class ParallelRows {

	private ParallelRows() {}

	/**
	 * @param rows number of rows (tasks)
	 * @param threads threads to use, at least 1
	 * @param progress receives the fraction of rows done; can cancel
	 * @param row the work for one row index
	 */
	static void forEach(int rows, int threads, Progress progress, IntConsumer row) {
		AtomicInteger done = new AtomicInteger();
		IntConsumer task = y -> {
			if (progress.isCanceled()) return;
			row.accept(y);
			progress.fraction(done.incrementAndGet() / (double) rows);
		};
		if (threads <= 1 || rows <= 1) for (int y = 0; y < rows; y++) task.accept(y);
		else runParallel(rows, threads, task);
		progress.checkCanceled();
	}

	private static void runParallel(int rows, int threads, IntConsumer task) {
		List<Integer> indices = new ArrayList<>(rows);
		for (int y = 0; y < rows; y++) indices.add(y);
		try (TaskExecutor executor = TaskExecutors.fixedThreadPool(Math.min(threads, rows))) {
			executor.forEach(indices, task::accept);
		}
		catch (RuntimeException e) {
			// The executor wraps a task's exception; give the caller the original one (a
			// BadInputException or an UncheckedIOException says more than its wrapper).
			if (e.getCause() instanceof Error error) throw error;
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}
}
