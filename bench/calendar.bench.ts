/**
 * Working-day arithmetic: shuangsuiji's calendar vs the `chinese-days` npm package, in one run.
 *
 *   node --expose-gc --import tsx bench/calendar.bench.ts
 *
 * Both sides take and return `YYYY-MM-DD` strings, so parsing and formatting are included. Equivalent
 * semantics: `addWorkdays(d, 20)` ≡ `findWorkday(20, d)` (the 20th working day strictly after d — the
 * two differ only for n = 0, not measured); `countWorkdays(from, to)` (working days in (from, to]) ≡
 * `getWorkdaysInRange(from, to).length - (isWorkday(from) ? 1 : 0)`. A sample of answers is compared
 * and the number of disagreements printed.
 *
 * chinese-days parses strings as UTC midnight but reads the weekday in the host zone, so it is only
 * right when the host zone is UTC: this script sets TZ=UTC before any Date is made (our calendar uses
 * no Date and is unaffected).
 */
import { createWorkCalendar } from '../src/calendar/index.js';
import { plainDateOf, tryDayNumber } from '../src/internals/plain-date.js';

// Set before chinese-days is loaded (it builds its tables with Date at import); imported dynamically
// because static imports would be evaluated first. Its CommonJS build has only a default export here.
process.env['TZ'] = 'UTC';
const chineseDays = (await import('chinese-days')).default;
const { findWorkday, getWorkdaysInRange, isWorkday: cdIsWorkday } = chineseDays;

const gc = (globalThis as { gc?: () => void }).gc;
const now = (): bigint => process.hrtime.bigint();

// Dates spread over the covered years (2007-02-15 .. 2026-11-30, so ±20 working days stay covered).
const FIRST = tryDayNumber('2007-02-15')!;
const LAST = tryDayNumber('2026-11-30')!;
const N = 4096;
const dates: string[] = [];
const ends: string[] = [];
for (let i = 0; i < N; i++) {
  // A multiplicative stride visits the range in a scattered order (no locality advantage).
  const day = FIRST + ((i * 2654435761) % (LAST - FIRST + 1) + (LAST - FIRST + 1)) % (LAST - FIRST + 1);
  dates.push(plainDateOf(day));
  ends.push(plainDateOf(Math.min(LAST, day + ((i * 7919) % 61))));
}

let sink = 0;

/** Runs `body(i)` in batches for ~`ms` milliseconds per round; returns calls/s of each round. */
function measure(body: (i: number) => string | number, rounds: number, ms: number, batch: number): number[] {
  const rates: number[] = [];
  for (let w = 0; w < batch * 4; w++) body(w % N); // warm-up
  for (let r = 0; r < rounds; r++) {
    gc?.();
    let calls = 0;
    const start = now();
    const budget = BigInt(ms) * 1_000_000n;
    let elapsed = 0n;
    while (elapsed < budget) {
      for (let k = 0; k < batch; k++) {
        const out = body((calls + k) & (N - 1));
        sink += typeof out === 'number' ? out : out.charCodeAt(9);
      }
      calls += batch;
      elapsed = now() - start;
    }
    rates.push(calls / (Number(elapsed) / 1e9));
  }
  return rates;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Cold start: creating the calendar and the first call (which builds the tables).
const t0 = now();
const cal = createWorkCalendar();
const tCreated = now();
cal.addWorkdays('2024-09-30', 1);
const tFirst = now();

const ROUNDS = 7;
const ours = {
  add: measure((i) => cal.addWorkdays(dates[i]!, 20), ROUNDS, 300, 4096),
  count: measure((i) => cal.countWorkdays(dates[i]!, ends[i]!), ROUNDS, 300, 4096),
};
const theirs = {
  add: measure((i) => findWorkday(20, dates[i]!), ROUNDS, 300, 64),
  count: measure((i) => getWorkdaysInRange(dates[i]!, ends[i]!).length - (cdIsWorkday(dates[i]!) ? 1 : 0), ROUNDS, 300, 64),
};

// Equivalence on a sample: every date, n = 20 and -20, and the count.
let disagreements = 0;
const examples: string[] = [];
const SAMPLE = 1024;
for (let i = 0; i < SAMPLE; i++) {
  const d = dates[i]!;
  const pairs: [string, string | number, string | number][] = [
    [`addWorkdays(${d}, 20)`, cal.addWorkdays(d, 20), findWorkday(20, d)],
    [`addWorkdays(${d}, -20)`, cal.addWorkdays(d, -20), findWorkday(-20, d)],
    [`countWorkdays(${d}, ${ends[i]})`, cal.countWorkdays(d, ends[i]!), getWorkdaysInRange(d, ends[i]!).length - (cdIsWorkday(d) ? 1 : 0)],
  ];
  for (const [what, a, b] of pairs) {
    if (a !== b) {
      disagreements++;
      if (examples.length < 5) examples.push(`${what}: ours ${a}, chinese-days ${b}`);
    }
  }
}
// Day-by-day status over the whole covered range.
let statusDisagreements = 0;
const statusExamples: string[] = [];
for (let day = tryDayNumber('2007-01-01')!; day <= tryDayNumber('2026-12-31')!; day++) {
  const d = plainDateOf(day);
  if (cal.isWorkday(d) !== cdIsWorkday(d)) {
    statusDisagreements++;
    if (statusExamples.length < 10) statusExamples.push(d);
  }
}

const common = { node: process.version, rounds: ROUNDS, datesSpread: `${dates.length} dates 2007..2026`, note: 'shared 2-core host; median of rounds, min/max show noise' };
const line = (bench: string, rates: number[]): Record<string, unknown> => ({
  bench,
  callsPerSec: Math.round(median(rates)),
  minCallsPerSec: Math.round(Math.min(...rates)),
  maxCallsPerSec: Math.round(Math.max(...rates)),
  ...common,
});
const results = [
  line('calendar.addWorkdays(d,20)', ours.add),
  line('calendar.countWorkdays', ours.count),
  line('chinese-days.findWorkday(20,d)', theirs.add),
  line('chinese-days.countWorkdays-equivalent', theirs.count),
];
for (const r of results) console.log(JSON.stringify(r));
const addRatio = median(ours.add) / median(theirs.add);
const countRatio = median(ours.count) / median(theirs.count);
console.log(JSON.stringify({
  bench: 'calendar.vs-chinese-days',
  addWorkdaysRatio: Math.round(addRatio),
  countWorkdaysRatio: Math.round(countRatio),
  sampledAnswers: SAMPLE * 3,
  disagreements,
  disagreementExamples: examples,
  statusDaysCompared: tryDayNumber('2026-12-31')! - tryDayNumber('2007-01-01')! + 1,
  statusDisagreements,
  statusDisagreementExamples: statusExamples,
  coldCreateMicros: Number(tCreated - t0) / 1000,
  coldFirstCallMicros: Number(tFirst - tCreated) / 1000,
  chineseDaysVersion: '1.5.7',
}));
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(
  `calendar: addWorkdays(d, 20) ${fmt(median(ours.add))}/s (${fmt(Math.min(...ours.add))}–${fmt(Math.max(...ours.add))}), ` +
    `countWorkdays ${fmt(median(ours.count))}/s; chinese-days: findWorkday ${fmt(median(theirs.add))}/s, count ${fmt(median(theirs.count))}/s; ` +
    `ratio ${fmt(addRatio)}× / ${fmt(countRatio)}×; ${disagreements} of ${SAMPLE * 3} sampled answers disagree, ` +
    `${statusDisagreements} day statuses differ; cold start ${(Number(tFirst - t0) / 1e6).toFixed(2)} ms (sink ${sink % 10})`,
);
