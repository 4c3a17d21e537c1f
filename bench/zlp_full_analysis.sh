#!/usr/bin/env bash
# EELS whole analysis: a simulated size x size x 1024 low-loss spectrum image through the thickness
# analysis with clusters and the ZLP analysis (default settings, the given number of replicas:
# training with early stopping, retries, outlier rejection, subtraction and band gaps). Prints
# wall seconds per stage, the replicas kept, and PASS/FAIL against the time limit.
# Usage: bench/zlp_full_analysis.sh [size=128] [replicas=500] [limit_seconds=600] [clusters=3] [threads=nproc] [device=auto]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
size="${1:-128}"; replicas="${2:-500}"; limit="${3:-600}"; clusters="${4:-3}"; threads="${5:-$(nproc)}"; device="${6:-auto}"
[[ -d "$root/target/lib" && -d "$root/target/classes/org" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
export TF_CPP_MIN_LOG_LEVEL=2
# as ./ml4em runs TensorFlow: each session gets the threads it asks for (see ml4em)
export TF_OVERRIDE_GLOBAL_THREADPOOL="${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}"
java -cp "$root/target/classes:$root/target/lib/*" "$here/ZlpFullAnalysisBench.java" "$size" "$replicas" "$clusters" "$threads" "$device" "$limit" 2>/dev/null
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
