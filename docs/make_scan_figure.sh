#!/usr/bin/env bash
# Makes docs/scan_completion.png, the README's picture of Complete Partial Scan: the bundled HAADF
# image (truth-1 of Ede and Beanland's data, held out of the shipped model's training) scanned along
# spirals of 1/16 and 1/100, completed by harmonic inpainting and by the shipped network.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$(mktemp -d)"
truth="$root/sample-images/haadf_stem.tif"
rows=()
for c in 16 100; do
  coverage=$(awk "BEGIN { print 1 / $c }")
  "$root/ml4em" --headless --run "Simulate Partial Scan" "input='$truth',path=spiral,coverage=$coverage,output='$out/scan$c.tif'"
  for m in harmonic network; do
    "$root/ml4em" --headless --run "Complete Partial Scan" "input='$out/scan$c.tif',mask='$out/scan${c}_mask.tif',method=$m,output='$out/$m$c.tif'"
  done
  rows+=("spiral 1/$c" "$out/scan$c.tif" "$out/harmonic$c.tif" "$out/network$c.tif")
done
java -Djava.awt.headless=true -cp "$root/target/classes:$root/target/lib/*" "$here/ScanCompletionFigure.java" "$here/scan_completion.png" "$truth" "${rows[@]}"
rm -rf "$out"
echo "wrote $here/scan_completion.png"
