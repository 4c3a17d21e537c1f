package org.ml4em.tf.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ml4em.BadInputException;
import org.ml4em.Progress;
import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.SavedModelRunner;
import org.ml4em.tf.TiledProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

class SavedModelRunnerTest {

	private static final ComputeDevice CPU = new ComputeDevice(false, "CPU", "");

	@TempDir
	Path temp;

	/** Exports y = w·x + 1 with a variable w = 2, for images of any size with one channel. */
	private static void exportAffine(Path dir) throws IOException {
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			Operand<TFloat32> w = tf.variable(tf.constant(2f));
			Operand<TFloat32> y = tf.math.add(tf.math.mul(x, w), tf.constant(1f));
			SavedModelExporter.export(dir, session, x, y);
		}
	}

	@Test
	void exportsAndRunsAModelWithAVariable() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
		assertTrue(Files.isRegularFile(dir.resolve("variables/variables.index")));
		float[] x = new float[16];
		for (int i = 0; i < x.length; i++)
			x[i] = i - 5.5f;
		try (SavedModelRunner model = SavedModelRunner.load(dir, CPU)) {
			float[] y = model.run(x, 1, 4, 4, 1);
			for (int i = 0; i < x.length; i++)
				assertEquals(2 * x[i] + 1, y[i], 1e-6);
			assertArrayEquals(new long[] { 1, 4, 4, 1 }, model.runWithShape(x, 1, 4, 4, 1).shape());
		}
	}

	@Test
	void gpuSessionConfigStillRunsWhereOnlyTheCpuIsPresent() throws IOException {
		// soft placement lets ops without a usable GPU kernel fall back to the CPU
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		try (SavedModelRunner model = SavedModelRunner.load(dir, new ComputeDevice(true, "GPU:0", ""))) {
			assertArrayEquals(new float[] { 3, 5 }, model.run(new float[] { 1, 2 }, 1, 1, 2, 1));
		}
	}

	@Test
	void describesTheServingSignature() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		try (SavedModelRunner model = SavedModelRunner.load(dir, CPU)) {
			assertEquals(List.of("input"), model.inputNames());
			assertEquals(List.of("output"), model.outputNames());
			assertArrayEquals(new long[] { -1, -1, -1, 1 }, model.inputShape("input").orElseThrow());
			assertEquals(CPU, model.device());
			assertEquals(dir, model.directory());
			assertThrows(IllegalArgumentException.class, () -> model.outputShape("y"));
		}
		try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString())) {
			// DeepImageJ and TensorFlow Serving look for a predict signature
			assertEquals("tensorflow/serving/predict", bundle.metaGraphDef().getSignatureDefOrThrow("serving_default").getMethodName());
		}
	}

	@Test
	void runsTiledThroughTheTileFunction() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		float[] values = new float[130 * 90];
		for (int i = 0; i < values.length; i++)
			values[i] = (i % 37) / 10f;
		ArrayImg<FloatType, FloatArray> output = ArrayImgs.floats(130, 90);
		try (SavedModelRunner model = SavedModelRunner.load(dir, CPU)) {
			new TiledProcessor().process(ArrayImgs.floats(values, 130, 90), output, model.asTileFunction(), 64, 8, Progress.NONE);
		}
		float[] y = output.update(null).getCurrentStorageArray();
		for (int i = 0; i < values.length; i++)
			assertEquals(2 * values[i] + 1, y[i], 1e-5, "pixel " + i);
	}

	@Test
	void rejectsInputThatDoesNotFitTheSignature() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		try (SavedModelRunner model = SavedModelRunner.load(dir, CPU)) {
			BadInputException channels = assertThrows(BadInputException.class, () -> model.run(new float[12], 1, 2, 2, 3));
			assertEquals("The model expects input 'input' of shape [-1, -1, -1, 1] (-1: any size), got [1, 2, 2, 3].", channels.getMessage());
			BadInputException count = assertThrows(BadInputException.class, () -> model.run(new float[5], 1, 2, 2, 1));
			assertEquals("An input of shape [1, 2, 2, 1] needs 4 values, got 5.", count.getMessage());
		}
	}

	@Test
	void refusesToRunAfterClose() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		SavedModelRunner model = SavedModelRunner.load(dir, CPU);
		model.close();
		model.close();
		assertThrows(IllegalStateException.class, () -> model.run(new float[1], 1, 1, 1, 1));
	}

	// -- Loading errors --

	@Test
	void missingFolderGivesAClearMessage() {
		Path dir = temp.resolve("nowhere");
		BadInputException e = assertThrows(BadInputException.class, () -> SavedModelRunner.load(dir, CPU));
		assertEquals("The model folder " + dir + " does not exist; expected a TensorFlow SavedModel folder holding saved_model.pb and variables/.",
			e.getMessage());
	}

	@Test
	void folderWithoutSavedModelGivesAClearMessage() throws IOException {
		Path dir = Files.createDirectories(temp.resolve("empty"));
		Files.writeString(dir.resolve("model.h5"), "not a SavedModel");
		BadInputException e = assertThrows(BadInputException.class, () -> SavedModelRunner.load(dir, CPU));
		assertEquals("The folder " + dir + " holds no saved_model.pb, so it is not a TensorFlow SavedModel; " +
			"expected a TensorFlow SavedModel folder holding saved_model.pb and variables/.", e.getMessage());
	}

	@Test
	void fileInsteadOfFolderGivesAClearMessage() throws IOException {
		Path zip = Files.writeString(temp.resolve("model.zip"), "PK");
		BadInputException e = assertThrows(BadInputException.class, () -> SavedModelRunner.load(zip, CPU));
		assertTrue(e.getMessage().startsWith("The model path " + zip + " is a file, not a folder"), e.getMessage());
	}

	@Test
	void corruptSavedModelGivesAClearMessage() throws IOException {
		Path dir = Files.createDirectories(temp.resolve("corrupt"));
		Files.writeString(dir.resolve("saved_model.pb"), "this is not a protocol buffer");
		BadInputException e = assertThrows(BadInputException.class, () -> SavedModelRunner.load(dir, CPU));
		assertTrue(e.getMessage().startsWith("TensorFlow could not load the SavedModel in " + dir + " with tag 'serve': "), e.getMessage());
	}

	@Test
	void modelWithoutServingDefaultGivesAClearMessage() throws IOException {
		Path dir = temp.resolve("other-key");
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			Signature signature = Signature.builder("predict").input("x", x).output("y", tf.math.neg(x)).build();
			SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
		}
		BadInputException e = assertThrows(BadInputException.class, () -> SavedModelRunner.load(dir, CPU));
		assertEquals("The SavedModel in " + dir + " has no 'serving_default' signature (it has: predict); export the model with that signature.",
			e.getMessage());
	}

	// -- Exporting --

	@Test
	void exporterNeverOverwritesAModel() throws IOException {
		Path dir = temp.resolve("affine");
		exportAffine(dir);
		byte[] before = Files.readAllBytes(dir.resolve("saved_model.pb"));
		BadInputException e = assertThrows(BadInputException.class, () -> exportAffine(dir));
		assertEquals("Cannot export a model to " + dir + ": it already holds a SavedModel; choose a new folder.", e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(dir.resolve("saved_model.pb")));
	}

	@Test
	void exportsAModelWithoutVariables() throws IOException {
		Path dir = temp.resolve("negate");
		try (Graph graph = new Graph(); Session session = new Session(graph)) {
			Ops tf = Ops.create(graph);
			Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
			SavedModelExporter.export(dir, session, x, tf.math.neg(x));
		}
		try (SavedModelRunner model = SavedModelRunner.load(dir, CPU)) {
			assertArrayEquals(new float[] { -1, 2, -3 }, model.run(new float[] { 1, -2, 3 }, 3));
			assertFalse(model.inputShape("input").isEmpty());
		}
	}
}
