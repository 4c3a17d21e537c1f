package org.ml4em;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in messages and summaries, as people write them. */
public final class Numbers {

	private Numbers() {}

	/** {@return four significant digits without trailing zeros: 0.05, 0.1, 200, 1.234} @param v a finite value */
	public static String compact(double v) {
		if (!Double.isFinite(v)) return Double.toString(v);
		return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}
}
