package org.ml4em.cli;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.ml4em.Progress;
import org.ml4em.commands.SignalSpectra;
import org.ml4em.eels.SyntheticLowLoss;
import org.ml4em.eels.ThicknessMap;
import org.ml4em.io.AcquisitionInfo;
import org.ml4em.io.Axis;
import org.ml4em.io.EmSignal;
import org.ml4em.io.dm.DmWriter;

/**
 * {@code ./ml4em make-sample-eels <file.dm4>}: writes the bundled sample
 * {@code sample-images/eels_low_loss_si.dm4}, a simulated low-loss spectrum image (see
 * {@link SyntheticLowLoss}) of three particles, t/λ 0.6, 1.0 and 1.5, on a film of t/λ 0.25:
 * 64 x 48 pixels of 2 nm, 512 channels from −5 eV in steps of 0.2 eV, Poisson noise, energy
 * drift of up to ±0.3 eV, fixed seed — the same file on every run.
 */
final class SampleSpectrumImage {

	static final int WIDTH = 64, HEIGHT = 48, CHANNELS = 512;

	static final double PIXEL_NM = 2.0, FILM = 0.25;

	static final double[] PARTICLES = { 0.6, 1.0, 1.5 };

	private SampleSpectrumImage() {}

	static void write(Path file) throws IOException {
		SyntheticLowLoss model = SyntheticLowLoss.defaults().withEnergyAxis(-5, 0.2, CHANNELS).withSeed(2026);
		AcquisitionInfo info = new AcquisitionInfo(SyntheticLowLoss.BEAM_ENERGY_KEV, null, model.energyScale(), "synthetic", null, null);
		EmSignal simulated = SignalSpectra.toSignal(model.generate(ThicknessMap.discs(WIDTH, HEIGHT, FILM, PARTICLES)), "EELS Spectrum Image", info,
			Progress.NONE);
		List<Axis> axes = simulated.axes();
		// Stored as DigitalMicrograph stores spectrum images: energy fastest, then x, then y.
		EmSignal sample = new EmSignal(simulated.title(), simulated.signalType(),
			List.of(axes.get(0), new Axis("x", WIDTH, PIXEL_NM, 0, "nm", true), new Axis("y", HEIGHT, PIXEL_NM, 0, "nm", true)),
			simulated.values(), simulated.acquisition(), simulated.metadata());
		new DmWriter(DmWriter.Version.DM4, ByteOrder.LITTLE_ENDIAN, false).write(sample, file);
	}
}
