// apply_zlp_model.ijm - ML4EM example: apply a saved ZLP ensemble to new spectra of the same conditions,
// without retraining: Plugins > ML4EM > Apply ZLP Model.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<file>     spectrum image                          default: sample-images/eels_low_loss_si.dm4
//   model=<folder>   zlp_model/ written by EELS Zero-Loss Subtraction  default: out/zlp/zlp_model
//   output=<folder>  new folder for the results              default: out/zlp_applied
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/apply_zlp_model.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/eels_low_loss_si.dm4"));
model = absolutePath(argumentValue(args, "model", "out/zlp/zlp_model"));
output = absolutePath(argumentValue(args, "output", "out/zlp_applied"));
if (!File.isDirectory(model))
	exit("Apply ZLP Model macro: the model folder " + model + " does not exist; run eels_zero_loss.ijm first.");
setBatchMode(true);
run("Apply ZLP Model", "input=[" + input + "] model=[" + model + "] output=[" + output + "]");
print("Apply ZLP Model macro: results in " + output);
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
