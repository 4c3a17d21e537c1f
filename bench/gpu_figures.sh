#!/usr/bin/env bash
# The README's GPU table in one run, on a Linux machine with an NVIDIA GPU: the ZLP replicas in one
# graph against one at a time, the column finder on 1024 x 1024 and scan completion on 512 x 512,
# each with device=gpu, then the unit tests with the GPU visible (the tests that need a GPU run,
# those that need none skip). Needs the CUDA build of TensorFlow in target/lib
# (mvn clean; mvn -Pgpu -DskipTests package) and the CUDA 12 runtime, cuBLAS 12 and cuDNN 9 on the
# library path (real CUDA 12 files: CUDA 13's linked under the 12 names crash TensorFlow, see README).
# Usage: bench/gpu_figures.sh [threads for the CPU side=nproc]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
threads="${1:-$(nproc)}"
if ! ls "$root"/target/lib/tensorflow-core-native-*-gpu.jar >/dev/null 2>&1; then
  echo "gpu_figures: target/lib holds no CUDA build of TensorFlow; run 'mvn clean' and 'mvn -Pgpu -DskipTests package' first." >&2
  exit 2
fi
command -v nvidia-smi >/dev/null && nvidia-smi -L
echo "== ZLP replicas, one graph against one at a time"
"$here/zlp_speed.sh" 100 500 1 gpu
echo "== Find Atomic Columns, 1024 x 1024"
"$here/columns_speed.sh" 1024 3 "$threads" 0 gpu
echo "== Complete Partial Scan, 512 x 512"
"$here/scan_completion.sh" 3 "$threads" gpu
echo "== unit tests with the GPU visible"
mvn -q -f "$root/pom.xml" -Pgpu test
