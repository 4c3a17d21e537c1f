#!/usr/bin/env bash
# EELS band-gap accuracy of the whole zero-loss subtraction: simulated 48x48x512 low-loss spectrum
# images with three thickness regions of known Eg each (fresh seed per trial), direct and indirect
# onsets, analysed with 3 thickness classes. Prints truth, Eg, 68 % interval and coverage per trial
# and class, then bias, RMS, largest error and coverage per gap type, and PASS/FAIL against
# |error| <= 0.1 eV and coverage >= 60 %. A class whose onset is not measurable (at or below dE1, or
# bounded by fewer than half of the replicas) is listed with the reason and counted apart.
# Direct and indirect trials alternate and the summary so far follows each, so a run stopped early
# still reports. Full settings: bench/zlp_accuracy.sh 10 100 20000 (about 1 min per trial on an idle 2-core machine).
# The onset is A(E-Eg)^b only near the gap: it saturates over w eV (SyntheticLowLoss.withOnsetWidth;
# 2 eV by default), which bends an indirect onset inside the fit window; a large w (e.g. 50) gives
# the plain power law the fit assumes.
# Usage: bench/zlp_accuracy.sh [trials per gap type=10] [replicas=100] [max epochs=20000] [threads=nproc] [beam counts=1e6] [seed=1] [learning rate=0.01] [dE1 eV=automatic] [onset width w eV=2]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
trials="${1:-10}"; replicas="${2:-100}"; epochs="${3:-20000}"; threads="${4:-$(nproc)}"; counts="${5:-1e6}"; seed="${6:-1}"; rate="${7:-0.01}"; de1="${8:-NaN}"; width="${9:-2}"
[[ -d "$root/target/lib" && -d "$root/target/classes/org" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
export TF_CPP_MIN_LOG_LEVEL=2
# as ./ml4em runs TensorFlow: each session gets the threads it asks for (see ml4em)
export TF_OVERRIDE_GLOBAL_THREADPOOL="${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}"
java -cp "$root/target/classes:$root/target/lib/*" "$here/ZlpAccuracyBench.java" "$trials" "$replicas" "$epochs" "$threads" "$counts" "$seed" "$rate" "$de1" "$width" 2>/dev/null
