package org.ml4em.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ml4em.BadInputException;
import org.ml4em.commands.CommandCatalog;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.event.EventService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;

/**
 * The headless launcher behind {@code ./ml4em}, with Fiji's syntax:
 *
 * <pre>
 * ./ml4em --headless --run "K-means Clustering" "input='a.tif',k=3,output='labels.tif'"
 * ./ml4em --list
 * ./ml4em info si.dm4
 * ./ml4em demo
 * ./ml4em update-site
 * </pre>
 *
 * Exit codes: 0 done, 1 usage error, 2 bad input (one sentence on stderr), 3 internal error.
 */
public final class Main {

	static final int OK = 0, USAGE = 1, BAD_INPUT = 2, FAILED = 3;

	private final PrintStream out;
	private final PrintStream err;

	Main(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		int code = new Main(System.out, System.err).execute(args);
		System.exit(code);
	}

	/** Runs the launcher on {@code args} and returns the exit code; never calls System.exit. */
	int execute(String[] args) {
		// Tables become CSV files here; keeps the Fiji table display (org.ml4em.ij) out of the way.
		System.setProperty("ml4em.launcher", "true");
		List<String> words = new ArrayList<>(List.of(args));
		boolean overwrite = words.remove("--overwrite");
		words.remove("--headless");
		if (words.isEmpty() || words.contains("--help") || words.contains("-h")) return usage(words.isEmpty() ? USAGE : OK);
		if (words.get(0).equals("info"))
			return info(words.subList(1, words.size()));
		if (words.get(0).equals("make-sample-eels") && words.size() == 2) {
			try {
				SampleSpectrumImage.write(Path.of(words.get(1)));
				out.println("wrote " + words.get(1));
				return OK;
			}
			catch (IOException e) {
				err.println("Error: " + e.getMessage());
				return BAD_INPUT;
			}
		}
		try (Context context = createContext()) {
			context.service(EventService.class).subscribe(new ConsoleStatus(err));
			CommandCatalog catalog = new CommandCatalog(context);
			switch (words.get(0)) {
				case "--list":
					new CommandListing(out).print(catalog);
					return OK;
				case "commands-table":
					return commandsTable(catalog, words.size() > 1 ? Path.of(words.get(1)) : null);
				case "update-site":
					return new UpdateSiteMaker(context, catalog, out, home()).run(words.size() > 1 ? Path.of(words.get(1)) : home().resolve("update-site"));
				case "demo":
					return new Demo(context, catalog, out, words.size() > 1 ? Path.of(words.get(1)) : home()).run();
				case "--run":
					if (words.size() < 2) return usage(USAGE);
					List<Path> written = new HeadlessRun(context, catalog.find(words.get(1)), out)
						.run(KeyValueArguments.parse(words.size() > 2 ? words.get(2) : ""), overwrite);
					written.forEach(p -> out.println("wrote " + p));
					return OK;
				default:
					return usage(USAGE);
			}
		}
		catch (BadInputException e) {
			err.println("Error: " + e.getMessage());
			return BAD_INPUT;
		}
		catch (Exception e) {
			err.println("Error: " + e);
			e.printStackTrace(err);
			return FAILED;
		}
	}

	private int commandsTable(CommandCatalog catalog, Path document) throws Exception {
		String table = CommandTable.markdown(catalog);
		if (document == null) {
			out.print(table);
			return OK;
		}
		Files.writeString(document, CommandTable.replaceSection(Files.readString(document), table));
		out.println("wrote the command table into " + document);
		return OK;
	}

	private static Path home() {
		return Path.of(System.getProperty("ml4em.home", "."));
	}

	// No SciJava context: a quick look at a file should start quickly.
	private int info(List<String> arguments) {
		boolean tags = arguments.remove("--tags");
		if (arguments.size() != 1)
			return usage(USAGE);
		try {
			out.println(FileInfo.json(Path.of(arguments.get(0)), tags));
			return OK;
		}
		catch (IOException | BadInputException e) {
			err.println("Error: " + e.getMessage());
			return BAD_INPUT;
		}
		catch (RuntimeException e) {
			err.println("Error: " + e);
			e.printStackTrace(err);
			return FAILED;
		}
	}

	static Context createContext() {
		return new Context(CommandService.class, ModuleService.class, StatusService.class, LogService.class, ConvertService.class,
			EventService.class);
	}

	private int usage(int code) {
		(code == OK ? out : err).println(String.join("\n",
			"Usage:",
			"  ./ml4em --headless --run \"<command label or class>\" \"<key=value,key='value',...>\" [--overwrite]",
			"  ./ml4em --list            every command with its parameters, types and defaults",
			"  ./ml4em info [--tags] <file>  JSON summary of a DM3/DM4, .hspy or TIFF file (shape, axes, dtype, mean, beam energy, exposure)",
			"  ./ml4em make-sample-eels <file.dm4>  writes the simulated sample spectrum image of sample-images/",
			"  ./ml4em demo [dir]        runs every command on sample-images/ (under dir, default .), results in out/",
			"  ./ml4em update-site [dir] makes or updates ML4EM's Fiji update site (default update-site/)",
			"  ./ml4em commands-table [README.md]  the Markdown table of every command and its parameters (into the file's marked section)",
			"Image parameters take file paths; output='<file>.tif' says where the results go (tables beside it as .csv).",
			"Example:",
			"  ./ml4em --headless --run \"K-means Clustering\" \"input='sample-images/haadf_stem.tif',k=3,output='out/labels.tif'\""));
		return code;
	}
}
