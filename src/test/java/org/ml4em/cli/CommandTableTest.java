package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ml4em.commands.CommandCatalog;
import org.junit.jupiter.api.Test;
import org.scijava.Context;

/** The README's command table is what the commands say about themselves. */
class CommandTableTest {

	@Test
	void theReadmesTableIsUpToDate() throws Exception {
		try (Context context = Main.createContext()) {
			CommandCatalog catalog = new CommandCatalog(context);
			String table = CommandTable.markdown(catalog);
			for (var info : catalog.all())
				assertTrue(table.contains("| **" + info.getTitle() + "**"), info.getTitle() + " is missing from the table");
			assertTrue(table.contains("`device` Device (**auto** \\| cpu \\| gpu)"), table);
			assertEquals(table, CommandTable.section(Files.readString(Path.of("README.md"))),
				"README.md's command table is out of date: run ./ml4em commands-table README.md");
		}
	}

	@Test
	void replacesOnlyTheMarkedSection() {
		String doc = "intro\n" + CommandTable.BEGIN + "\nold table\n" + CommandTable.END + "\nrest\n";
		String updated = CommandTable.replaceSection(doc, "| new |\n");
		assertEquals("intro\n" + CommandTable.BEGIN + "\n| new |\n" + CommandTable.END + "\nrest\n", updated);
		assertEquals("| new |\n", CommandTable.section(updated));
		assertThrows(IllegalArgumentException.class, () -> CommandTable.replaceSection("no markers", "x"));
	}
}
