package org.ml4em;

/**
 * Input that an engine or command cannot work on: the message is one sentence, for the user,
 * naming what is wrong (with the value seen) and what is expected.
 */
public class BadInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** @param message what is wrong and what is expected, as one sentence for the user */
	public BadInputException(String message) {
		super(message);
	}

	/** @param message what is wrong and what is expected; {@code cause} is kept for the log */
	public BadInputException(String message, Throwable cause) {
		super(message, cause);
	}
}
