package org.ml4em.ij;

/**
 * Runs test code as inside Fiji: with the launcher's system property cleared (the surefire JVM
 * may hold it from the launcher tests), restored afterwards.
 */
final class OutsideLauncher {

	interface Body {
		void run() throws Exception;
	}

	private OutsideLauncher() {}

	static void run(Body body) throws Exception {
		String before = System.getProperty(ResultTableDisplay.LAUNCHER_PROPERTY);
		System.clearProperty(ResultTableDisplay.LAUNCHER_PROPERTY);
		try {
			body.run();
		}
		finally {
			if (before != null) System.setProperty(ResultTableDisplay.LAUNCHER_PROPERTY, before);
		}
	}
}
