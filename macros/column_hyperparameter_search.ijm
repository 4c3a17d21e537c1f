// column_hyperparameter_search.ijm - ML4EM example: genetic search over the column finder's depth, filters, kernel and
// learning rate with short trainings: Plugins > ML4EM > Column Finder Hyper-parameter Search.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   population=<n> generations=<n> steps=<n>       default: 16, 10, 300
//   output=<path>    candidates table to write (.csv) default: out/hyperparameters.csv
//   more=<options>   further parameters as they are, e.g. more=[batch=4 patch_size=64]
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/column_hyperparameter_search.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
population = argumentValue(args, "population", "16");
generations = argumentValue(args, "generations", "10");
steps = argumentValue(args, "steps", "300");
output = absolutePath(argumentValue(args, "output", "out/hyperparameters.csv"));
more = argumentValue(args, "more", "");
setBatchMode(true);
run("Column Finder Hyper-parameter Search", "population=" + population + " generations=" + generations + " steps=" + steps + " " + more);
makeDirectories(File.getParent(output));
saveAs("Results", output);
print("Column Finder Hyper-parameter Search macro: wrote " + output);

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
