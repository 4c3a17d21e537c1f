#!/usr/bin/env bash
# Accuracy of the shipped column finder (or model folder $3) on fresh simulated images against the
# LoG baseline on the same images: any lattice at doses from 0.5 to 100 detected electrons at a
# carbon column's peak, graphene at low dose, and defect-rich images (5 % vacancies, 5 % dopants).
# Usage: bench/columns_accuracy.sh [images per set] [image size] [model folder]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
n="${1:-24}"; size="${2:-256}"; model="${3:-}"
[[ -d "$root/target/lib" && -d "$root/target/classes" ]] || mvn -q -f "$root/pom.xml" -DskipTests package >&2
export TF_CPP_MIN_LOG_LEVEL=1
java -cp "$root/target/classes:$root/target/lib/*" "$here/ColumnAccuracyBench.java" "$n" "$size" "$model"
