package org.ml4em.updatesite;

import java.io.ByteArrayOutputStream;

/**
 * What Fiji's updater keeps of a {@code .properties} file for a jar's checksum: a line starting
 * with '#' gives only its newline.
 * <p>
 * The updater's filter has a quirk that changes checksums, so it is reproduced: the character
 * right after a comment's '#' is judged as if it started a line. A bare "#" line therefore leaves
 * the filter believing it is mid-line, so a '#' at the start of the next line is kept; and "##"
 * is a comment like "#".
 */
final class HashedLineFilter {

	private final byte[] in;
	private int next;
	private boolean atLineStart = true;

	private HashedLineFilter(byte[] in) {
		this.in = in;
	}

	static byte[] filter(byte[] properties) {
		HashedLineFilter f = new HashedLineFilter(properties);
		ByteArrayOutputStream out = new ByteArrayOutputStream(properties.length);
		for (int ch = f.read(); ch != -1; ch = f.read())
			out.write(ch);
		return out.toByteArray();
	}

	private int read() {
		int ch = next < in.length ? in[next++] & 0xff : -1;
		if (atLineStart) {
			if (ch == '#') {
				do
					ch = read();
				while (ch != '\n' && ch != -1);
			}
			else atLineStart = false;
		}
		else if (ch == '\n') atLineStart = true;
		return ch;
	}
}
