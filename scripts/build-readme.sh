#!/usr/bin/env bash
# README.md is assembled from the sections under docs/readme/ (each Chinese first, then English), so that
# every module's documentation lives beside the others and the README stays in one order.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  for part in 00-intro models calendar draw match workflow audit cli 90-modules; do
    cat "docs/readme/$part.md"
    echo
  done
} > README.md
