// eels_zero_loss.ijm - ML4EM example: zero-loss peak by neural-network replicas, inelastic signal and band gap
// per thickness class: Plugins > ML4EM > EELS Zero-Loss Subtraction.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<file>     DM3/DM4 or .hspy low-loss spectrum image  default: sample-images/eels_low_loss_si.dm4
//   output=<folder>  new folder for spectra, band gaps, plots and the model (zlp_model/)  default: out/zlp
//   replicas=<n>     Monte Carlo replicas (500 for publication) default: 100
//   epochs=<n>       most epochs per replica                  default: 20000
//   learning_rate=<r> Adam's step size                        default: 0.01
//   gap_type=<t>     direct, indirect or fit                  default: direct
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/eels_zero_loss.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/eels_low_loss_si.dm4"));
output = absolutePath(argumentValue(args, "output", "out/zlp"));
replicas = argumentValue(args, "replicas", "100");
epochs = argumentValue(args, "epochs", "20000");
learningRate = argumentValue(args, "learning_rate", "0.01");
gapType = argumentValue(args, "gap_type", "direct");
setBatchMode(true);
run("EELS Zero-Loss Subtraction", "input=[" + input + "] replicas=" + replicas + " epochs=" + epochs + " learning_rate=" + learningRate + " gap_type=" + gapType + " output=[" + output + "]");
print("EELS Zero-Loss Subtraction macro: results and zlp_model/ in " + output);
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
