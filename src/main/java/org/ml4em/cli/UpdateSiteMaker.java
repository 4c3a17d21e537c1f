package org.ml4em.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ml4em.BadInputException;
import org.ml4em.io.Folders;
import org.ml4em.commands.CommandCatalog;
import org.ml4em.updatesite.SiteFile;
import org.ml4em.updatesite.UpdateSiteBuilder;
import org.ml4em.updatesite.UpdateSiteFiles;
import org.scijava.Context;

/**
 * {@code ./ml4em update-site [folder]}: makes (or brings up to date) ML4EM's Fiji update site from
 * the built jar, its run-time libraries ({@code target/lib}), TensorFlow's native jars for other
 * platforms when {@code mvn -Pall-platforms package} put them in {@code target/natives},
 * {@code macros/} and the shipped models, exported as bioimage.io folders by the Export commands.
 */
final class UpdateSiteMaker {

	/** Model folder names under Fiji's {@code models/} → the command that exports each. */
	static final Map<String, String> MODELS = Map.of("ML4EM_atomic_column_finder", "Export Column Model (bioimage.io)",
		"ML4EM_scan_completer", "Export Scan Completer (bioimage.io)");

	private final Context context;
	private final CommandCatalog catalog;
	private final PrintStream out;
	private final Path home;

	UpdateSiteMaker(Context context, CommandCatalog catalog, PrintStream out, Path home) {
		this.context = context;
		this.catalog = catalog;
		this.out = out;
		this.home = home;
	}

	int run(Path site) throws Exception {
		Path jar = pluginJar();
		Path work = Files.createTempDirectory("ml4em-update-site");
		try {
			Map<String, Path> models = new LinkedHashMap<>();
			for (Map.Entry<String, String> m : new java.util.TreeMap<>(MODELS).entrySet()) {
				Path folder = work.resolve(m.getKey());
				new HeadlessRun(context, catalog.find(m.getValue()), out).run(new LinkedHashMap<>(Map.of("output", folder.toString())), false);
				models.put(m.getKey(), modelFolderIn(folder));
			}
			Path natives = home.resolve("target/natives");
			List<SiteFile> files = UpdateSiteFiles.of(jar, home.resolve("target/lib"), Files.isDirectory(natives) ? natives : null, home.resolve("macros"), models);
			UpdateSiteBuilder.Report report = UpdateSiteBuilder.build(files, site, UpdateSiteBuilder.now());
			out.println("Update site " + site.toAbsolutePath().normalize() + ": " + report);
			out.println("Host this folder on a web server, then in Fiji: Help > Update... > Manage update sites > Add unlisted site, with its URL.");
			return Main.OK;
		}
		finally {
			Folders.deleteTree(work);
		}
	}

	private static Path pluginJar() throws URISyntaxException {
		Path code = Path.of(UpdateSiteMaker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		if (!Files.isRegularFile(code) || !code.getFileName().toString().endsWith(".jar"))
			throw new BadInputException("The update site is made from the plugin jar, but ML4EM runs from " + code + "; run ./ml4em, which builds the jar.");
		return code;
	}

	/** The export writes its model folder inside the output folder; this finds it by its rdf.yaml. */
	private static Path modelFolderIn(Path output) throws IOException {
		try (Stream<Path> walk = Files.walk(output)) {
			return walk.filter(p -> p.getFileName().toString().equals("rdf.yaml")).map(Path::getParent).findFirst()
				.orElseThrow(() -> new IOException("The export into " + output + " wrote no rdf.yaml."));
		}
	}
}
