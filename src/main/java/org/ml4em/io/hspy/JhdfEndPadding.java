package org.ml4em.io.hspy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Works around a jhdf 0.13 writer bug. On close, jhdf writes the tree depth first and then appends
 * its version string ("jHDF - 0.13.0 - …") at the channel position — which is the end of the last
 * data set written, not the end of the file. If any object was written after that data set, its
 * header is overwritten and HDF5 (h5py, HyperSpy) reports "bad object header version number".
 * <p>
 * The fix: make the last node of the depth-first walk a data set, so that nothing follows it. jhdf
 * walks children in the iteration order of its {@link ConcurrentHashMap}s, which
 * {@link Group#getChildren()} exposes; if the walk does not already end in a data set, a one-byte
 * data set is added to the root under a name that iterates after the others. Readers of HyperSpy
 * files look only at {@code /Experiments}, so it is harmless.
 */
final class JhdfEndPadding {

	/** Name of the padding data set (a number is appended if it does not sort last). */
	static final String NAME = "_end_of_file";

	private JhdfEndPadding() {}

	/**
	 * Ensures the file's depth-first walk ends in a data set.
	 *
	 * @param root the file being written, before it is closed
	 * @throws IllegalStateException when no padding name iterates last (a jhdf change this cannot handle)
	 */
	static void apply(WritableHdfFile root) {
		if (lastWritten(root) instanceof Dataset)
			return;
		for (int i = 0; i < 1000; i++) {
			String name = i == 0 ? NAME : NAME + i;
			if (root.getChildren().containsKey(name) || !iteratesLast(root.getChildren(), name))
				continue;
			root.putDataset(name, new byte[] { 0 });
			if (lastWritten(root) instanceof Dataset)
				return;
			break;
		}
		throw new IllegalStateException("cannot place jhdf's end-of-file string safely; the file would be damaged");
	}

	/** The node jhdf writes last: the last child, recursively, in the children maps' iteration order. */
	static Node lastWritten(Group group) {
		Node last = group;
		while (last instanceof Group g && !g.getChildren().isEmpty()) {
			Node child = null;
			for (Node c : g.getChildren().values())
				child = c;
			last = child;
		}
		return last;
	}

	/** Whether a key added to a map like the root's would come last, found on a copy built the same way. */
	private static boolean iteratesLast(Map<String, Node> children, String name) {
		Map<String, Boolean> copy = new ConcurrentHashMap<>();
		for (String key : children.keySet())
			copy.put(key, Boolean.TRUE);
		copy.put(name, Boolean.TRUE);
		String last = null;
		for (String key : copy.keySet())
			last = key;
		return name.equals(last);
	}
}
