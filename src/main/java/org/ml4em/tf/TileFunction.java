package org.ml4em.tf;

/**
 * The computation {@link TiledProcessor} runs on each tile: one single-channel 2-D tile in, one
 * single-channel tile of the same size out (a network's forward pass, a filter…).
 * <p>
 * Pixels are row-major: the value at column {@code x}, row {@code y} is
 * {@code tile[y * width + x]}, x running along image dimension 0. This is also the memory order
 * of a TensorFlow tensor of shape {@code (1, height, width, 1)} (bioimage.io axes {@code byxc}),
 * so a network can take the array as it is ({@link SavedModelRunner#asTileFunction()}).
 * <p>
 * To ask for smaller tiles, throw {@link OutOfMemoryError} or TensorFlow's
 * {@code TFResourceExhaustedException} (possibly as the cause of another exception); the
 * processor then halves the tile size and retries. Implementations are called from one thread at
 * a time by one processor.
 *
 * <pre>
 * TileFunction invert = (tile, width, height) -&gt; {
 *     for (int i = 0; i &lt; tile.length; i++) tile[i] = 1 - tile[i];
 *     return tile;
 * };
 * </pre>
 */
@FunctionalInterface
public interface TileFunction {

	/**
	 * Computes one output tile.
	 *
	 * @param tile {@code width × height} input values, row-major (channels fastest when the
	 *            processor's input has several); owned by the caller for this call only, and may be
	 *            modified and returned
	 * @param width tile width in pixels
	 * @param height tile height in pixels
	 * @return {@code width × height} output values, row-major, same layout as the input
	 */
	float[] apply(float[] tile, int width, int height);
}
