#!/usr/bin/env bash
# Runs every example under examples/ (each must exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."
for f in examples/*.ts; do
  echo "-- $f"
  npx tsx "$f" > /dev/null
done
