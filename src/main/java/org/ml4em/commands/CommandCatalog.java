package org.ml4em.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ml4em.BadInputException;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.Context;

import net.imglib2.RandomAccessibleInterval;

/** The ML4EM commands known to a SciJava context, found by label, menu leaf or class name. */
public final class CommandCatalog {

	private final List<CommandInfo> commands = new ArrayList<>();

	/** The ML4EM commands the context knows, sorted by label. */
	public CommandCatalog(Context context) {
		for (CommandInfo info : context.service(CommandService.class).getCommands())
			if (info.getClassName().startsWith("org.ml4em.") && info.getMenuPath() != null && !info.getMenuPath().isEmpty()) commands.add(info);
		commands.sort((a, b) -> a.getTitle().compareTo(b.getTitle()));
	}

	/** Every ML4EM command, sorted by label. */
	public List<CommandInfo> all() {
		return commands;
	}

	/**
	 * The command whose label, menu leaf or class name (full or simple) is {@code name}, ignoring
	 * case and a trailing "...".
	 *
	 * @throws BadInputException naming the commands available when none matches
	 */
	public CommandInfo find(String name) {
		String wanted = normalise(name);
		for (CommandInfo info : commands) {
			String leaf = info.getMenuPath().getLeaf() == null ? "" : info.getMenuPath().getLeaf().getName();
			if (wanted.equals(normalise(info.getTitle())) || wanted.equals(normalise(leaf)) || wanted.equals(normalise(info.getClassName()))
				|| wanted.equals(normalise(simpleName(info.getClassName())))) return info;
		}
		List<String> titles = new ArrayList<>();
		for (CommandInfo info : commands) titles.add("\"" + info.getTitle() + "\"");
		throw new BadInputException("No command called \"" + name + "\"; available: " + String.join(", ", titles) + " (./ml4em --list shows their parameters).");
	}

	/** True for the parameters a user sets: not services, not the context. */
	public static boolean isUserInput(ModuleItem<?> item) {
		Class<?> type = item.getType();
		return !Service.class.isAssignableFrom(type) && !Context.class.isAssignableFrom(type);
	}

	/** True for image parameters, which the launcher reads from a file path. */
	public static boolean isImage(ModuleItem<?> item) {
		return RandomAccessibleInterval.class.isAssignableFrom(item.getType());
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static String normalise(String s) {
		String t = s.trim().toLowerCase(Locale.ROOT);
		return t.endsWith("...") ? t.substring(0, t.length() - 3).trim() : t;
	}
}
