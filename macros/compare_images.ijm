// compare_images.ijm - ML4EM example: PSNR, SSIM and relative RMS error of an image against a reference:
// Plugins > ML4EM > Compare Images.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   image=<path>     image to judge                   default: out/completed.tif
//   reference=<path> reference (the truth)            default: sample-images/haadf_stem.tif
//   output=<path>    scores to write (.csv)           default: out/comparison.csv
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/compare_images.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
image = absolutePath(argumentValue(args, "image", "out/completed.tif"));
reference = absolutePath(argumentValue(args, "reference", "sample-images/haadf_stem.tif"));
output = absolutePath(argumentValue(args, "output", "out/comparison.csv"));
setBatchMode(true);
open(reference);
referenceTitle = getTitle();
open(image);
run("Compare Images", "reference=[" + referenceTitle + "]");
makeDirectories(File.getParent(output));
saveAs("Results", output);
print("Compare Images macro: PSNR " + getResult("psnr_db", 0) + " dB, written to " + output);
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
