package org.ml4em.tf;

/** TensorFlow Java cannot be found or loaded; the message says where it was looked for. */
public final class TensorFlowUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	TensorFlowUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
