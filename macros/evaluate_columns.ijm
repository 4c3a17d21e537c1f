// evaluate_columns.ijm - ML4EM example: score found columns against a ground truth (precision, recall,
// position error, classes): Plugins > ML4EM > Evaluate Columns.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   columns=<path>   columns found (.csv)            default: out/columns.csv
//   truth=<path>     ground truth (.csv)             default: sample-images/haadf_mos2_simulated.csv
//   output=<path>    scores to write (.csv)          default: out/scores.csv
//   tolerance=<Å>    match distance                  default: 0.5
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/evaluate_columns.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
columns = absolutePath(argumentValue(args, "columns", "out/columns.csv"));
truth = absolutePath(argumentValue(args, "truth", "sample-images/haadf_mos2_simulated.csv"));
output = absolutePath(argumentValue(args, "output", "out/scores.csv"));
tolerance = argumentValue(args, "tolerance", "0.5");
setBatchMode(true);
run("Evaluate Columns", "columns=[" + columns + "] truth=[" + truth + "] tolerance=" + tolerance);
makeDirectories(File.getParent(output));
saveAs("Results", output);
print("Evaluate Columns macro: wrote " + output);

// The value of "key=value" in args ("key=[a b]" for values with spaces), or fallback.
function argumentValue(args, key, fallback) {
	text = " " + args + " ";
	start = indexOf(text, " " + key + "=");
	if (start < 0)
		return fallback;
	start = start + lengthOf(key) + 2;
	if (substring(text, start, start + 1) == "[") {
		end = indexOf(text, "]", start);
		if (end < 0)
			exit("missing ] after " + key + "=[ in the arguments.");
		return substring(text, start + 1, end);
	}
	return substring(text, start, indexOf(text, " ", start));
}

// path itself when absolute (Unix or Windows), else path under the working directory.
function absolutePath(path) {
	if (path == "" || startsWith(path, "/") || startsWith(path, "\\") || matches(path, "^[A-Za-z]:.*"))
		return path;
	return call("java.lang.System.getProperty", "user.dir") + File.separator + path;
}

// Creates dir and the folders above it that are missing.
function makeDirectories(dir) {
	if (dir == "" || File.exists(dir))
		return;
	makeDirectories(File.getParent(dir));
	File.makeDirectory(dir);
}
