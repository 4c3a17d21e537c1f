package org.ml4em.scan;

import org.ml4em.BadInputException;

/** Checks shared by the completion methods: a sparse image and its mask that fit together. */
final class ScanImages {

	private ScanImages() {}

	/**
	 * @throws BadInputException when the sizes differ, nothing was sampled, or a sampled pixel is NaN or infinite
	 */
	static void check(float[] image, ScanMask mask) {
		if (image.length != mask.sampled().length) throw new BadInputException("The image has " + image.length + " pixels but the mask is "
			+ mask.width() + " x " + mask.height() + "; the mask must be the image's size.");
		if (mask.sampledCount() == 0) throw new BadInputException("The mask marks no sampled pixel; non-zero mask pixels are the measured ones.");
		for (int i = 0; i < image.length; i++)
			if (mask.sampled()[i] && !Float.isFinite(image[i])) throw new BadInputException("The sampled pixel " + (i % mask.width()) + ", "
				+ (i / mask.width()) + " is NaN or infinite; every measured pixel must hold a number.");
	}
}
