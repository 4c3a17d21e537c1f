/**
 * HyperSpy {@code .hspy} files (HDF5) through the pure-Java HDF5 library jhdf:
 * {@link org.ml4em.io.hspy.HyperSpyReader} opens format versions 1.0 to 3.1 lazily (usually via
 * {@link org.ml4em.io.EmFiles#open}), {@link org.ml4em.io.hspy.HyperSpyWriter} writes format 3.1
 * files that HyperSpy and RosettaSciIO open.
 * <pre>{@code
 * try (EmFile f = EmFiles.open(Path.of("in.hspy"))) {
 *     HyperSpyWriter.write(f.signal(), Path.of("copy.hspy"), HyperSpyWriter.Storage.CHUNKED_DEFLATE, false);
 * }
 * }</pre>
 * Axis order: HyperSpy and NumPy list axes slowest first; {@link org.ml4em.io.EmSignal} lists them
 * fastest first, so HyperSpy's {@code axis-0} is the last of {@code EmSignal.axes()}.
 */
package org.ml4em.io.hspy;
