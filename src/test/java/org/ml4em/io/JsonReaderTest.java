package org.ml4em.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The strict JSON reader: what JsonWriter writes comes back, anything lenient is refused with a position. */
class JsonReaderTest {

	@Test
	void readsWhatTheWriterWrites() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "ml4em-zlp");
		m.put("version", 1);
		m.put("energy", -5.000000074505806);
		m.put("kept", new boolean[] { true, false });
		m.put("de1", new double[] { 2.8, 1e-7 });
		m.put("text", "quote \" backslash \\ tab \t é");
		m.put("nested", Map.of("empty", List.of()));
		m.put("nan", Double.NaN);
		Map<String, Object> back = JsonReader.parseObject(JsonWriter.toJson(m));
		assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
		assertEquals("ml4em-zlp", back.get("format"));
		assertEquals(1.0, back.get("version"));
		assertEquals(-5.000000074505806, back.get("energy"));
		assertEquals(List.of(true, false), back.get("kept"));
		assertEquals(List.of(2.8, 1e-7), back.get("de1"));
		assertEquals(m.get("text"), back.get("text"));
		assertEquals(Map.of("empty", List.of()), back.get("nested"));
		assertEquals(null, back.get("nan"));
		assertEquals("\u00e9/", JsonReader.parse("\"\\u00e9\\/\""));
	}

	@Test
	void refusesWhatIsNotStrictJsonAndSaysWhere() {
		for (String[] c : new String[][] { { "{\"a\": 1,}", "expected a member name" }, { "{\"a\": 1, \"a\": 2}", "each member name once" },
			{ "[1, 2,]", "expected a value" }, { "{'a': 1}", "a member name in double quotes" }, { "NaN", "expected a value" }, { "01", "nothing after" },
			{ "{\"a\": 1} x", "nothing after the value" }, { "{\"a\":\n  tru}", "line 2, column 3" }, { "\"open", "a closing" },
			{ "1.", "a digit after the decimal point" }, { "\"\\x\"", "one of" }, { "[" .repeat(100), "levels of nesting" } }) {
			JsonReader.JsonException e = assertThrows(JsonReader.JsonException.class, () -> JsonReader.parse(c[0]), c[0]);
			assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
		}
		assertTrue(assertThrows(JsonReader.JsonException.class, () -> JsonReader.parseObject("[1]")).getMessage().contains("expected a JSON object"));
		assertEquals(Arrays.asList(1.0, null, "x", -2.5e3), JsonReader.parse(" [1, null, \"x\", -2.5E3] "));
	}
}
