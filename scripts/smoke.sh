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
if [ -f "$OLDPWD/scripts/smoke-extra.sh" ]; then bash "$OLDPWD/scripts/smoke-extra.sh" "$scratch"; fi
