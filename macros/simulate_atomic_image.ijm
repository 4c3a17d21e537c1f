// simulate_atomic_image.ijm - ML4EM example: a simulated HAADF-STEM image of a 2-D lattice with its ground truth:
// Plugins > ML4EM > Simulate Atomic Image.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   lattice=<l>      graphene, hbn, mos2 or square    default: mos2
//   width=<px> height=<px>                           default: 256 x 256
//   seed=<n>         random seed                      default: 1
//   output=<path>    image to write (.tif); the truth goes beside it as .csv  default: out/simulated.tif
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/simulate_atomic_image.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
lattice = argumentValue(args, "lattice", "mos2");
width = argumentValue(args, "width", "256");
height = argumentValue(args, "height", "256");
seed = argumentValue(args, "seed", "1");
output = absolutePath(argumentValue(args, "output", "out/simulated.tif"));
setBatchMode(true);
run("Simulate Atomic Image", "lattice=" + lattice + " width=" + width + " height=" + height + " seed=" + seed);
makeDirectories(File.getParent(output));
saveAs("Tiff", output);
saveAs("Results", replace(output, "\\.tif$", ".csv"));
print("Simulate Atomic Image macro: wrote " + output);
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
