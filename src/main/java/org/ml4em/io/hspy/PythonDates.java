package org.ml4em.io.hspy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code repr} of Python dates and times that HyperSpy 1.x stored in
 * {@code _datetime_date} / {@code _datetime_time} attributes, e.g. {@code datetime.date(1991, 10, 1)},
 * and gives them in ISO form as later versions store them ("1991-10-01", "12:00:00").
 */
final class PythonDates {

	private static final Pattern CALL = Pattern.compile("datetime\\.(date|time)\\(([\\d,\\s]*)\\)");

	private PythonDates() {}

	/**
	 * {@return the ISO form, or the text unchanged when it is not such a repr}
	 *
	 * @param repr e.g. "datetime.time(12, 0)"
	 */
	static String isoFormat(String repr) {
		Matcher m = CALL.matcher(repr.trim());
		if (!m.matches())
			return repr;
		String[] parts = m.group(2).split("\\s*,\\s*");
		int[] f = new int[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				f[i] = Integer.parseInt(parts[i].trim());
		} catch (NumberFormatException e) {
			return repr;
		}
		if (m.group(1).equals("date"))
			return f.length == 3 ? String.format("%04d-%02d-%02d", f[0], f[1], f[2]) : repr;
		if (f.length < 1 || f.length > 4)
			return repr;
		String time = String.format("%02d:%02d:%02d", f[0], f.length > 1 ? f[1] : 0, f.length > 2 ? f[2] : 0);
		return f.length == 4 && f[3] != 0 ? time + String.format(".%06d", f[3]) : time;
	}
}
