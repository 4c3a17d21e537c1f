package org.ml4em.ij;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ml4em.columns.DetectedColumn;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;

/**
 * Found atomic columns as an ImageJ overlay: one multi-point ROI per class, in the class's colour
 * and named by it and its count ("vacancy (3)"), so that the ROI Manager and Image > Overlay list
 * them by class. Columns at pixel coordinate x lie at x + 0.5 in ImageJ, whose pixel centres are
 * at half-integers.
 */
public final class ColumnOverlays {

	/** Names of the ROIs this class makes start with this, so that a new result replaces the last. */
	static final String PREFIX = "ML4EM columns: ";

	/** Saturated and dark enough to show on the bright columns as on the dark background. */
	private static final Map<String, Color> COLOURS = Map.of("atom", new Color(0x00C853), "vacancy", new Color(0xFF1744), "dopant",
		new Color(0x2962FF));

	private ColumnOverlays() {}

	/** {@return an overlay with one point ROI per class, classes in order of first appearance} */
	public static Overlay overlay(List<DetectedColumn> columns) {
		Map<String, List<DetectedColumn>> byClass = new LinkedHashMap<>();
		for (DetectedColumn c : columns)
			byClass.computeIfAbsent(c.label(), label -> new ArrayList<>()).add(c);
		Overlay overlay = new Overlay();
		for (Map.Entry<String, List<DetectedColumn>> e : byClass.entrySet()) {
			List<DetectedColumn> members = e.getValue();
			float[] x = new float[members.size()], y = new float[members.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = (float) (members.get(i).x() + 0.5);
				y[i] = (float) (members.get(i).y() + 0.5);
			}
			PointRoi roi = new PointRoi(x, y, x.length);
			roi.setStrokeColor(colour(e.getKey(), overlay.size()));
			roi.setPointType(PointRoi.CIRCLE);
			roi.setSize(3);
			roi.setName(PREFIX + e.getKey() + " (" + x.length + ")");
			overlay.add(roi);
		}
		return overlay;
	}

	/** Puts the columns on an image, replacing the columns an earlier run put there and keeping other overlay elements. */
	public static void show(ImagePlus image, List<DetectedColumn> columns) {
		Overlay overlay = image.getOverlay() == null ? new Overlay() : image.getOverlay();
		for (Roi old : overlay.toArray())
			if (old.getName() != null && old.getName().startsWith(PREFIX)) overlay.remove(old);
		for (Roi roi : overlay(columns).toArray())
			overlay.add(roi);
		image.setOverlay(overlay);
	}

	private static Color colour(String label, int index) {
		Color known = COLOURS.get(label);
		return known != null ? known : Color.getHSBColor(index * 0.381966f % 1, 0.8f, 1);
	}
}
