// complete_partial_scan.ijm - ML4EM example: fill in the pixels a sparse scan did not measure with the trained
// network (or harmonic inpainting, normalised convolution): Plugins > ML4EM > Complete Partial Scan.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<path>     sparse scan, or a full image to scan first  default: sample-images/haadf_stem.tif
//   mask=<path>      mask of the sparse scan (non-zero = measured); none: scan the input along a spiral  default: none
//   coverage=<c>     without a mask: the spiral's coverage  default: 0.0625
//   method=<m>       network, harmonic or normconv    default: network
//   output=<path>    completed image to write (.tif)  default: out/completed.tif
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/complete_partial_scan.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/haadf_stem.tif"));
mask = absolutePath(argumentValue(args, "mask", ""));
coverage = argumentValue(args, "coverage", "0.0625");
method = argumentValue(args, "method", "network");
output = absolutePath(argumentValue(args, "output", "out/completed.tif"));
setBatchMode(true);
options = "method=" + method + " coverage=" + coverage;
if (mask != "") {
	open(mask);
	maskTitle = getTitle();
	options = options + " use_mask mask=[" + maskTitle + "]";
}
open(input);
run("Complete Partial Scan", options);
makeDirectories(File.getParent(output));
saveAs("Tiff", output);
print("Complete Partial Scan macro: wrote " + output);
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
