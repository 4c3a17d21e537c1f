package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ml4em.commands.EelsThicknessMapCommand;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.ImagePlus;
import ij.WindowManager;
import ij.io.FileInfo;

/** The EELS command offers the file of the active image as its input. */
class CurrentImageFileInputTest {

	private static final Path SAMPLE = Path.of("sample-images", "eels_low_loss_si.dm4").toAbsolutePath();

	private static Context context;

	@BeforeAll
	static void setUp() {
		context = new Context(CommandService.class, ModuleService.class);
	}

	@AfterAll
	static void tearDown() {
		context.dispose();
	}

	@AfterEach
	void noActiveImage() {
		WindowManager.setTempCurrentImage(null);
	}

	private static Module eelsModule() throws Exception {
		return module(EelsThicknessMapCommand.class);
	}

	private static Module module(Class<? extends org.scijava.command.Command> command) throws Exception {
		return context.service(ModuleService.class).createModule(context.service(CommandService.class).getCommand(command));
	}

	@Test
	void imageImportedFromADmFileOffersThatFile() throws Exception {
		ImagePlus imp = OpenEmFile_.open(SAMPLE)[0];
		WindowManager.setTempCurrentImage(imp);
		Module module = eelsModule();
		new CurrentImageFileInput().process(module);
		assertEquals(SAMPLE.toFile(), module.getInput("input"));
		Module zeroLoss = module(org.ml4em.commands.EelsZeroLossCommand.class);
		new CurrentImageFileInput().process(zeroLoss);
		assertEquals(SAMPLE.toFile(), zeroLoss.getInput("input"));
	}

	@Test
	void tiffStackAlsoOffersItsEnergyCalibration() throws Exception {
		ImagePlus imp = ij.IJ.createImage("si", "32-bit black", 4, 4, 10);
		FileInfo info = new FileInfo();
		info.directory = SAMPLE.getParent() + File.separator;
		info.fileName = "haadf_stem.tif";
		imp.setFileInfo(info);
		imp.getCalibration().setZUnit("eV");
		imp.getCalibration().pixelDepth = 0.05;
		imp.getCalibration().zOrigin = 40; // slice 1 at -2 eV
		WindowManager.setTempCurrentImage(imp);
		Module module = eelsModule();
		new CurrentImageFileInput().process(module);
		assertEquals(SAMPLE.getParent().resolve("haadf_stem.tif").toFile(), module.getInput("input"));
		assertEquals(-2.0, (Double) module.getInput("energy_origin"), 1e-12);
		assertEquals(0.05, (Double) module.getInput("energy_step"), 1e-12);
	}

	@Test
	void givenInputsAndImagesWithoutFilesAreLeftAlone() throws Exception {
		WindowManager.setTempCurrentImage(OpenEmFile_.open(SAMPLE)[0]);
		Module given = eelsModule();
		File other = new File("other.dm4");
		given.setInput("input", other);
		given.resolveInput("input");
		new CurrentImageFileInput().process(given);
		assertEquals(other, given.getInput("input"));

		WindowManager.setTempCurrentImage(ij.IJ.createImage("new", "8-bit black", 4, 4, 1));
		Module fresh = eelsModule();
		new CurrentImageFileInput().process(fresh);
		assertNull(fresh.getInput("input"));
	}
}
