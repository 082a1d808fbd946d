#!/usr/bin/env bash
# Installs the packed tarball into a scratch folder and imports it from ESM and CommonJS.
set -euo pipefail
tarball=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tarball"
cat > esm.mjs <<'JS'
import * as lib from 'shuangsuiji';
import * as testing from 'shuangsuiji/testing';
const names = Object.keys(lib);
if (names.length < 5) throw new Error('too few exports: ' + names.join(','));
if (typeof lib.isShuangsuijiError !== 'function') throw new Error('isShuangsuijiError missing');
if (Object.keys(testing).length < 1) throw new Error('testing subpath is empty');
console.log('ESM ok:', names.length, 'exports');
JS
cat > cjs.cjs <<'JS'
const lib = require('shuangsuiji');
const testing = require('shuangsuiji/testing');
const names = Object.keys(lib);
if (names.length < 5) throw new Error('too few exports: ' + names.join(','));
if (typeof lib.isShuangsuijiError !== 'function') throw new Error('isShuangsuijiError missing');
if (Object.keys(testing).length < 1) throw new Error('testing subpath is empty');
console.log('CJS ok:', names.length, 'exports');
JS
node esm.mjs
node cjs.cjs

# The CLI from the installed tarball, through npx: a draw made with the package verifies (exit 0),
# a tampered register does not (exit 1), a malformed one is reported by line (exit 2).
cat > make.mjs <<'JS'
import { writeFileSync } from 'node:fs';
import { drawTargets, seedFromDice } from 'shuangsuiji';
import { generateEntityRegister, toEntityExportRows } from 'shuangsuiji/testing';
const register = generateEntityRegister(500, { seed: 11 });
const { record } = drawTargets(register, { label: 'smoke', size: { ratio: 0.03 } }, { seed: seedFromDice('12345678901234567890') });
writeFileSync('record.json', JSON.stringify(record));
const rows = toEntityExportRows(register);
const header = Object.keys(rows[0]);
const cell = (v) => (/[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
writeFileSync('register.csv', '\uFEFF' + [header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\n') + '\n');
const moved = register.map((e) => (e.id === record.selected[0].id ? { ...e, riskClass: e.riskClass === 'D' ? 'A' : 'D' } : e));
writeFileSync('tampered.json', JSON.stringify(moved));
writeFileSync('broken.csv', header.join(',') + '\n' + '"unterminated\n');
JS
node make.mjs
npx --no-install shuangsuiji --version
npx --no-install shuangsuiji verify record.json register.csv
set +e
npx --no-install shuangsuiji verify record.json tampered.json --lang en; tampered=$?
npx --no-install shuangsuiji verify record.json broken.csv; broken=$?
set -e
if [ "$tampered" != 1 ]; then echo "expected exit 1 for a tampered register, got $tampered"; exit 1; fi
if [ "$broken" != 2 ]; then echo "expected exit 2 for a malformed register, got $broken"; exit 1; fi
echo "CLI ok: verified, tampered → 1, malformed → 2"
