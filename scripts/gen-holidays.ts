/**
 * Generates `src/calendar/internals/holiday-data.ts` from a copy of the holiday-cn data set (one JSON
 * file per State Council notice year, `{ year, papers, days: [{ name, date, isOffDay }] }`).
 *
 *   npx tsx scripts/gen-holidays.ts [--source DIR] [--taken-on YYYY-MM-DD] [--check]
 *
 * Defaults: `--source ../shared/reference/holiday-cn` (relative to the repository root), `--taken-on
 * 2026-11-22` (the date of that copy). `--check` writes nothing and exits 1 when the file is stale.
 * Files whose `days` list is empty (placeholders such as 2027.json) are skipped and reported; every other
 * anomaly (bad date, duplicate or conflicting date, date outside the notice's span) stops the script.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeNoticeDays } from '../src/calendar/internals/holiday-encoding.js';
import { plainDateOf, tryDayNumber } from '../src/internals/plain-date.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const i = args.indexOf(name);
  const value = i >= 0 ? args[i + 1] : undefined;
  return value ?? fallback;
}
const sourceDir = resolve(root, option('--source', '../shared/reference/holiday-cn'));
const takenOn = option('--taken-on', '2026-11-22');
const check = args.includes('--check');
const target = join(root, 'src/calendar/internals/holiday-data.ts');

if (tryDayNumber(takenOn) === undefined) throw new Error(`--taken-on must be YYYY-MM-DD, got ${takenOn}`);

interface RawDay { name: string; date: string; isOffDay: boolean }
interface RawYear { year: number; papers: string[]; days: RawDay[] }

function fail(message: string): never {
  console.error(`gen-holidays: ${message}`);
  process.exit(2);
}

const files = readdirSync(sourceDir)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const notices: RawYear[] = [];
const skipped: number[] = [];
const seen = new Map<string, { isOffDay: boolean; year: number }>();
for (const file of files) {
  const data = JSON.parse(readFileSync(join(sourceDir, file), 'utf8')) as RawYear;
  const year = Number(file.slice(0, 4));
  if (data.year !== year) fail(`${file}: year field ${data.year} does not match the file name`);
  if (!Array.isArray(data.days) || !Array.isArray(data.papers)) fail(`${file}: days/papers missing`);
  if (data.days.length === 0) { skipped.push(year); continue; }
  if (data.papers.length === 0) fail(`${file}: no notice reference (papers)`);
  const lo = tryDayNumber(`${year - 1}-12-01`)!;
  const hi = tryDayNumber(`${year}-12-31`)!;
  for (const d of data.days) {
    const day = tryDayNumber(d.date);
    if (day === undefined) fail(`${file}: bad date ${JSON.stringify(d.date)}`);
    if (day < lo || day > hi) fail(`${file}: ${d.date} is outside ${year - 1}-12-01..${year}-12-31`);
    if (typeof d.isOffDay !== 'boolean') fail(`${file}: ${d.date} isOffDay is not a boolean`);
    if (typeof d.name !== 'string' || d.name === '' || /[:;,]/.test(d.name)) fail(`${file}: bad name ${JSON.stringify(d.name)}`);
    const before = seen.get(d.date);
    if (before) fail(`${file}: ${d.date} already listed by the ${before.year} notice`);
    seen.set(d.date, { isOffDay: d.isOffDay, year });
  }
  notices.push({ year, papers: [...data.papers], days: data.days });
}
for (let i = 1; i < notices.length; i++) {
  if (notices[i]!.year !== notices[i - 1]!.year + 1) fail(`notice years are not contiguous at ${notices[i]!.year}`);
}
if (notices.length === 0) fail('no data');

function mmdd(year: number, date: string): string {
  const prefix = date.startsWith(`${year - 1}-`) ? '<' : '';
  return `${prefix}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

function encode(notice: RawYear): string {
  const names: string[] = [];
  const byName = new Map<string, RawDay[]>();
  for (const d of notice.days) {
    if (!byName.has(d.name)) { byName.set(d.name, []); names.push(d.name); }
    byName.get(d.name)!.push(d);
  }
  const groups: string[] = [];
  for (const name of names) {
    const days = byName.get(name)!.map((d) => ({ ...d, n: tryDayNumber(d.date)! })).sort((a, b) => a.n - b.n);
    const tokens: string[] = [];
    for (let i = 0; i < days.length; ) {
      let j = i;
      while (j + 1 < days.length && days[j + 1]!.n === days[j]!.n + 1 && days[j + 1]!.isOffDay === days[i]!.isOffDay) j++;
      const first = days[i]!;
      const last = days[j]!;
      const body = i === j ? mmdd(notice.year, first.date) : `${mmdd(notice.year, first.date)}-${mmdd(notice.year, last.date)}`;
      tokens.push(`${first.isOffDay ? '' : '+'}${body}`);
      i = j + 1;
    }
    groups.push(`${name}:${tokens.join(',')}`);
  }
  const encoded = groups.join(';');
  // Round trip: decoding must give back exactly the file's entries.
  const decoded = decodeNoticeDays(notice.year, encoded);
  const expected = [...notice.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const same = decoded.length === expected.length && decoded.every((d, i) => {
    const e = expected[i]!;
    return d.date === e.date && d.isOffDay === e.isOffDay && d.name === e.name;
  });
  if (!same) fail(`${notice.year}: encoding does not round-trip`);
  return encoded;
}

const first = notices[0]!.year;
const last = notices[notices.length - 1]!.year;
const lines: string[] = [];
lines.push('// GENERATED by scripts/gen-holidays.ts — do not edit by hand (run `npm run gen:holidays`).');
lines.push('/**');
lines.push(` * 国务院办公厅部分节假日安排通知 — public-holiday and make-up working-day data, notices ${first}–${last}.`);
lines.push(' *');
lines.push(' * Source: the holiday-cn data set (https://github.com/NateScarlet/holiday-cn), MIT License,');
lines.push(` * Copyright (c) 2019 NateScarlet; copy taken ${takenOn}. Each row names its notice(s) (gov.cn papers).`);
lines.push(' * Only literal constants: the calendar decodes them lazily on first use. Format: see holiday-encoding.ts.');
lines.push(' *');
lines.push(' * @module');
lines.push(' */');
lines.push("import type { EncodedNotice } from './holiday-encoding.js';");
lines.push('');
lines.push('/** Where the table comes from and when it was taken. */');
lines.push('export const HOLIDAY_DATA_SOURCE = {');
lines.push("  dataset: 'holiday-cn',");
lines.push("  url: 'https://github.com/NateScarlet/holiday-cn',");
lines.push("  license: 'MIT, Copyright (c) 2019 NateScarlet',");
lines.push(`  takenOn: '${takenOn}',`);
lines.push(`  firstYear: ${first},`);
lines.push(`  lastYear: ${last},`);
lines.push('} as const;');
lines.push('');
lines.push('/** One row per notice year: [year, notice URLs, encoded days]. */');
lines.push('export const HOLIDAY_NOTICES: readonly EncodedNotice[] = [');
for (const n of notices) {
  lines.push(`  [${n.year}, ${JSON.stringify(n.papers)}, ${JSON.stringify(encode(n))}],`);
}
lines.push('];');
lines.push('');
const text = lines.join('\n');

let current = '';
try { current = readFileSync(target, 'utf8'); } catch { current = ''; }
if (check) {
  if (current !== text) { console.error('gen-holidays: holiday-data.ts is stale; run npm run gen:holidays'); process.exit(1); }
  console.log('gen-holidays: holiday-data.ts is up to date');
} else {
  writeFileSync(target, text);
  const entries = notices.reduce((s, n) => s + n.days.length, 0);
  console.log(`gen-holidays: wrote ${target} — notices ${first}–${last}, ${entries} entries, ${text.length} chars; skipped empty: ${skipped.join(', ') || 'none'}; taken on ${takenOn}; first entry ${plainDateOf(tryDayNumber(notices[0]!.days[0]!.date)!)}`);
}
