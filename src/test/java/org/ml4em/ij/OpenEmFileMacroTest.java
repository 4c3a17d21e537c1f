package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code File > Import > Gatan DM3/DM4 (ML4EM)} from a headless ImageJ macro: a real spectrum
 * image opens as a stack of energy slices with its calibration and its metadata in the Info.
 */
class OpenEmFileMacroTest {

	/** The real 2 x 2 x 2048 EELS spectrum image of ../shared/data, copied with the DM tests. */
	private static final Path SPECTRUM_IMAGE = Path.of("src", "test", "resources", "org", "ml4em", "io", "dm", "3D_EELS_SI.dm4").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void spectrumImageOpensCalibratedWithItsMetadata() throws IOException, InterruptedException {
		Path macro = Files.writeString(dir.resolve("open.ijm"), String.join("\n",
			"setBatchMode(true);",
			"run(\"Gatan DM3/DM4 (ML4EM)\", \"open=[\" + getArgument() + \"]\");",
			"Stack.getUnits(x, y, z, time, value);",
			"getVoxelSize(w, h, d, unit);",
			"print(\"size=\" + getWidth() + \"x\" + getHeight() + \"x\" + nSlices + \" z=\" + d + \" \" + z + \" xy=\" + w + \" \" + unit);",
			"print(\"label1=\" + getInfo(\"slice.label\"));",
			"info = getImageInfo();",
			"print(\"beam=\" + (indexOf(info, \"Beam energy (keV): 200.0\") >= 0));"));
		String printed = HeadlessMacro.run(macro, SPECTRUM_IMAGE.toString()).printed();
		assertTrue(printed.contains("size=2x2x2048 z=1 eV xy=0.001992 µm"), printed);
		assertTrue(printed.contains("label1=300.0 eV"), printed);
		assertTrue(printed.contains("beam=1"), printed);
	}

	@Test
	void unreadableFileGivesOneMessageAndNoImage() throws IOException, InterruptedException {
		Path junk = Files.writeString(dir.resolve("junk.dm3"), "\0\0\0\3 truncated");
		Path macro = Files.writeString(dir.resolve("open.ijm"), String.join("\n",
			"setBatchMode(true);",
			"run(\"Open EM File\", \"open=[\" + getArgument() + \"]\");",
			"print(\"images=\" + nImages);"));
		String printed = HeadlessMacro.run(macro, junk.toString()).printed();
		assertTrue(printed.contains("junk.dm3"), printed);
	}

	@Test
	void exampleMacroConvertsAFolderToCalibratedTiffs() throws IOException, InterruptedException {
		Path in = Files.createDirectories(dir.resolve("in")), out = dir.resolve("tif");
		Files.copy(SPECTRUM_IMAGE, in.resolve("si.dm4"));
		Files.copy(Path.of("sample-images", "eels_low_loss_si.dm4"), in.resolve("sample.dm4"));
		Files.writeString(in.resolve("broken.dm3"), "\0\0\0\3 truncated");
		Files.writeString(in.resolve("notes.txt"), "not an EM file");
		String printed = HeadlessMacro.run(Path.of("macros", "em_to_tiff.ijm"), "input=[" + in + "] output=[" + out + "]").printed();
		assertTrue(printed.contains("wrote 2 TIFF file(s)"), printed);
		assertTrue(printed.contains("skipped 1 file(s)"), printed);
		ij.ImagePlus si = new ij.io.Opener().openImage(out.resolve("sample.dm4.tif").toString());
		org.junit.jupiter.api.Assertions.assertNotNull(si, printed);
		org.junit.jupiter.api.Assertions.assertEquals(512, si.getNSlices());
		org.junit.jupiter.api.Assertions.assertEquals(64, si.getWidth());
		org.junit.jupiter.api.Assertions.assertEquals(0.2, si.getCalibration().pixelDepth, 1e-6);
		org.junit.jupiter.api.Assertions.assertEquals(2.0, si.getCalibration().pixelWidth, 1e-9);
		org.junit.jupiter.api.Assertions.assertEquals("nm", si.getCalibration().getUnit());
		assertTrue(String.valueOf(si.getProperty("Info")).contains("Beam energy (keV): 200.0"));
	}
}
