// find_atomic_columns.ijm - ML4EM example: find and classify atomic columns (atoms, vacancies, dopants) with
// the shipped CNN: Plugins > ML4EM > Find Atomic Columns.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<path>      HAADF-STEM image                 default: sample-images/haadf_mos2_simulated.tif
//   output=<path>     table of columns to write (.csv) default: out/columns.csv
//                     the heat map goes beside it as <name>_heatmap.tif
//   method=<m>        cnn, or log (the classical baseline)  default: cnn
//   threshold=<t>     detection threshold, 0 to 1      default: 0.5
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/find_atomic_columns.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/haadf_mos2_simulated.tif"));
output = absolutePath(argumentValue(args, "output", "out/columns.csv"));
method = argumentValue(args, "method", "cnn");
threshold = argumentValue(args, "threshold", "0.5");
setBatchMode(true);
open(input);
// the pixel size comes from the image's calibration
run("Find Atomic Columns", "method=" + method + " threshold=" + threshold);
makeDirectories(File.getParent(output));
saveAs("Results", output);
saveAs("Tiff", replace(output, "\\.csv$", "_heatmap.tif"));
print("Find Atomic Columns macro: " + nResults + " columns in " + output);
run("Close All");

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
