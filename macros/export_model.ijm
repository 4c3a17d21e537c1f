// export_model.ijm - ML4EM example: a trained ML4EM model as a bioimage.io zip for DeepImageJ and
// bioimage.io tools: Plugins > ML4EM > Export Model (bioimage.io).
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   model=<folder>   a model trained by Train Column Finder or Train Scan Completer  default: none
//   shipped=<m>      without model: atomic_column_finder or scan_completer  default: atomic_column_finder
//   zip=<path>       the zip to write (must not exist) default: out/ML4EM_<shipped>.zip
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/export_model.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
model = absolutePath(argumentValue(args, "model", ""));
shipped = argumentValue(args, "shipped", "atomic_column_finder");
zip = absolutePath(argumentValue(args, "zip", "out/ML4EM_" + shipped + ".zip"));
makeDirectories(File.getParent(zip));
options = "shipped=" + shipped + " zip=[" + zip + "]";
if (model != "")
	options = options + " model=[" + model + "]";
run("Export Model (bioimage.io)", options);
print("Export Model macro: wrote " + zip);

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
