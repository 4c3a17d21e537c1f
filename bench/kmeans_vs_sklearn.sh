#!/usr/bin/env bash
# K-means benchmark: ML4EM against scikit-learn on the same 4-megapixel, 3-feature data, same k,
# same restarts, in one run on this machine. Prints both median times, their ratio and the
# ratio of the inertias.  Usage: bench/kmeans_vs_sklearn.sh [k] [restarts] [runs] [backend]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
k="${1:-8}"; restarts="${2:-4}"; runs="${3:-3}"; backend="${4:-java}"
py=/usr/bin/python3
if ! "$py" -c 'import sklearn' 2>/dev/null; then
  echo "Installing Debian's python3-sklearn (needs root)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn >/dev/null
fi
[[ -d "$root/target/lib" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
work="$here/work"; mkdir -p "$work"
points="$work/points_4mp_3f.f32"
[[ -f "$points" ]] || "$py" "$here/make_points.py" 4194304 "$points" 2026
echo "data: 4194304 points x 3 features (float32), k=$k, restarts=$restarts, $(nproc) cores, $runs runs each"
echo "scikit-learn $("$py" -c 'import sklearn; print(sklearn.__version__)'), Java $(java -version 2>&1 | head -n 1)"
export TF_CPP_MIN_LOG_LEVEL=1
sk="$("$py" "$here/sklearn_kmeans.py" "$points" "$k" "$restarts" "$runs")"
ml="$(java -Xmx4g -cp "$root/target/classes:$root/target/lib/*" "$here/KMeansBench.java" "$points" "$k" "$restarts" "$runs" "$backend")"
echo "$sk"; echo "$ml"
"$py" - "$sk" "$ml" <<'PY'
import statistics, sys
sk = [l.split() for l in sys.argv[1].splitlines()]
ml = [l.split() for l in sys.argv[2].splitlines()]
t_sk = statistics.median(float(r[1]) for r in sk); t_ml = statistics.median(float(r[1]) for r in ml)
i_sk = min(float(r[2]) for r in sk); i_ml = min(float(r[2]) for r in ml)
print(f"median time: scikit-learn {t_sk:.3f} s, ML4EM {t_ml:.3f} s ({ml[0][3].replace('_', ' ')}; first run {float(ml[0][1]):.3f} s)")
print(f"time ratio ML4EM / scikit-learn: {t_ml / t_sk:.3f}  (below 1: ML4EM faster)")
print(f"inertia ratio ML4EM / scikit-learn (best run each, both summed in float64): {i_ml / i_sk:.7f}  (target within 0.1 %: {abs(i_ml / i_sk - 1) <= 1e-3})")
PY
