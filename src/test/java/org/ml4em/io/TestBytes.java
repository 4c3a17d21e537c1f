package org.ml4em.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Random;

/** What the reader tests share: finding bundled files, damaging bytes the way fuzz tests do. */
public final class TestBytes {

	private TestBytes() {}

	/**
	 * {@return a damaged copy of one byte: zero, all ones, off by one, or random} The kinds of
	 * damage that most often turn a length or type field into something a reader must refuse.
	 *
	 * @param original the byte
	 * @param random the source of choices
	 */
	public static byte damaged(byte original, Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> 0;
			case 1 -> (byte) 0xff;
			case 2 -> (byte) (original + 1);
			default -> (byte) random.nextInt(256);
		};
	}

	/**
	 * {@return the path of a test resource beside a class}
	 *
	 * @param anchor a class in the resource's package
	 * @param name the file name
	 */
	public static Path resource(Class<?> anchor, String name) {
		URL url = anchor.getResource(name);
		if (url == null)
			throw new IllegalStateException("test resource " + name + " is missing");
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
