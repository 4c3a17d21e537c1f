package org.ml4em.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ml4em.BadInputException;

class KeyValueArgumentsTest {

	@Test
	void fijiSyntax() {
		Map<String, String> m = KeyValueArguments.parse("input='a b, c.tif',k=3, method=\"gmm\",output=out.tif");
		assertEquals(Map.of("input", "a b, c.tif", "k", "3", "method", "gmm", "output", "out.tif"), m);
	}

	@Test
	void malformedIsExplained() {
		assertThrows(BadInputException.class, () -> KeyValueArguments.parse("k=3,verbose"));
		assertThrows(BadInputException.class, () -> KeyValueArguments.parse("input='open"));
	}
}
