package org.ml4em.tf.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ml4em.tf.ComputeDevice;
import org.ml4em.tf.TensorFlowDevices;
import org.ml4em.tf.TfNearestCentroids;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.TInt32;

/** {@link TfNearestCentroids} in TensorFlow. */
public final class NearestCentroidsGraph implements TfNearestCentroids {

	/** Rows per tensor: bounds the n × k distance matrix a single run materialises. */
	static final int CHUNK_ROWS = 1 << 20;

	private final int d;
	private final int k;
	private final Graph graph = new Graph();
	private final Session session;
	private final List<TFloat32> chunks = new ArrayList<>();
	private final Placeholder<TFloat32> points;
	private final Placeholder<TFloat32> centroids;
	private final Operand<TInt32> labels;
	private final Operand<TFloat32> sums;
	private final Operand<TFloat32> counts;
	private final Operand<TFloat32> inertia;
	private final ComputeDevice device;

	/**
	 * @param data row-major points, {@code n × d} floats; copied, not kept
	 * @param n number of points
	 * @param d features per point
	 * @param k number of centroids every call will pass
	 * @param device where to run, from {@link TensorFlowDevices#resolve}
	 * @param threads CPU threads TensorFlow may use
	 */
	public NearestCentroidsGraph(float[] data, int n, int d, int k, ComputeDevice device, int threads) {
		this(data, n, d, k, device, threads, device.gpu());
	}

	/** @param inFloat64 whether distances and sums are computed in float64 (on a GPU, always) */
	NearestCentroidsGraph(float[] data, int n, int d, int k, ComputeDevice device, int threads, boolean inFloat64) {
		Objects.requireNonNull(data, "data");
		if ((long) n * d > data.length) throw new IllegalArgumentException("data holds " + data.length + " floats, fewer than n*d=" + (long) n * d);
		this.d = d;
		this.k = k;
		this.device = device;
		Ops tf = Ops.create(graph);
		if (device.gpu()) tf = tf.withDevice(GpuProbe.gpuSpec());
		points = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, d)));
		centroids = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(k, d)));
		// TensorFlow runs float32 matrix products on recent GPUs in TF32 (10-bit mantissa): the
		// cross term of the distances then errs by a few percent of a point's distance, which on
		// an H200 reported an inertia 0.5 % off (2 % for points 40 from the origin). The products
		// are only k columns wide, so float64 costs little even where its rate is low; on the
		// CPU float32 is exact enough and twice as fast.
		Outputs out = inFloat64 ? outputs(tf, tf.dtypes.cast(points, TFloat64.class), tf.dtypes.cast(centroids, TFloat64.class))
			: outputs(tf, points, centroids);
		labels = out.labels();
		inertia = out.inertia();
		sums = out.sums();
		counts = out.counts();
		// device_count GPU 0 on the CPU: TensorFlow would otherwise place these operations on a
		// visible GPU even when the CPU was asked for (seen on an H200, in float32 there).
		session = new Session(graph, SessionConfigs.forDevice(device, threads));
		copyChunks(data, n);
	}

	private record Outputs(Operand<TInt32> labels, Operand<TFloat32> inertia, Operand<TFloat32> sums, Operand<TFloat32> counts) {}

	/** Nearest centroid of each point, computed in the precision of {@code x}; results as float32. */
	private <T extends TFloating> Outputs outputs(Ops tf, Operand<T> x, Operand<T> c) {
		var pointNorms = tf.reduceSum(tf.math.square(x), tf.constant(1), ReduceSum.keepDims(true));
		var centroidNorms = tf.reduceSum(tf.math.square(c), tf.constant(1));
		var cross = tf.linalg.matMul(x, c, MatMul.transposeB(true));
		var distances = tf.math.add(tf.math.sub(pointNorms, tf.math.mul(tf.dtypes.cast(tf.constant(2f), x.type()), cross)), centroidNorms);
		Operand<TInt32> nearestLabel = tf.math.argMin(distances, tf.constant(1), TInt32.class);
		var nearest = tf.math.maximum(tf.reduceMin(distances, tf.constant(1)), tf.dtypes.cast(tf.constant(0f), x.type()));
		Operand<TFloat32> total = tf.dtypes.cast(tf.reduceSum(nearest, tf.constant(0)), TFloat32.class);
		Operand<TFloat32> segmentSums = tf.dtypes.cast(tf.math.unsortedSegmentSum(x, nearestLabel, tf.constant(k)), TFloat32.class);
		Operand<TFloat32> segmentCounts = tf.dtypes.cast(tf.math.unsortedSegmentSum(tf.onesLike(nearest), nearestLabel, tf.constant(k)), TFloat32.class);
		return new Outputs(nearestLabel, total, segmentSums, segmentCounts);
	}

	@Override
	public ComputeDevice device() {
		return device;
	}

	@Override
	public double accumulate(float[] centroidValues, double[] sumsOut, long[] countsOut) {
		java.util.Arrays.fill(sumsOut, 0);
		java.util.Arrays.fill(countsOut, 0);
		double total = 0;
		float[] chunkSums = new float[k * d];
		float[] chunkCounts = new float[k];
		try (TFloat32 c = centroidTensor(centroidValues)) {
			for (TFloat32 chunk : chunks) {
				try (Result r = session.runner().feed(points, chunk).feed(centroids, c).fetch(sums).fetch(counts).fetch(inertia).run()) {
					((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(chunkSums);
					((TFloat32) r.get(1)).asRawTensor().data().asFloats().read(chunkCounts);
					total += ((TFloat32) r.get(2)).getFloat();
				}
				for (int i = 0; i < chunkSums.length; i++) sumsOut[i] += chunkSums[i];
				for (int j = 0; j < k; j++) countsOut[j] += Math.round(chunkCounts[j]);
			}
		}
		return total;
	}

	@Override
	public void assign(float[] centroidValues, int[] labelsOut) {
		int offset = 0;
		try (TFloat32 c = centroidTensor(centroidValues)) {
			for (TFloat32 chunk : chunks) {
				int rows = (int) chunk.shape().size(0);
				try (Result r = session.runner().feed(points, chunk).feed(centroids, c).fetch(labels).run()) {
					int[] part = new int[rows];
					((TInt32) r.get(0)).asRawTensor().data().asInts().read(part);
					System.arraycopy(part, 0, labelsOut, offset, rows);
				}
				offset += rows;
			}
		}
	}

	@Override
	public void close() {
		chunks.forEach(TFloat32::close);
		chunks.clear();
		session.close();
		graph.close();
	}

	private TFloat32 centroidTensor(float[] values) {
		return TFloat32.tensorOf(Shape.of(k, d), DataBuffers.of(values, true, false));
	}

	private void copyChunks(float[] data, int n) {
		for (int start = 0; start < n; start += CHUNK_ROWS) {
			int rows = Math.min(CHUNK_ROWS, n - start);
			float[] part = java.util.Arrays.copyOfRange(data, start * d, (start + rows) * d);
			chunks.add(TFloat32.tensorOf(Shape.of(rows, d), DataBuffers.of(part, true, false)));
		}
	}
}
