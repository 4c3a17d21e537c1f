package org.ml4em.columns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.columns.sim.AtomicImageSimulator;
import org.ml4em.columns.sim.ColumnClass;
import org.ml4em.columns.sim.ColumnTargets;
import org.ml4em.columns.sim.SimulatedAtomicImage;
import org.ml4em.columns.sim.TrainingSampler;
import org.ml4em.io.BestCheckpoint;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;
import org.ml4em.tf.UNetTrainer;

/**
 * Trains the column finder: a U-Net ({@link UNetShape}) from one image channel to the heat map
 * plus one channel per {@link ColumnClass} ({@link ColumnTargets}), on simulated patches made on
 * the fly ({@link TrainingPatches}), with Adam on the sigmoid cross-entropy. Every
 * {@code validateEvery} steps the finder (network, then {@link HeatmapPeaks}) is scored on fixed
 * simulated validation images at {@value #TOLERANCE_ANGSTROM} Å, and the weights of the best mean
 * class F1 (atom, vacancy, dopant) are kept as a checkpoint; the model written at the end holds them.
 *
 * <pre>
 * ColumnTrainingReport report = new ColumnFinderTrainer(ColumnTrainingSettings.defaults(), DeviceChoice.AUTO, 2)
 *     .train(Path.of("column-model"), progress);
 * </pre>
 *
 * The model folder gets the SavedModel (input {@code (batch, y, x, 1)} normalised by
 * {@link ColumnImages#normalised}, output the probabilities {@code (batch, y, x, 4)}); while
 * training, checkpoints live in its subfolder {@value #CHECKPOINTS}, which a finished training
 * removes and a canceled one leaves (its best checkpoint is a complete SavedModel).
 */
public final class ColumnFinderTrainer {

	/** Match tolerance of the validation, Å (the acceptance tolerance). */
	public static final double TOLERANCE_ANGSTROM = 0.5;

	/** Side of the validation images, pixels. */
	public static final int VALIDATION_SIZE = 256;

	/** Seeds of the validation images: {@code VALIDATION_SEED + i}; tests use other seeds. */
	public static final long VALIDATION_SEED = 700_000;

	/**
	 * How much a target pixel counts over a background one, per channel (heat map, atom, vacancy,
	 * dopant): sites cover a small share of the pixels, and vacancies and dopants, at most 5 % of the
	 * sites each, would otherwise be learned as never present.
	 */
	static final float[] POSITIVE_WEIGHTS = { 2, 2, 20, 10 };

	/** The subfolder of the model folder holding checkpoints while training. */
	public static final String CHECKPOINTS = "checkpoints";

	private final ColumnTrainingSettings settings;
	private final DeviceChoice device;
	private final int threads;

	/**
	 * @param settings what to train and how
	 * @param device where to train
	 * @param threads CPU threads for TensorFlow
	 */
	public ColumnFinderTrainer(ColumnTrainingSettings settings, DeviceChoice device, int threads) {
		this.settings = settings;
		this.device = device;
		this.threads = threads;
	}

	/** {@return the network this training makes} */
	public UNetShape shape() {
		return new UNetShape(1, ColumnTargets.CHANNELS, settings.depth(), settings.baseFilters(), settings.kernelSize());
	}

	/**
	 * Trains and writes the best network as a SavedModel into {@code modelDir}.
	 *
	 * @param modelDir a new or empty folder
	 * @param progress status, fraction, log and cancel (polled every step)
	 * @throws BadInputException when {@code modelDir} already holds a model
	 * @throws CancellationException when canceled; the checkpoints stay
	 */
	public ColumnTrainingReport train(Path modelDir, Progress progress) throws IOException {
		if (Files.exists(modelDir.resolve("saved_model.pb")))
			throw new BadInputException("The folder " + modelDir + " already holds a model; choose a new folder.");
		long start = System.nanoTime();
		List<Validation> validation = validationSet();
		List<ColumnTrainingReport.Validation> curve = new ArrayList<>();
		BestCheckpoint best = new BestCheckpoint(modelDir.resolve(CHECKPOINTS));
		UNetShape shape = shape();
		try (UNetTrainer trainer = UNetTrainer.create(shape, settings.learningRate(), POSITIVE_WEIGHTS, settings.seed(), TensorFlowDevices.resolve(device), threads);
			TrainingPatches patches = new TrainingPatches(settings)) {
			progress.log("Training the column finder (" + shape.parameterCount() + " weights) on " + trainer.device() + " for " + settings.steps() + " steps.");
			double lossSum = 0;
			int lossCount = 0;
			for (int step = 1; step <= settings.steps(); step++) {
				progress.checkCanceled();
				TrainingPatches.Batch batch = patches.next();
				lossSum += trainer.step(batch.images(), batch.targets(), batch.count(), batch.size(), batch.size());
				lossCount++;
				if (step % settings.validateEvery() != 0 && step != settings.steps()) continue;
				ColumnTrainingReport.Validation check = validate(trainer, validation, step, lossSum / lossCount);
				curve.add(check);
				lossSum = 0;
				lossCount = 0;
				// Kept by the mean class F1: the F1 of all columns saturates early, while vacancies and dopants still improve.
				best.offer(step, check.meanClassF1(), trainer::export);
				report(progress, check, best.step());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Training was interrupted.");
		}
		best.moveTo(modelDir);
		return new ColumnTrainingReport(curve, best.step(), settings.steps(), (System.nanoTime() - start) / 1e9,
			TensorFlowDevices.resolve(device).toString(), shape.parameterCount());
	}

	/** A validation image, normalised, with its true columns. */
	private record Validation(float[] image, List<ColumnPoint> truth, double pixelSize) {}

	private List<Validation> validationSet() {
		List<Validation> set = new ArrayList<>();
		for (int i = 0; i < settings.validationImages(); i++) {
			SimulatedAtomicImage image = new AtomicImageSimulator(TrainingSampler.sample(VALIDATION_SIZE, VALIDATION_SEED + i)).simulate();
			set.add(new Validation(ColumnImages.normalised(image.pixels()), truth(image), image.settings().pixelSize()));
		}
		return set;
	}

	/** {@return the sites of a simulated image as points to score against} @param image the image */
	public static List<ColumnPoint> truth(SimulatedAtomicImage image) {
		return image.columns().stream().map(c -> new ColumnPoint(c.x(), c.y(), c.columnClass().label())).toList();
	}

	/** {@return the class labels in channel order: atom, vacancy, dopant} */
	public static List<String> labels() {
		return Stream.of(ColumnClass.values()).map(ColumnClass::label).toList();
	}

	private ColumnTrainingReport.Validation validate(UNetTrainer trainer, List<Validation> set, int step, double loss) {
		PooledScores pooled = new PooledScores();
		for (Validation v : set) {
			float[] p = trainer.predict(v.image(), 1, VALIDATION_SIZE, VALIDATION_SIZE);
			List<ColumnPoint> columns = HeatmapPeaks.forPixelSize(HeatmapPeaks.DEFAULT_THRESHOLD, v.pixelSize(), labels())
				.find(p, VALIDATION_SIZE, VALIDATION_SIZE).stream().map(DetectedColumn::point).toList();
			for (ClassScore s : ColumnMatching.score(v.truth(), columns, TOLERANCE_ANGSTROM / v.pixelSize())) {
				pooled.add(s);
				if (s.label().equals(ColumnMatching.ALL)) pooled.addError(s, v.pixelSize());
			}
		}
		List<Double> perClass = labels().stream().map(label -> pooled.get(label).f1()).toList();
		return new ColumnTrainingReport.Validation(step, loss, pooled.get(ColumnMatching.ALL).f1(), perClass, pooled.rmsErrorPm());
	}

	private void report(Progress progress, ColumnTrainingReport.Validation v, int bestStep) {
		progress.fraction((double) v.step() / settings.steps());
		String line = String.format(Locale.ROOT, "Step %d/%d: loss %.4f, validation F1 %.4f (atom %.3f, vacancy %.3f, dopant %.3f), RMS %.1f pm; best at step %d",
			v.step(), settings.steps(), v.loss(), v.f1(), v.f1ByClass().get(0), v.f1ByClass().get(1), v.f1ByClass().get(2), v.rmsErrorPm(), bestStep);
		progress.status(line);
		progress.log(line);
	}
}
