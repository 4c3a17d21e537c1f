package org.ml4em.tf.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadPoolSettingTest {

	@Test
	void readsTheVariableAsTensorFlowDoes() {
		assertTrue(ThreadPoolSetting.perSession(Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "1")));
		assertTrue(ThreadPoolSetting.perSession(Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "True")));
		assertFalse(ThreadPoolSetting.perSession(Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "0")));
		assertFalse(ThreadPoolSetting.perSession(Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "yes")));
		assertFalse(ThreadPoolSetting.perSession(Map.of()));
	}

	@Test
	void notesTheSharedPoolOnlyWhenThereIsOne() {
		assertNull(ThreadPoolSetting.sharedPoolNote(Map.of("TF_OVERRIDE_GLOBAL_THREADPOOL", "1")));
		String note = ThreadPoolSetting.sharedPoolNote(Map.of());
		assertNotNull(note);
		assertTrue(note.contains("TF_OVERRIDE_GLOBAL_THREADPOOL=1"), note);
	}

	/** The launcher is where users get the faster setting without doing anything. */
	@Test
	void theLauncherSetsIt() throws Exception {
		String launcher = Files.readString(Path.of("ml4em"));
		assertTrue(launcher.contains("export TF_OVERRIDE_GLOBAL_THREADPOOL=\"${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}\""), "ml4em must export it");
	}
}
