// train_column_finder.ijm - ML4EM example: train the column-finding U-Net on simulated images:
// Plugins > ML4EM > Train Column Finder (the shipped model is these defaults).
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   steps=<n>        training steps                   default: 16000
//   seed=<n>         random seed                      default: 42
//   output=<folder>  new folder for the model (model/) and the validation curve  default: out/column_training
//   more=<options>   further parameters as they are, e.g. more=[batch=4 patch_size=64]
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/train_column_finder.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
steps = argumentValue(args, "steps", "16000");
seed = argumentValue(args, "seed", "42");
output = absolutePath(argumentValue(args, "output", "out/column_training"));
more = argumentValue(args, "more", "");
setBatchMode(true);
run("Train Column Finder", "steps=" + steps + " seed=" + seed + " " + more + " output=[" + output + "]");
print("Train Column Finder macro: model and validation.csv in " + output);
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
