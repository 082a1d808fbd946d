#!/usr/bin/env bash
# The one command that proves the package (`npm test`): type-check, unit and property tests under
# several time zones, build, publint and attw on the packed tarball, and an install smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc --noEmit -p tsconfig.json

# Results must not depend on the host time zone: the whole suite runs under each of these.
mkdir -p .tmp
passed=0
failed=0
for tz in Asia/Shanghai America/New_York UTC Pacific/Kiritimati; do
  echo "== vitest (TZ=$tz)"
  TZ="$tz" npx vitest run --reporter=default --reporter=json --outputFile.json=".tmp/vitest.json"
  read -r p f < <(node -e 'const r = require("./.tmp/vitest.json"); console.log(r.numPassedTests, r.numFailedTests)')
  passed=$((passed + p))
  failed=$((failed + f))
done

# Worker threads over register files (not time-zone dependent; threads and processes for every case): once.
echo "== vitest (once; vitest.once.config.ts)"
npx vitest run --config vitest.once.config.ts --reporter=default --reporter=json --outputFile.json=".tmp/vitest-once.json"
read -r p f < <(node -e 'const r = require("./.tmp/vitest-once.json"); console.log(r.numPassedTests, r.numFailedTests)')
passed=$((passed + p))
failed=$((failed + f))

# The PostgreSQL example against a real server (installed if missing, started in a temporary directory, always stopped).
echo "== vitest (PostgreSQL; scripts/with-postgres.sh)"
bash scripts/with-postgres.sh npx vitest run --config vitest.postgres.config.ts --reporter=default --reporter=json --outputFile.json=".tmp/vitest-postgres.json"
read -r p f < <(node -e 'const r = require("./.tmp/vitest-postgres.json"); console.log(r.numPassedTests, r.numFailedTests)')
passed=$((passed + p))
failed=$((failed + f))

echo "== API docs (typedoc; warnings are errors)"
npx typedoc --logLevel Warn

echo "== build"
npx tsup --silent
npx tsc --noEmit -p page/tsconfig.json  # the verification page's sources (page/), with the DOM library
npx tsx scripts/build-page.ts           # the verification page, dist/page/shuangsuiji-page.html (after tsup empties dist/)
bash scripts/procedure.sh  # the documented command-line procedure (docs/zh/departments.md) on examples/cli/, with the CLI just built

# The verification page end to end in Debian's Chromium (never a downloaded browser), once: not time-zone dependent.
echo "== page (headless Chromium; vitest.page.config.ts)"
if ! command -v chromium >/dev/null; then
  as_root=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then as_root="sudo"; fi
  $as_root apt-get update && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y chromium
fi
npx vitest run --config vitest.page.config.ts --reporter=default --reporter=json --outputFile.json=".tmp/vitest-page.json"
read -r p f < <(node -e 'const r = require("./.tmp/vitest-page.json"); console.log(r.numPassedTests, r.numFailedTests)')
passed=$((passed + p))
failed=$((failed + f))

echo "== pack, publint, attw"
rm -rf .tmp/pack && mkdir -p .tmp/pack
tarball=$(npm pack --silent --pack-destination .tmp/pack | tail -n 1)
npx publint run ".tmp/pack/$tarball" --strict
npx attw ".tmp/pack/$tarball" --profile node16

echo "== bundle budgets (esbuild over the packed tarball; docs/bundling.md)"
npx tsx scripts/bundle-budgets.ts ".tmp/pack/$tarball"

echo "== smoke test of the packed tarball (ESM and CommonJS)"
bash scripts/smoke.sh ".tmp/pack/$tarball"

echo "== examples"
bash scripts/examples.sh
echo "npm test: all checks passed"
echo "${passed} passed, ${failed} failed"
