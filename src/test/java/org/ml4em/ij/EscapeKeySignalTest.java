package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ml4em.commands.KMeansClusteringCommand;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

import ij.IJ;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** In Fiji, Esc stops a running SciJava command of ML4EM and nothing is output. */
class EscapeKeySignalTest {

	@Test
	void escapeCancelsARunningCommand() throws Exception {
		OutsideLauncher.run(() -> {
			try (Context context = new Context(CommandService.class)) {
			Img<FloatType> noise = ArrayImgs.floats(1024, 1024);
			java.util.Random random = new java.util.Random(1);
			for (FloatType p : noise) p.set((float) random.nextGaussian());
			// Many restarts of a slow, structureless problem: still running when Esc comes.
			Future<CommandModule> run = context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", noise, "k", 40,
				"method", "kmeans", "restarts", 1000);
			Thread.sleep(1500);
			assertTrue(!run.isDone(), "the run should still be going");
			IJ.setKeyDown(KeyEvent.VK_ESCAPE);
			CommandModule m = run.get();
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains("canceled"), m.getCancelReason());
			assertNull(m.getOutput("labels"));
			}
			finally {
				IJ.resetEscape();
			}
		});
	}
}
