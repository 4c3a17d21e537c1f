package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the best checkpoint stays on disk, and it ends up in the model folder. */
class BestCheckpointTest {

	@Test
	void keepsOnlyTheBestAndMovesItIntoTheModel(@TempDir Path dir) throws Exception {
		Path checkpoints = dir.resolve("model/checkpoints");
		BestCheckpoint best = new BestCheckpoint(checkpoints);
		BestCheckpoint.Export writeStep = folder -> {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve("weights"), folder.getFileName().toString());
		};
		assertTrue(best.offer(1, 0.5, writeStep), "the first is always kept");
		assertFalse(best.offer(2, 0.5, writeStep), "a tie is not better");
		assertTrue(best.offer(3, 0.7, writeStep));
		assertFalse(best.offer(4, 0.6, writeStep));
		assertEquals(3, best.step());
		assertFalse(Files.exists(checkpoints.resolve("step-1")), "the one it replaced is deleted");
		assertFalse(Files.exists(checkpoints.resolve("step-2")) || Files.exists(checkpoints.resolve("step-4")), "worse ones are never written");
		best.moveTo(dir.resolve("model"));
		assertEquals("step-3", Files.readString(dir.resolve("model/weights")));
		assertFalse(Files.exists(checkpoints));
	}
}
