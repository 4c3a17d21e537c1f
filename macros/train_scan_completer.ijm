// train_scan_completer.ijm - ML4EM example: train the partial-scan completion network adversarially on simulated
// and real images: Plugins > ML4EM > Train Scan Completer (the shipped model is these defaults
// with real_images=[../shared/data/stem/truth-2.tif]).
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   steps=<n>        training steps                   default: 4000
//   real_images=<path>  TIFF file or folder of real images  default: none
//   output=<folder>  new folder for the model and the validation curve  default: out/scan_training
//   more=<options>   further parameters as they are, e.g. more=[batch=2 patch_size=128]
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/train_scan_completer.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
steps = argumentValue(args, "steps", "4000");
real = absolutePath(argumentValue(args, "real_images", ""));
output = absolutePath(argumentValue(args, "output", "out/scan_training"));
more = argumentValue(args, "more", "");
setBatchMode(true);
options = "steps=" + steps + " " + more + " output=[" + output + "]";
if (real != "")
	options = options + " real_images=[" + real + "]";
run("Train Scan Completer", options);
print("Train Scan Completer macro: model and validation.csv in " + output);
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
