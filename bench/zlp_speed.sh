#!/usr/bin/env bash
# EELS ZLP speed: the replicas of a simulated 64x64x1024 spectrum image in 3 thickness classes
# trained all in one TensorFlow graph, and the same network one replica at a time (EELSfitter's
# way) on one thread and on the given threads, same data, same epochs, in one run. Prints seconds
# per replica and the ratio to the fastest one-at-a-time run. Runs TensorFlow as ./ml4em does
# (TF_OVERRIDE_GLOBAL_THREADPOOL=1: every session gets the threads it asks for); set
# TF_OVERRIDE_GLOBAL_THREADPOOL=0 to time it as in Fiji started without it.
# Usage: bench/zlp_speed.sh [replicas=100] [epochs=2000] [threads=nproc] [device=auto]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
replicas="${1:-100}"; epochs="${2:-2000}"; threads="${3:-$(nproc)}"; device="${4:-auto}"
[[ -d "$root/target/lib" && -d "$root/target/classes/org" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
export TF_CPP_MIN_LOG_LEVEL=2
export TF_OVERRIDE_GLOBAL_THREADPOOL="${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}"
echo "TF_OVERRIDE_GLOBAL_THREADPOOL=$TF_OVERRIDE_GLOBAL_THREADPOOL"
out="$(java -cp "$root/target/classes:$root/target/lib/*" "$here/ZlpSpeedBench.java" "$replicas" "$epochs" "$threads" "$device" 2>/dev/null)"
echo "$out"
awk '/^one_graph/ { for (i = 1; i <= NF; i++) { split($i, a, "="); if (a[1] == "seconds_per_replica") g = a[2] } }
     /^one_at_a_time/ { for (i = 1; i <= NF; i++) { split($i, a, "="); if (a[1] == "seconds_per_replica" && (s == "" || a[2] < s)) s = a[2] } }
     END { if (g > 0) printf "ratio fastest one at a time / one graph: %.1fx per replica\n", s / g }' <<<"$out"
