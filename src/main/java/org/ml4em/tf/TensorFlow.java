package org.ml4em.tf;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;

/**
 * The one way into TensorFlow: {@link #engine()} finds TensorFlow Java ({@link TensorFlowLocation})
 * and, where an older TensorFlow could clash with it, loads it and ML4EM's code that calls it in
 * their own {@link IsolatingClassLoader}. The rest of ML4EM only sees the interfaces of this
 * package, so it runs the same either way.
 */
public final class TensorFlow {

	/**
	 * Where ML4EM's update site installs TensorFlow Java, relative to the Fiji folder: not a folder
	 * Fiji puts on its class path.
	 */
	public static final String FIJI_FOLDER = "lib/ml4em-tensorflow";

	private static final String ENGINE = "org.ml4em.tf.engine.TfEngine";

	private static volatile TensorFlowEngine engine;

	private TensorFlow() {}

	/**
	 * {@return the engine}, created on first use
	 *
	 * @throws TensorFlowUnavailableException when TensorFlow Java cannot be found or loaded
	 */
	public static TensorFlowEngine engine() {
		TensorFlowEngine e = engine;
		if (e == null) {
			synchronized (TensorFlow.class) {
				if (engine == null) engine = create();
				e = engine;
			}
		}
		return e;
	}

	private static TensorFlowEngine create() {
		ClassLoader ours = TensorFlow.class.getClassLoader();
		URL ownCode = TensorFlow.class.getProtectionDomain().getCodeSource().getLocation();
		TensorFlowLocation location = TensorFlowLocation.find(ours, ownCode, System.getProperty("imagej.dir"),
			System.getProperty(TensorFlowLocation.DIR_PROPERTY));
		ClassLoader loader = location.isolatedJars().isEmpty() ? ours :
			new IsolatingClassLoader(location.isolatedJars().toArray(URL[]::new), ours);
		try {
			return (TensorFlowEngine) Class.forName(ENGINE, true, loader).getConstructor().newInstance();
		}
		catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException
			| LinkageError e) {
			throw new TensorFlowUnavailableException("TensorFlow Java could not be loaded from " + location + ": " + e, e);
		}
	}
}
