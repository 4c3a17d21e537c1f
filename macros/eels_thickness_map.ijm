// eels_thickness_map.ijm - ML4EM example: thickness map (t/λ) and thickness classes of a low-loss EELS
// spectrum image: Plugins > ML4EM > EELS Thickness Map.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<file>    DM3/DM4 or .hspy spectrum image   default: sample-images/eels_low_loss_si.dm4
//   output=<path>   t/λ map to write (.tif)           default: out/eels_thickness.tif
//                   the class statistics go beside it as .csv
//   clusters=<K>    thickness classes, or auto       default: auto
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/eels_thickness_map.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/eels_low_loss_si.dm4"));
output = absolutePath(argumentValue(args, "output", "out/eels_thickness.tif"));
clusters = argumentValue(args, "clusters", "auto");
setBatchMode(true);
run("EELS Thickness Map", "input=[" + input + "] clusters=" + clusters);
makeDirectories(File.getParent(output));
selectImage("thickness");
saveAs("Tiff", output);
// headless, the last table shown (the class statistics) is the Results table
saveAs("Results", replace(output, "\\.tif$", ".csv"));
print("EELS Thickness Map macro: wrote " + output);
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
