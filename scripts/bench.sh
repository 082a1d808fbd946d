#!/usr/bin/env bash
# Runs every benchmark under bench/ and prints their JSON lines.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in bench/*.bench.ts; do
  echo "-- $f" >&2
  node --expose-gc --import tsx "$f"
done
