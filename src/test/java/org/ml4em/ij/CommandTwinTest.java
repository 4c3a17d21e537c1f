package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ImageJ 1.x twin of the SciJava commands: macro keys, and the one message a bad call gets. */
class CommandTwinTest {

	private static final Path MOS2 = Path.of("sample-images/haadf_mos2_simulated.tif").toAbsolutePath();

	@TempDir
	Path dir;

	private String runOnMos2(String code) throws IOException, InterruptedException {
		Path macro = dir.resolve("twin.ijm");
		Files.writeString(macro, "setBatchMode(true);\nopen(getArgument());\n" + code + "\nprint(\"went on\");\n");
		return HeadlessMacro.run(macro, MOS2.toString()).printed();
	}

	@Test
	void readsTheKeysOfMacroOptions() {
		assertEquals(List.of("method", "reference", "check", "output"), CommandTwin_.keys("method=cnn reference=[a b.tif] check output=[/x y/z] "));
		assertEquals(List.of(), CommandTwin_.keys(" "));
	}

	@Test
	void aMisspeltKeyAnUnknownChoiceAndAMissingImageEachStopTheMacroWithOneSentence() throws IOException, InterruptedException {
		String printed = runOnMos2("run(\"Find Atomic Columns\", \"method=cnn threshhold=0.5\");");
		assertTrue(printed.contains("Find Atomic Columns has no parameter 'threshhold'; it takes pixel_size, method, model, threshold"), printed);
		assertFalse(printed.contains("went on"), printed);

		printed = runOnMos2("run(\"Find Atomic Columns\", \"method=neural\");");
		assertTrue(printed.contains("method=neural is not one of [cnn, log]"), printed);
		assertFalse(printed.contains("went on"), printed);

		printed = runOnMos2("run(\"Compare Images\", \"reference=[no such image]\");");
		assertTrue(printed.contains("reference=[no such image]: no open image has that title"), printed);
		assertFalse(printed.contains("went on"), printed);
	}

	@Test
	void theCommandsOwnRefusalReachesTheMacro() throws IOException, InterruptedException {
		Path existing = Files.createDirectories(dir.resolve("taken"));
		Files.writeString(existing.resolve("keep.txt"), "keep");
		String printed = runOnMos2("run(\"Export Model (bioimage.io)\", \"shipped=scan_completer output=[" + existing + "]\");");
		assertTrue(printed.contains("exists and is not empty"), printed);
		assertFalse(printed.contains("went on"), printed);
		assertEquals(List.of(existing.resolve("keep.txt")), Files.list(existing).toList(), "nothing written into the folder");
	}
}
