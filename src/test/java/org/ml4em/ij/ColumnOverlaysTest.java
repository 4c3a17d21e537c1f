package org.ml4em.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ml4em.columns.DetectedColumn;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;

/** Columns as one coloured point ROI per class, at ImageJ's pixel centres; a new result replaces the last. */
class ColumnOverlaysTest {

	private static final List<DetectedColumn> FOUND = List.of(new DetectedColumn(10.25, 20, "atom", 0.9), new DetectedColumn(30, 40.5, "atom", 0.8),
		new DetectedColumn(50, 60, "vacancy", 0.7), new DetectedColumn(5, 6, "dopant", 0.6));

	@Test
	void onePointRoiPerClassInItsColour() {
		Overlay overlay = ColumnOverlays.overlay(FOUND);
		assertEquals(3, overlay.size());
		assertEquals(List.of("ML4EM columns: atom (2)", "ML4EM columns: vacancy (1)", "ML4EM columns: dopant (1)"),
			List.of(overlay.toArray()).stream().map(Roi::getName).toList());
		PointRoi atoms = (PointRoi) overlay.get(0);
		assertEquals(10.75, atoms.getFloatPolygon().xpoints[0], 1e-6, "pixel coordinate 10.25 is at 10.75 in ImageJ");
		assertEquals(41.0, atoms.getFloatPolygon().ypoints[1], 1e-6);
		assertNotEquals(overlay.get(0).getStrokeColor(), overlay.get(1).getStrokeColor());
		assertNotEquals(overlay.get(1).getStrokeColor(), overlay.get(2).getStrokeColor());
	}

	@Test
	void aNewResultReplacesTheLastAndKeepsOtherOverlays() {
		ImagePlus image = new ImagePlus("haadf", new FloatProcessor(100, 100));
		Overlay own = new Overlay(new Roi(1, 1, 5, 5));
		image.setOverlay(own);
		ColumnOverlays.show(image, FOUND);
		ColumnOverlays.show(image, FOUND.subList(0, 2));
		assertEquals(2, image.getOverlay().size(), "the user's rectangle and the atoms of the second run");
		assertEquals("ML4EM columns: atom (2)", image.getOverlay().get(1).getName());
	}
}
