package org.ml4em.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps, while a network trains, the one checkpoint with the best validation score so far: each
 * better one is exported to {@code <checkpoints>/step-<n>} and the one before it deleted; at the
 * end its files move into the model folder and the checkpoints folder goes. A canceled training
 * leaves its best checkpoint, a complete model, in the checkpoints folder.
 */
public final class BestCheckpoint {

	/** Writes the current network into a new folder. */
	@FunctionalInterface
	public interface Export {
		void to(Path dir) throws IOException;
	}

	private final Path checkpoints;
	private Path best;
	private int step = -1;
	private double score;

	/** @param checkpoints the folder the checkpoints go to (created as needed) */
	public BestCheckpoint(Path checkpoints) {
		this.checkpoints = checkpoints;
	}

	/**
	 * Exports the network when {@code score} beats every earlier one (the first always does).
	 *
	 * @return whether it was kept
	 */
	public boolean offer(int step, double score, Export export) throws IOException {
		if (best != null && !(score > this.score)) return false;
		Path next = checkpoints.resolve("step-" + step);
		export.to(next);
		if (best != null) Folders.deleteTree(best);
		best = next;
		this.step = step;
		this.score = score;
		return true;
	}

	/** {@return the step of the kept checkpoint, or −1 before the first} */
	public int step() {
		return step;
	}

	/** Moves the kept checkpoint's files into {@code modelDir} and deletes the checkpoints folder. */
	public void moveTo(Path modelDir) throws IOException {
		if (best == null) throw new IllegalStateException("no checkpoint was kept");
		Folders.moveContents(best, modelDir);
		Folders.deleteTree(checkpoints);
	}
}
