package org.ml4em.io.hspy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;

import io.jhdf.HdfFile;

/**
 * An HDF5 file opened by jhdf on a channel of ours, closed as one. jhdf's {@code HdfFile(Path)}
 * leaves its channel open when it refuses a file, hence the channel; but jhdf 0.13's
 * {@link HdfFile#close()} of a channel-backed file throws after closing the channel (it logs the
 * file's path, which it does not have), so closing is done here.
 */
final class OpenHdfFile implements Closeable {

	private final FileChannel channel;

	private final HdfFile hdf;

	/**
	 * @param channel an open channel, closed with this object
	 * @param hdf jhdf's view of it, or null when jhdf refused the file
	 */
	OpenHdfFile(FileChannel channel, HdfFile hdf) {
		this.channel = channel;
		this.hdf = hdf;
	}

	@Override
	public void close() throws IOException {
		try {
			if (hdf != null)
				hdf.close();
		} catch (RuntimeException loggingAfterClose) {
			// the channel is closed by then; see the class comment
		} finally {
			channel.close();
		}
	}
}
