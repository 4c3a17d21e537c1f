package org.ml4em.io.dm;

import java.nio.ByteOrder;
import java.util.Map;

/**
 * A DM file's parsed tag tree.
 *
 * @param version 3 or 4
 * @param order byte order of the tag values and the image data
 * @param root the root tag group as nested maps (see {@link DmTagParser})
 * @param blocks the values left in the file, keyed by the identity of the descriptor map that
 *     stands for them in the tree — identity, so that tags in a file that merely look like a
 *     descriptor are never taken for one
 */
record DmTagTree(int version, ByteOrder order, Map<String, Object> root, Map<Object, DmDataBlock> blocks) {

	/** {@return the block a tree value stands for, or null when it is not a descriptor} */
	DmDataBlock block(Object treeValue) {
		return treeValue == null ? null : blocks.get(treeValue);
	}
}
