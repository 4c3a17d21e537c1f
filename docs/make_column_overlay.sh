#!/usr/bin/env bash
# Makes docs/column_overlay.png, the README's picture of Find Atomic Columns: the shipped CNN on
# the bundled simulated MoS2 image, the columns drawn as Fiji's overlay draws them (atoms green,
# vacancies red, dopants blue), the top-left 256 x 256 pixels.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="$(mktemp -d)"
"$root/ml4em" --headless --run "Find Atomic Columns" "input='$root/sample-images/haadf_mos2_simulated.tif',output='$out/columns.csv'"
java -Djava.awt.headless=true -cp "$root/target/classes:$root/target/lib/*" "$here/ColumnOverlayPicture.java" \
  "$root/sample-images/haadf_mos2_simulated.tif" "$out/columns.csv" "$here/column_overlay.png" 256
rm -rf "$out"
echo "wrote $here/column_overlay.png"
