// export_scan_completer.ijm - ML4EM example: the partial-scan completer as a bioimage.io model folder:
// Plugins > ML4EM > Export Scan Completer (bioimage.io).
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   model=<folder>        a trained scan completer    default: the shipped model
//   model_folder=<folder> the new folder to write     default: out/scan_model_bioimageio
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/export_scan_completer.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
model = absolutePath(argumentValue(args, "model", ""));
folder = absolutePath(argumentValue(args, "model_folder", "out/scan_model_bioimageio"));
makeDirectories(File.getParent(folder));
options = "model_folder=[" + folder + "]";
if (model != "")
	options = options + " model=[" + model + "]";
run("Export Scan Completer (bioimage.io)", options);
print("Export Scan Completer macro: wrote " + folder);

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
