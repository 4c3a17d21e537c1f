package org.ml4em.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.io.BestCheckpoint;
import org.ml4em.tf.AdaptiveClipping;
import org.ml4em.tf.DeviceChoice;
import org.ml4em.tf.InpaintingGanTrainer;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.UNetShape;

/**
 * Trains the scan completer: a U-Net generator ({@link InpaintingGanTrainer}) that corrects a
 * harmonic-inpainting first guess, against a small LSGAN critic, on patches made on the fly
 * ({@link CompletionPatches}) at coverages between the settings' bounds, with adaptively clipped
 * gradients and a learning rate that decays over the last 40 % of the steps. Every
 * {@code validateEvery} steps the network completes fixed validation patches (spirals of 1/16 and
 * 1/100 on simulated scenes, simulated lattices and, when given, crops of the training's real
 * images), and the weights of the largest mean PSNR gain over harmonic inpainting (both measured
 * against the full patch as a scan would record it, noise included) are kept.
 *
 * <pre>
 * ScanTrainingReport report = new ScanCompleterTrainer(ScanTrainingSettings.defaults(), DeviceChoice.AUTO, 2)
 *     .train(List.of(), Path.of("scan-model"), progress);
 * </pre>
 *
 * The model folder gets the SavedModel (input {@code (batch, y, x, 2)}: first guess and mask,
 * {@link CompletionInput}; output the completed image {@code (batch, y, x, 1)}, both in the
 * {@link IntensityRange} of the measured pixels); checkpoints live in its subfolder
 * {@value #CHECKPOINTS} while training, which a finished training removes.
 */
public final class ScanCompleterTrainer {

	/** Seeds of the validation patches: {@code VALIDATION_SEED + i}; tests use other seeds. */
	public static final long VALIDATION_SEED = 710_000;

	/** The two validation coverages, taken in turn. */
	public static final double[] VALIDATION_COVERAGES = { 1.0 / 16, 1.0 / 100 };

	/** Share of the steps at the full learning rate before it decays. */
	static final double DECAY_START = 0.6;

	/** The subfolder of the model folder holding checkpoints while training. */
	public static final String CHECKPOINTS = "checkpoints";

	private final ScanTrainingSettings settings;
	private final DeviceChoice device;
	private final int threads;
	private final Path startModel;

	/**
	 * @param settings what to train and how
	 * @param device where to train
	 * @param threads CPU threads for TensorFlow
	 */
	public ScanCompleterTrainer(ScanTrainingSettings settings, DeviceChoice device, int threads) {
		this(settings, device, threads, null);
	}

	private ScanCompleterTrainer(ScanTrainingSettings settings, DeviceChoice device, int threads, Path startModel) {
		this.settings = settings;
		this.device = device;
		this.threads = threads;
		this.startModel = startModel;
	}

	/**
	 * {@return this training, continued from a generator trained before} (its weights; the critic,
	 * Adam's moments and the learning-rate schedule start afresh)
	 *
	 * @param model a scan completer's SavedModel folder of the same depth and base filters
	 */
	public ScanCompleterTrainer continuing(Path model) {
		return new ScanCompleterTrainer(settings, device, threads, model);
	}

	/** {@return the generator this training makes} */
	public UNetShape shape() {
		return new UNetShape(CompletionInput.CHANNELS, 1, settings.depth(), settings.baseFilters(), 3);
	}

	/**
	 * Trains and writes the best generator as a SavedModel into {@code modelDir}.
	 *
	 * @param realImages real images to crop training patches from; empty for simulated ones only
	 * @param modelDir a new or empty folder
	 * @param progress status, fraction, log and cancel (polled every step)
	 * @throws BadInputException when {@code modelDir} already holds a model, or the patch size does not fit the U-Net
	 * @throws CancellationException when canceled; the checkpoints stay
	 */
	public ScanTrainingReport train(List<TrainingImage> realImages, Path modelDir, Progress progress) throws IOException {
		if (Files.exists(modelDir.resolve("saved_model.pb")))
			throw new BadInputException("The folder " + modelDir + " already holds a model; choose a new folder.");
		UNetShape shape = shape();
		if (settings.patchSize() % shape.sizeMultiple() != 0) throw new BadInputException("patch_size=" + settings.patchSize()
			+ " does not fit a U-Net of depth " + settings.depth() + "; use a multiple of " + shape.sizeMultiple() + ".");
		long start = System.nanoTime();
		List<Validation> validation = validationSet(realImages);
		List<ScanTrainingReport.Validation> curve = new ArrayList<>();
		BestCheckpoint best = new BestCheckpoint(modelDir.resolve(CHECKPOINTS));
		AdaptiveClipping clipping = new AdaptiveClipping();
		try (InpaintingGanTrainer trainer = InpaintingGanTrainer.create(shape, startModel, settings.adversarialWeight(), settings.seed(),
			TensorFlowDevices.resolve(device), threads); CompletionPatches patches = new CompletionPatches(settings, realImages)) {
			progress.log("Training the scan completer (" + shape.parameterCount() + " weights" + (startModel == null ? "" : ", continued from " + startModel)
				+ ") on " + trainer.device() + " for " + settings.steps() + " steps.");
			double[] sums = new double[3];
			int count = 0;
			for (int step = 1; step <= settings.steps(); step++) {
				progress.checkCanceled();
				CompletionPatches.Batch batch = patches.next();
				InpaintingGanTrainer.StepLosses losses = trainer.step(batch.inputs(), batch.targets(), batch.count(), batch.size(), batch.size(), clipping.limit(),
					learningRate(step));
				clipping.record(losses.gradientNorm());
				sums[0] += losses.reconstruction();
				sums[1] += losses.adversarial();
				sums[2] += losses.critic();
				count++;
				if (step % settings.validateEvery() != 0 && step != settings.steps()) continue;
				ScanTrainingReport.Validation check = validate(trainer, validation, step, sums[0] / count, sums[1] / count, sums[2] / count);
				curve.add(check);
				sums = new double[3];
				count = 0;
				best.offer(step, check.gainDb(), trainer::export);
				report(progress, check, best.step());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("Training was interrupted.");
		}
		best.moveTo(modelDir);
		return new ScanTrainingReport(curve, best.step(), settings.steps(), (System.nanoTime() - start) / 1e9, TensorFlowDevices.resolve(device).toString(),
			shape.parameterCount());
	}

	/**
	 * {@return the step size of a step}: the settings' rate for the first {@value #DECAY_START} of
	 * the steps, then a half cosine down to a tenth of it, so the last steps settle the fine detail
	 * the PSNR rewards instead of jumping around it
	 */
	float learningRate(int step) {
		double t = (double) step / settings.steps();
		if (t <= DECAY_START) return settings.learningRate();
		double c = 0.5 * (1 + Math.cos(Math.PI * (t - DECAY_START) / (1 - DECAY_START)));
		return (float) (settings.learningRate() * (0.1 + 0.9 * c));
	}

	/** A validation patch with the PSNR harmonic inpainting reaches on it. */
	private record Validation(CompletionPatches.Patch patch, double coverage, double harmonicPsnr) {}

	private List<Validation> validationSet(List<TrainingImage> realImages) {
		List<Validation> set = new ArrayList<>();
		int size = settings.patchSize();
		for (int i = 0; i < settings.validationImages(); i++) {
			double coverage = VALIDATION_COVERAGES[i % VALIDATION_COVERAGES.length];
			CompletionPatches.Patch p = CompletionPatches.patch(settings, realImages, VALIDATION_SEED + i, coverage);
			// The network's first guess is the harmonic completion of the patch: the baseline, already computed.
			float[] harmonic = CompletionInput.guess(p.input());
			set.add(new Validation(p, coverage, ImageComparison.of(harmonic, p.truth(), size, size).psnr()));
		}
		return set;
	}

	private ScanTrainingReport.Validation validate(InpaintingGanTrainer trainer, List<Validation> set, int step, double reconstruction, double adversarial,
		double critic) {
		int size = settings.patchSize();
		double[] sum = new double[VALIDATION_COVERAGES.length];
		int[] n = new int[VALIDATION_COVERAGES.length];
		for (int i = 0; i < set.size(); i++) {
			Validation v = set.get(i);
			float[] completed = trainer.predict(v.patch().input(), 1, size, size);
			sum[i % sum.length] += ImageComparison.of(completed, v.patch().truth(), size, size).psnr() - v.harmonicPsnr();
			n[i % sum.length]++;
		}
		double all = (sum[0] + sum[1]) / (n[0] + n[1]);
		return new ScanTrainingReport.Validation(step, reconstruction, adversarial, critic, all, sum[0] / Math.max(1, n[0]), sum[1] / Math.max(1, n[1]));
	}

	private void report(Progress progress, ScanTrainingReport.Validation v, int bestStep) {
		progress.fraction((double) v.step() / settings.steps());
		String line = String.format(Locale.ROOT, "Step %d/%d: ln MSE %.3f, adversarial %.3f, critic %.3f; validation PSNR gain over harmonic %+.2f dB (1/16 %+.2f, 1/100 %+.2f); best at step %d",
			v.step(), settings.steps(), v.reconstruction(), v.adversarial(), v.critic(), v.gainDb(), v.gainDb16(), v.gainDb100(), bestStep);
		progress.status(line);
		progress.log(line);
	}
}
