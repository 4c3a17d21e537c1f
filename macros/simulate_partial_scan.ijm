// simulate_partial_scan.ijm - ML4EM example: sample a full image along a sparse spiral, line or random scan:
// Plugins > ML4EM > Simulate Partial Scan.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<path>     full image                       default: sample-images/haadf_stem.tif
//   path=<p>         spiral, lines or random          default: spiral
//   coverage=<c>     fraction of pixels, (0, 1]       default: 0.0625
//   output=<path>    sparse image to write (.tif); the mask goes beside it as <name>_mask.tif  default: out/scan.tif
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/simulate_partial_scan.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/haadf_stem.tif"));
path = argumentValue(args, "path", "spiral");
coverage = argumentValue(args, "coverage", "0.0625");
output = absolutePath(argumentValue(args, "output", "out/scan.tif"));
setBatchMode(true);
open(input);
run("Simulate Partial Scan", "path=" + path + " coverage=" + coverage);
makeDirectories(File.getParent(output));
// the sparse image and its mask are the last two images shown
selectImage(nImages - 1);
saveAs("Tiff", output);
selectImage(nImages);
saveAs("Tiff", replace(output, "\\.tif$", "_mask.tif"));
print("Simulate Partial Scan macro: wrote " + output);
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
