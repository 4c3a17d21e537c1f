// kmeans_clustering.ijm - ML4EM example: cluster the pixels of an image with K-means.
//
// Opens an image, runs Plugins > ML4EM > K-means Clustering on it, saves the label image as a
// 16-bit TIFF and the "Cluster statistics" table as CSV beside it, and closes what it opened.
//
// Arguments (all optional; key=value pairs separated by spaces; put a path with spaces in [ ]):
//   input=<path>    image to cluster                 default: sample-images/haadf_stem.tif
//   output=<path>   label image to write (.tif)      default: out/haadf_stem_labels.tif
//                   the table goes to the same path with .csv in place of .tif
//   k=<k>           number of clusters               default: 3
// Relative paths are taken from the working directory (where ImageJ or Fiji was started).
//
// Running it:
//   - ImageJ or Fiji: Plugins > Macros > Run... (uses the defaults), or from another macro:
//       runMacro("/path/to/kmeans_clustering.ijm", "input=/data/a.tif output=/data/a_labels.tif k=4");
//   - Fiji without a display:
//       ./ImageJ-linux64 --headless --console -macro macros/kmeans_clustering.ijm "input=a.tif output=out/a_labels.tif k=4"
//   - Java (e.g. tests): ij1-patcher's LegacyEnvironment.runMacro(<this file's text>, "<arguments>").
// A bad argument (e.g. k=0) stops the macro with the command's message and writes nothing.

cwd = call("java.lang.System.getProperty", "user.dir");
args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images/haadf_stem.tif"), cwd);
output = absolutePath(argumentValue(args, "output", "out/haadf_stem_labels.tif"), cwd);
k = argumentValue(args, "k", "3");
csv = csvBeside(output);
if (!File.exists(input))
	exit("K-means Clustering macro: the input image " + input + " does not exist.");

setBatchMode(true);
open(input);
inputId = getImageID();
run("K-means Clustering", "k=" + k + " method=kmeans restarts=10 max_iterations=300 seed=42 device=auto");
if (getImageID() == inputId)
	exit("K-means Clustering did not create a label image.");
// Write only after the command succeeded, so that a failed run leaves no output behind.
makeDirectories(File.getParent(output));
saveAs("Tiff", output);
close();
selectImage(inputId);
close();

// With a display the table has its own window; headless, the command puts it into "Results".
if (isOpen("Cluster statistics"))
	selectWindow("Cluster statistics");
saveAs("Results", csv);
if (isOpen("Cluster statistics"))
	run("Close");
print("K-means Clustering macro: wrote " + output + " and " + csv);

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
			exit("K-means Clustering macro: missing ] after " + key + "=[ in the arguments.");
		return substring(text, start + 1, end);
	}
	return substring(text, start, indexOf(text, " ", start));
}

// path itself when absolute (Unix or Windows), else path under dir.
function absolutePath(path, dir) {
	if (startsWith(path, "/") || startsWith(path, "\\") || matches(path, "^[A-Za-z]:.*"))
		return path;
	return dir + File.separator + path;
}

// The table's path: the label image's path with .csv in place of .tif or .tiff.
// (The macro language reads "f(x) + s" as arithmetic, so the suffix is added in here.)
function csvBeside(path) {
	lower = toLowerCase(path);
	if (endsWith(lower, ".tiff"))
		return substring(path, 0, lengthOf(path) - 5) + ".csv";
	if (endsWith(lower, ".tif"))
		return substring(path, 0, lengthOf(path) - 4) + ".csv";
	return path + ".csv";
}

// Creates dir and any missing parents (File.makeDirectory makes one level only).
function makeDirectories(dir) {
	if (dir == "" || File.exists(dir))
		return;
	makeDirectories(File.getParent(dir));
	File.makeDirectory(dir);
}
