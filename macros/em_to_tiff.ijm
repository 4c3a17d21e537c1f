// em_to_tiff.ijm - ML4EM example: convert a folder of Gatan DM3/DM4 and HyperSpy files to TIFF.
//
// Opens every .dm3, .dm4 and .hspy file of the input folder with Plugins > ML4EM > Open EM File
// and saves each signal as a calibrated TIFF (a spectrum image as a stack of energy slices, the
// calibration and the file's metadata kept in the TIFF) in the output folder. Existing TIFFs are
// left alone; a file that cannot be read is reported and skipped.
//
// Arguments (key=value pairs separated by spaces; put a path with spaces in [ ]):
//   input=<folder>    folder with the EM files      default: sample-images
//   output=<folder>   where the TIFFs go            default: out/tiff
// Relative paths are taken from the working directory.
//
// Running it:
//   - Fiji: Plugins > Macros > Run... (uses the defaults), or
//       runMacro("/path/to/em_to_tiff.ijm", "input=/data/dm output=/data/tif");
//   - Fiji without a display:
//       ./ImageJ-linux64 --headless --console -macro macros/em_to_tiff.ijm "input=/data/dm output=/data/tif"

cwd = call("java.lang.System.getProperty", "user.dir");
args = getArgument();
input = absolutePath(argumentValue(args, "input", "sample-images"), cwd);
output = absolutePath(argumentValue(args, "output", "out/tiff"), cwd);
if (!File.isDirectory(input))
	exit("EM to TIFF macro: the input folder " + input + " does not exist.");
makeDirectories(output);

setBatchMode(true);
files = getFileList(input);
converted = 0;
skipped = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	lower = toLowerCase(name);
	if (!(endsWith(lower, ".dm3") || endsWith(lower, ".dm4") || endsWith(lower, ".hspy")))
		continue;
	before = nImages;
	run("Open EM File", "open=[" + input + File.separator + name + "] log_errors");
	if (nImages == before) {
		print("EM to TIFF macro: skipped " + name + " (see the reason above)");
		skipped++;
		continue;
	}
	// A file with several signals opens several images: save each.
	while (nImages > before) {
		selectImage(nImages);
		target = output + File.separator + safeName(getTitle()) + ".tif";
		if (File.exists(target))
			print("EM to TIFF macro: " + target + " exists, left alone");
		else {
			saveAs("Tiff", target);
			converted++;
		}
		close();
	}
}
print("EM to TIFF macro: wrote " + converted + " TIFF file(s) to " + output + ", skipped " + skipped + " file(s)");

// The title with characters that are awkward in file names replaced by "_".
function safeName(title) {
	return replace(title, "[^A-Za-z0-9._-]+", "_");
}

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
			exit("EM to TIFF macro: missing ] after " + key + "=[ in the arguments.");
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

// Creates dir and any missing parents (File.makeDirectory makes one level only).
function makeDirectories(dir) {
	if (dir == "" || File.exists(dir))
		return;
	makeDirectories(File.getParent(dir));
	File.makeDirectory(dir);
}
