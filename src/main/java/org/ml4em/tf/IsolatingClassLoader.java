package org.ml4em.tf;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that takes TensorFlow Java, its protobuf and JavaCPP, and ML4EM's code that calls
 * them ({@code org.ml4em.tf.engine}) from its own jars first, and everything else from its parent.
 * <p>
 * Fiji's TensorFlow and CSBDeep update sites put TensorFlow 1.15 ({@code libtensorflow},
 * {@code proto}) on Fiji's class path, with classes of the same names as TensorFlow Java's
 * ({@code org.tensorflow.Graph}, {@code Session}, …); loaded from one class path the two mix and
 * neither works. Behind this loader both coexist, as DeepImageJ's engines do. The shared types
 * ({@link TensorFlowEngine} and the rest of {@code org.ml4em.tf}) come from the parent, so the
 * engine made here is usable by the code that asked for it.
 */
final class IsolatingClassLoader extends URLClassLoader {

	/** Packages (as class-name prefixes) taken from this loader's jars before the parent's. */
	static final List<String> OWN_PACKAGES = List.of("org.tensorflow.", "com.google.protobuf.", "org.bytedeco.javacpp.", "org.ml4em.tf.engine.");

	static {
		registerAsParallelCapable();
	}

	IsolatingClassLoader(URL[] urls, ClassLoader parent) {
		super("ml4em-tensorflow", urls, parent);
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!isOwn(name)) return super.loadClass(name, resolve);
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) c = findClass(name);
			if (resolve) resolveClass(c);
			return c;
		}
	}

	@Override
	public URL getResource(String name) {
		if (isOwnResource(name)) {
			URL own = findResource(name);
			if (own != null) return own;
		}
		return super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		// JavaCPP finds its native libraries as resources: only ours may answer for our packages
		if (isOwnResource(name)) return findResources(name);
		return super.getResources(name);
	}

	static boolean isOwn(String className) {
		for (String prefix : OWN_PACKAGES)
			if (className.startsWith(prefix)) return true;
		return false;
	}

	private static boolean isOwnResource(String name) {
		String path = name.startsWith("/") ? name.substring(1) : name;
		return isOwn(path.replace('/', '.')) || path.startsWith("org/bytedeco/");
	}
}
