#!/usr/bin/env bash
# The documented command-line procedure, end to end: runs exactly the commands of the ```sh procedure block of
# docs/zh/departments.md (the same block is in docs/en/departments.md, and the README shows its steps; test/meta/
# readme.test.ts checks both), in order, on a copy of the synthetic files of examples/cli/, with the built CLI (dist/cli.js,
# or src/cli/main.ts through tsx when the CLI is not built), and checks the exit code of each command: 0, or the code
# the command's line states with "# 退出码 N" (e.g. 1 for the verification of a changed register). Each command must
# start with "npx shuangsuiji"; lines ending in "\" continue on the next line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
echo "== procedure (docs/zh/departments.md, on examples/cli/)"

if [ -f dist/cli.js ]; then
  cli="node $(printf '%q' "$root/dist/cli.js")"
else
  cli="npx --prefix $(printf '%q' "$root") tsx $(printf '%q' "$root/src/cli/main.ts")"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R examples/cli/. "$work/"

# The commands of the block, one per line, continuation lines joined; comment lines dropped.
commands=$(awk '
  /^```sh procedure[[:space:]]*$/ { inside = 1; next }
  inside && /^```/ { inside = 0; exit }
  inside {
    line = $0
    if (pending != "") { sub(/^[[:space:]]+/, "", line); line = pending " " line; pending = "" }
    if (line ~ /\\$/) { sub(/[[:space:]]*\\$/, "", line); pending = line; next }
    if (line ~ /^[[:space:]]*(#|$)/) next
    print line
  }
' docs/zh/departments.md)

count=$(printf '%s\n' "$commands" | grep -c . || true)
if [ "$count" -lt 5 ]; then
  echo "procedure: found $count commands in the \`\`\`sh procedure block of docs/zh/departments.md"
  exit 1
fi
for step in digest seed draw match verify; do
  if ! printf '%s\n' "$commands" | grep -q "^npx shuangsuiji $step "; then
    echo "procedure: the block of docs/zh/departments.md has no \"npx shuangsuiji $step\" command"
    exit 1
  fi
done

n=0
while IFS= read -r command; do
  n=$((n + 1))
  case "$command" in
    "npx shuangsuiji "*) ;;
    *) echo "procedure: command $n does not start with \"npx shuangsuiji\": $command"; exit 1 ;;
  esac
  expected=0
  if [[ "$command" =~ \#.*退出码[[:space:]]*([0-9]+) ]]; then expected=${BASH_REMATCH[1]}; fi
  set +e
  output=$(cd "$work" && eval "$cli ${command#npx shuangsuiji }" 2>&1)
  actual=$?
  set -e
  if [ "$actual" != "$expected" ]; then
    echo "procedure: command $n exited $actual, expected $expected: $command"
    printf '%s\n' "$output" | sed 's/^/    /'
    exit 1
  fi
  echo "ok (exit $actual): ${command}"
done <<< "$commands"

# What the honest run wrote: the records and tables, and the tables open in Excel (UTF-8 with BOM).
for file in 抽取结果/draw-record.json 抽取结果/drawn.csv 匹配结果/match-record.json 匹配结果/targets.json 匹配结果/teams.csv; do
  if [ ! -s "$work/$file" ]; then echo "procedure: $file was not written"; exit 1; fi
done
for file in 抽取结果/drawn.csv 匹配结果/teams.csv; do
  if [ "$(head -c 3 "$work/$file" | od -An -tx1 | tr -d ' \n')" != "efbbbf" ]; then echo "procedure: $file has no UTF-8 BOM"; exit 1; fi
done
echo "procedure: all $n commands gave the expected exit codes"
