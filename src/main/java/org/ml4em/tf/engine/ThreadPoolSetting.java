package org.ml4em.tf.engine;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How TensorFlow shares its intra-op threads. By default one pool serves every session of the
 * process, sized by the first session created (ML4EM's GPU check, which asks for all cores), so a
 * later session's own thread count is ignored. Graphs of many small operations, such as the EELS
 * replica training, then hand every operation to that pool and lose about a third of their speed.
 * The environment variable {@value #VARIABLE}, read once when TensorFlow creates its first device,
 * gives each session a pool of its own; Java cannot set it for its own process, so the launcher
 * does, and Fiji users can.
 */
final class ThreadPoolSetting {

	static final String VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

	private static final AtomicBoolean NOTED = new AtomicBoolean();

	private ThreadPoolSetting() {}

	/** Whether {@code environment} gives each session its own pool, read as TensorFlow reads it ("1" or "true"). */
	static boolean perSession(Map<String, String> environment) {
		String value = environment.get(VARIABLE);
		return value != null && (value.trim().equals("1") || value.trim().equalsIgnoreCase("true"));
	}

	/** {@link #sharedPoolNote} the first time in this process, null after that: once is enough for the log. */
	static String sharedPoolNoteOnce(Map<String, String> environment) {
		String note = sharedPoolNote(environment);
		return note != null && NOTED.compareAndSet(false, true) ? note : null;
	}

	/** A line for the log when the replica training runs on a shared pool, or null when it does not. */
	static String sharedPoolNote(Map<String, String> environment) {
		if (perSession(environment)) return null;
		return "TensorFlow shares one thread pool between all its sessions in this process (" + VARIABLE +
			" is not set), so this training takes about 1.5x longer per epoch than in the ml4em launcher, which sets it; start Fiji with " +
			VARIABLE + "=1 in its environment for the same speed.";
	}
}
