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

# The builds (docs/bundling.md): Node's `import` loads one file per entry (dist/index.js …), bundlers get the module
# tree (dist/esm/), `require` the CommonJS files. The tree must hold the same exports as the files Node loads; the
# ESM entries share one ShuangsuijiError class; across ESM and CommonJS, isShuangsuijiError is the test.
cat > builds.mjs <<'JS'
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as lib from 'shuangsuiji';
import * as testing from 'shuangsuiji/testing';
import * as readers from 'shuangsuiji/readers';
const require = createRequire(import.meta.url);
const root = new URL('./node_modules/shuangsuiji/', pathToFileURL(process.cwd() + '/'));
for (const [entry, loaded, file, tree] of [
  ['shuangsuiji', lib, 'dist/index.js', 'dist/esm/index.js'],
  ['shuangsuiji/testing', testing, 'dist/testing.js', 'dist/esm/testing/index.js'],
  ['shuangsuiji/readers', readers, 'dist/readers.js', 'dist/esm/readers/index.js'],
]) {
  const resolved = import.meta.resolve(entry);
  if (resolved !== new URL(file, root).href) throw new Error(`${entry}: Node resolved ${resolved}, expected ${file}`);
  const names = (m) => Object.keys(m).sort().join(',');
  const fromTree = await import(new URL(tree, root).href);
  if (names(fromTree) !== names(loaded)) throw new Error(`${entry}: ${tree} exports differ from ${file}`);
  const cjs = require(entry);
  if (names(cjs) !== names(loaded)) throw new Error(`${entry}: CommonJS exports differ from ESM`);
}
let thrown;
try { testing.generateEntityRegister(-1); } catch (error) { thrown = error; }
if (!(thrown instanceof lib.ShuangsuijiError)) throw new Error('shuangsuiji/testing threw an error that is not instanceof ShuangsuijiError of shuangsuiji');
const cjs = require('shuangsuiji');
if (!cjs.isShuangsuijiError(thrown, 'INVALID_ARGUMENT')) throw new Error('isShuangsuijiError (CommonJS) does not recognise an ESM error');
let thrownCjs;
try { require('shuangsuiji/testing').generateEntityRegister(-1); } catch (error) { thrownCjs = error; }
if (!lib.isShuangsuijiError(thrownCjs, 'INVALID_ARGUMENT')) throw new Error('isShuangsuijiError (ESM) does not recognise a CommonJS error');
// Two classes, one brand (Symbol.for('shuangsuiji.error')): instanceof holds across the ESM and CommonJS builds.
if (cjs.ShuangsuijiError === lib.ShuangsuijiError) throw new Error('expected two ShuangsuijiError classes (ESM and CommonJS)');
if (!(thrownCjs instanceof lib.ShuangsuijiError)) throw new Error('a CommonJS error is not instanceof the ESM ShuangsuijiError');
if (!(thrown instanceof cjs.ShuangsuijiError)) throw new Error('an ESM error is not instanceof the CommonJS ShuangsuijiError');
if (new Error('x') instanceof cjs.ShuangsuijiError || { name: 'ShuangsuijiError', code: 'X' } instanceof lib.ShuangsuijiError) throw new Error('instanceof ShuangsuijiError holds for a value without the brand');
console.log('builds ok: Node loads dist/*.js, the module tree has the same exports, one ShuangsuijiError across the ESM entries, instanceof across ESM and CommonJS');
JS
node builds.mjs

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

# digest and seed: the register digest printed before a draw is the record's register.digest, and the
# seed from the dice is the record's seed; an auditor's --expect fails (exit 1) on the tampered register.
published=$(node -p "JSON.parse(require('fs').readFileSync('record.json', 'utf8')).register.digest")
npx --no-install shuangsuiji digest register.csv
npx --no-install shuangsuiji digest register.csv --json > digest.json
npx --no-install shuangsuiji seed --dice '12345 67890 12345 67890' --salt smoke-salt-0123456789 --lang en
npx --no-install shuangsuiji seed --dice 12345678901234567890 --json > seed.json
node -e "
const fs = require('fs');
const record = JSON.parse(fs.readFileSync('record.json', 'utf8'));
const d = JSON.parse(fs.readFileSync('digest.json', 'utf8')), s = JSON.parse(fs.readFileSync('seed.json', 'utf8'));
if (!d.ok || d.digest !== record.register.digest || d.size !== record.register.size) throw new Error('digest differs from the record: ' + JSON.stringify(d));
if (!s.ok || s.seed !== record.seed || JSON.stringify(s.origin) !== JSON.stringify(record.seedOrigin)) throw new Error('seed differs from the record: ' + JSON.stringify(s));
"
set +e
npx --no-install shuangsuiji digest register.csv --expect "$published" >/dev/null; expectSame=$?
npx --no-install shuangsuiji digest tampered.json --expect "$published" --lang en; expectTampered=$?
npx --no-install shuangsuiji digest broken.csv; digestBroken=$?
npx --no-install shuangsuiji seed --dice 12345; seedWeak=$?
set -e
if [ "$expectSame" != 0 ]; then echo "expected exit 0 for digest --expect on the register, got $expectSame"; exit 1; fi
if [ "$expectTampered" != 1 ]; then echo "expected exit 1 for digest --expect on a tampered register, got $expectTampered"; exit 1; fi
if [ "$digestBroken" != 2 ]; then echo "expected exit 2 for digest of a malformed register, got $digestBroken"; exit 1; fi
if [ "$seedWeak" != 2 ]; then echo "expected exit 2 for seed from 5 digits, got $seedWeak"; exit 1; fi
echo "CLI ok: digest = record.register.digest, seed = record.seed, --expect tampered → 1, malformed → 2, weak seed → 2"

# shuangsuiji/node from the installed tarball (ESM and CommonJS): the file's digest, draw and verification with two
# worker threads (the worker script ships in dist/) equal the library's over the same rows.
cat > node-entry.mjs <<'JS'
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { registerDigestOfFile, drawFromFile, verifyDrawOfFile } from 'shuangsuiji/node';
const record = JSON.parse(readFileSync('record.json', 'utf8'));
const { digest } = await registerDigestOfFile('register.csv', { workers: 2 });
if (digest !== record.register.digest) throw new Error('registerDigestOfFile differs from the record');
const drawn = await drawFromFile('register.csv', record.spec, { seed: record.seed }, { workers: 2 });
if (JSON.stringify(drawn.record.selected) !== JSON.stringify(record.selected)) throw new Error('drawFromFile differs from drawTargets');
const verdict = await verifyDrawOfFile(record, 'register.csv', { workers: 2 });
if (!verdict.ok) throw new Error('verifyDrawOfFile: ' + JSON.stringify(verdict));
const cjs = createRequire(import.meta.url)('shuangsuiji/node');
if ((await cjs.registerDigestOfFile('register.csv', { workers: 2 })).digest !== digest) throw new Error('CommonJS shuangsuiji/node differs');
console.log('shuangsuiji/node ok: digest, draw and verify with two workers, ESM and CommonJS');
JS
node node-entry.mjs

# The verification page ships in the package and the command writes it.
npx --no-install shuangsuiji page page-out >/dev/null
test -s page-out/shuangsuiji-page.html || { echo "shuangsuiji page wrote no page"; exit 1; }
echo "page ok: $(wc -c < page-out/shuangsuiji-page.html) bytes"
