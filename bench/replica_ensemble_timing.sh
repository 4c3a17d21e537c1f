#!/usr/bin/env bash
# ZLP replica training: all replicas in one TensorFlow graph against one network at a time (the
# reference implementation's way), same data, same epochs, no early stopping. Prints one line per
# run and the time ratios.
# Usage: bench/replica_ensemble_timing.sh [points] [epochs] [ensemble sizes] [one-at-a-time replicas] [threads] [device]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
points="${1:-600}"; epochs="${2:-500}"; sizes="${3:-1,100,500}"; single="${4:-100}"
threads="${5:-$(nproc)}"; device="${6:-auto}"
[[ -d "$root/target/lib" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
echo "ZLP network 2-10-15-5-1, $points points per replica, $epochs epochs, $threads threads, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
export TF_CPP_MIN_LOG_LEVEL=1
# as ./ml4em runs TensorFlow: each session gets the threads it asks for (see ml4em)
export TF_OVERRIDE_GLOBAL_THREADPOOL="${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}"
out="$(java -cp "$root/target/classes:$root/target/lib/*" "$here/ReplicaEnsembleBench.java" "$points" "$epochs" "$sizes" "$single" "$threads" "$device")"
echo "$out"
# one at a time costs the same per replica-epoch whatever R (each network trains alone), so its
# per-replica-epoch time scales to any ensemble size
awk '
  /^one_at_a_time/ { for (i = 1; i <= NF; i++) if ($i ~ /^ms_per_replica_epoch=/) { split($i, a, "="); single = a[2] } }
  /^ensemble/ { for (i = 1; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] }; r[++n] = v["R"]; t[n] = v["ms_per_epoch"] }
  END { if (single == "") exit
    printf "one at a time: %.4f ms per replica-epoch\n", single
    for (i = 1; i <= n; i++) printf "R=%d: one graph %.3f ms/epoch, one at a time %.3f ms/epoch, ratio %.1fx\n", r[i], t[i], single * r[i], single * r[i] / t[i] }
' <<<"$out"
