package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ml4em.commands.KMeansClusteringCommand;
import org.ml4em.io.TiffReader;
import org.scijava.Context;
import org.scijava.command.CommandService;

import ij.measure.ResultsTable;

/** In Fiji the SciJava command's table must reach ImageJ, where macros select and save it. */
class ResultTableDisplayTest {

	@Test
	void commandTableBecomesAnImageJTable() throws Exception {
		OutsideLauncher.run(() -> {
			try (Context context = new Context(CommandService.class)) {
			var img = TiffReader.read(java.nio.file.Path.of("sample-images/haadf_stem.tif")).image();
			context.service(CommandService.class).run(KMeansClusteringCommand.class, true, "input", img, "k", 4, "method", "kmeans", "restarts", 2).get();
			ResultsTable rt = ResultsTable.getResultsTable();
			assertEquals(4, rt.size());
			assertEquals(512 * 512, rt.getValue("pixels", 0) + rt.getValue("pixels", 1) + rt.getValue("pixels", 2) + rt.getValue("pixels", 3), 0);
			}
		});
	}
}
