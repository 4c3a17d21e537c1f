#!/usr/bin/env bash
# Makes docs/screenshots/: every command's dialog and its result in a real ImageJ 1.x window, on the
# sample images, under a virtual display (Xvfb; on Debian/Ubuntu: sudo apt-get install xvfb).
# The dialogs are those of the ImageJ 1.x twins (plugins.config); Fiji shows the same parameters in
# its SciJava dialogs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
command -v xvfb-run >/dev/null || { echo "make_screenshots.sh needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
[[ -d "$root/target/lib" && -d "$root/target/classes/org" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
work="$(mktemp -d)"
export TF_CPP_MIN_LOG_LEVEL=2
xvfb-run -a -s "-screen 0 1800x1100x24" java -cp "$root/target/classes:$root/target/lib/*" "$here/ScreenshotTour.java" "$here/screenshots" "$root/sample-images" "$work"
rm -rf "$work"
echo "wrote $here/screenshots/"
