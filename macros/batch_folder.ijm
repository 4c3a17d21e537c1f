// batch_folder.ijm - ML4EM example: run one ML4EM command on every image of a folder, headless, and save
// each result image and table. Made for ./ImageJ-linux64 --headless, as below.
//
// Arguments (all optional; key=value separated by spaces; a path with spaces in [ ]):
//   input=<folder>   folder of images (.tif, .dm3, .dm4)   default: sample-images
//   output=<folder>  folder for the results (created)       default: out/batch
//   command=<c>      an image command of ML4EM            default: [Find Atomic Columns]
//   options=<o>      its macro options                    default: [method=cnn threshold=0.5]
//   Each <name>.tif gives <name>-result.tif (the image the command shows last) and, when it makes a
//   table, <name>-result.csv. An image the command refuses stops the batch with its message.
// Running it:
//   - Fiji or ImageJ: Plugins > Macros > Run... (uses the defaults), or runMacro("<this file>", "<arguments>");
//   - Fiji without a display: ./ImageJ-linux64 --headless --console -macro macros/batch_folder.ijm "<arguments>"
// Relative paths are taken from the working directory. A bad argument stops the macro with the
// command's message, and nothing is written.

args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images"));
output = absolutePath(argumentValue(args, "output", "out/batch"));
command = argumentValue(args, "command", "Find Atomic Columns");
options = argumentValue(args, "options", "method=cnn threshold=0.5");
if (!File.isDirectory(input))
	exit("Batch macro: the input folder " + input + " does not exist.");
makeDirectories(output);
setBatchMode(true);
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	lower = toLowerCase(name);
	if (!(endsWith(lower, ".tif") || endsWith(lower, ".tiff")))
		continue;
	open(input + File.separator + name);
	stem = File.nameWithoutExtension;
	before = nImages;
	run("Clear Results");
	run(command, options);
	if (nImages > before)
		saveAs("Tiff", output + File.separator + stem + "-result.tif");
	if (nResults > 0)
		saveAs("Results", output + File.separator + stem + "-result.csv");
	run("Close All");
	done++;
	print("Batch macro: " + name + " done");
}
print("Batch macro: " + done + " images, results in " + output);

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
