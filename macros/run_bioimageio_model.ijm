// run_bioimageio_model.ijm - ML4EM example: run a bioimage.io model (TensorFlow weights; a zip or a folder such
// as Fiji.app/models/<model>) on an image, after checking its test tensors:
// Plugins > ML4EM > Run bioimage.io Model.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   model=<path>     model zip or folder              default: out/ML4EM_atomic_column_finder.zip
//   input=<path>     image                            default: sample-images/haadf_mos2_simulated.tif
//   output=<path>    model output to write (.tif)     default: out/bioimageio_output.tif
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/run_bioimageio_model.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
model = absolutePath(argumentValue(args, "model", "out/ML4EM_atomic_column_finder.zip"));
input = absolutePath(argumentValue(args, "input", "sample-images/haadf_mos2_simulated.tif"));
output = absolutePath(argumentValue(args, "output", "out/bioimageio_output.tif"));
setBatchMode(true);
open(input);
run("Run bioimage.io Model", "model=[" + model + "] check tile_size=512 device=auto");
makeDirectories(File.getParent(output));
saveAs("Tiff", output);
print("Run bioimage.io Model macro: wrote " + output);
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
