/**
 * The calendar engine: lazily built tables over the covered day numbers and O(1) working-day
 * arithmetic on them.
 *
 * - `work[i]` — 1 when day `first + i` is a working day;
 * - `prefix[i]` — working days in [first, first + i) (length span + 1), so the working days in
 *   (a, b] are `prefix[b + 1] - prefix[a + 1]`;
 * - `positions[k]` — the index of the k-th working day (0-based), the inverse of `prefix`;
 * - `texts[i]` — the `YYYY-MM-DD` of day `first + i`, so results are never re-formatted.
 *
 * Outside the table (only under `unknownYears: 'weekdays-only'`) the same "rank" arithmetic continues
 * with the closed-form Monday–Friday counts of plain-date.ts.
 *
 * @module
 */
import { ShuangsuijiError } from '../../errors.js';
import {
  firstDayOfYear,
  lastDayOfYear,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  mondayToFridayAt,
  mondayToFridayBefore,
  plainDateOf,
  tryDayNumber,
  weekdayOf,
  type PlainDate,
} from '../../internals/plain-date.js';
import type { CalendarCoverage } from '../calendar-coverage.js';
import type { DayDescription, DayKind, DaySource } from '../day-description.js';
import type { WorkCalendar } from '../work-calendar.js';
import type { DayEntry } from './built-in-data.js';
import type { ResolvedCalendar } from './resolve-options.js';

interface Tables {
  readonly first: number;
  readonly last: number;
  readonly span: number;
  readonly total: number;
  readonly work: Uint8Array;
  readonly prefix: Int32Array;
  readonly positions: Int32Array;
  readonly texts: readonly PlainDate[];
  readonly entries: ReadonlyMap<number, DayEntry>;
}

function buildTables(first: number, last: number, entries: ReadonlyMap<number, DayEntry>): Tables {
  const span = last - first + 1;
  const work = new Uint8Array(span);
  const texts: PlainDate[] = new Array<PlainDate>(span);
  for (let i = 0; i < span; i++) {
    const wd = weekdayOf(first + i);
    work[i] = wd === 0 || wd === 6 ? 0 : 1;
    texts[i] = plainDateOf(first + i);
  }
  for (const [day, entry] of entries) {
    const i = day - first;
    if (i >= 0 && i < span) work[i] = entry.isOffDay ? 0 : 1;
  }
  const prefix = new Int32Array(span + 1);
  let total = 0;
  for (let i = 0; i < span; i++) {
    prefix[i] = total;
    total += work[i]!;
  }
  prefix[span] = total;
  const positions = new Int32Array(total);
  for (let i = 0, k = 0; i < span; i++) if (work[i] === 1) positions[k++] = i;
  return { first, last, span, total, work, prefix, positions, texts, entries };
}

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Date) return 'a Date object';
  return typeof value;
}

function invalidDate(value: unknown, name: string): ShuangsuijiError {
  if (value instanceof Date) {
    return new ShuangsuijiError(
      'INVALID_DATE',
      `${name} 不接受 Date 对象：请传入 YYYY-MM-DD 字符串（可用 plainDateInShanghai(date) 按北京时间转换）`,
      `${name}: Date objects are not accepted; pass a YYYY-MM-DD string (plainDateInShanghai(date) converts at Beijing time)`,
      { path: [name] },
    );
  }
  return new ShuangsuijiError(
    'INVALID_DATE',
    `日期无效：${shown(value)}，应为 YYYY-MM-DD 格式的真实日期`,
    `invalid date: ${shown(value)}; expected a real date written YYYY-MM-DD`,
    { path: [name] },
  );
}

/** A value as shown in a message: never throws (symbols, null-prototype objects, BigInts …). */
function shownValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  return typeof value;
}

function invalidInteger(value: unknown, name: string, min: 'any' | 'zero'): ShuangsuijiError {
  const zh = min === 'zero' ? '非负整数' : '整数';
  const en = min === 'zero' ? 'a non-negative safe integer' : 'a safe integer';
  return new ShuangsuijiError('INVALID_ARGUMENT', `${name} 应为${zh}，收到 ${shownValue(value)}`, `${name} must be ${en}, got ${shownValue(value)}`, { path: [name] });
}

const HOW_TO_ADD_ZH = "节假日安排只能来自每年的国务院办公厅通知，无法推算。请通过 createWorkCalendar({ years: [...] }) 提供该年份的通知数据（holiday-cn 格式），或明确选择 unknownYears: 'weekdays-only'（按周一至周五推定）";
const HOW_TO_ADD_EN = "Holidays come only from each year's State Council notice and cannot be computed: pass that year's notice data (holiday-cn shape) with createWorkCalendar({ years: [...] }), or opt in to unknownYears: 'weekdays-only' (plain Monday–Friday weeks)";

/** Makes a calendar object from validated data. Tables are built on the first call, once. */
export function buildWorkCalendar(resolved: ResolvedCalendar): WorkCalendar {
  const first = firstDayOfYear(resolved.firstYear);
  const last = lastDayOfYear(resolved.lastYear);
  const lenient = resolved.unknownYears === 'weekdays-only';
  const coverage: CalendarCoverage = Object.freeze({
    first: plainDateOf(first),
    last: plainDateOf(last),
    firstYear: resolved.firstYear,
    lastYear: resolved.lastYear,
  });
  let cached: Tables | undefined;
  const tables = (): Tables => (cached ??= buildTables(first, last, resolved.entries()));

  function outOfRange(day: number, name: string, what?: { zh: string; en: string }): ShuangsuijiError {
    const date = day >= MIN_DAY_NUMBER && day <= MAX_DAY_NUMBER ? plainDateOf(day) : String(day);
    const zh = what ? `${what.zh}（${date}）` : `日期 ${date}`;
    const en = what ? `${what.en} (${date})` : `${date}`;
    return new ShuangsuijiError(
      'CALENDAR_OUT_OF_RANGE',
      `${zh} 不在工作日历覆盖范围内（${coverage.first} 至 ${coverage.last}）。${HOW_TO_ADD_ZH}。`,
      `${en} is outside the calendar's covered range (${coverage.first} to ${coverage.last}). ${HOW_TO_ADD_EN}.`,
      { path: [name], details: { date, first: coverage.first, last: coverage.last } },
    );
  }

  function parse(value: unknown, name: string): number {
    const day = tryDayNumber(value);
    if (day === undefined) throw invalidDate(value, name);
    return day;
  }

  /** Rejects a day outside the table unless the policy allows it. */
  function requireKnown(t: Tables, day: number, name: string): void {
    if (!lenient && (day < t.first || day > t.last)) throw outOfRange(day, name);
  }

  function format(t: Tables, day: number): PlainDate {
    const i = day - t.first;
    if (i >= 0 && i < t.span) return t.texts[i]!;
    if (day < MIN_DAY_NUMBER || day > MAX_DAY_NUMBER) {
      throw new ShuangsuijiError('CALENDAR_OUT_OF_RANGE', '结果超出 0001-01-01 至 9999-12-31', 'the result is outside 0001-01-01..9999-12-31', { details: { first: coverage.first, last: coverage.last } });
    }
    return plainDateOf(day);
  }

  function workdayAt(t: Tables, day: number): boolean {
    const i = day - t.first;
    if (i >= 0 && i < t.span) return t.work[i] === 1;
    const wd = weekdayOf(day);
    return wd !== 0 && wd !== 6;
  }

  /** Signed working days in [first, x) — valid for every x (Monday–Friday outside the table). */
  function rankBefore(t: Tables, x: number): number {
    if (x < t.first) return mondayToFridayBefore(x) - mondayToFridayBefore(t.first);
    if (x <= t.last + 1) return t.prefix[x - t.first]!;
    return t.total + mondayToFridayBefore(x) - mondayToFridayBefore(t.last + 1);
  }

  /** The working day `y` with `rankBefore(y) === r`. */
  function dayOfRank(t: Tables, r: number): number {
    if (r < 0) return mondayToFridayAt(mondayToFridayBefore(t.first) + r);
    if (r < t.total) return t.first + t.positions[r]!;
    return mondayToFridayAt(mondayToFridayBefore(t.last + 1) + r - t.total);
  }

  function addFrom(t: Tables, day: number, n: number, name: string): PlainDate {
    requireKnown(t, day, name);
    const r = n > 0 ? rankBefore(t, day + 1) + n - 1 : rankBefore(t, day) + n;
    if (!lenient && (r < 0 || r >= t.total)) {
      const direction = n > 0 ? { zh: '之后', en: 'after' } : { zh: '之前', en: 'before' };
      const limit = n > 0 ? coverage.last : coverage.first;
      throw new ShuangsuijiError(
        'CALENDAR_OUT_OF_RANGE',
        `${plainDateOf(day)} ${direction.zh}第 ${Math.abs(n)} 个工作日超出工作日历覆盖范围（${coverage.first} 至 ${coverage.last}，已越过 ${limit}）。${HOW_TO_ADD_ZH}。`,
        `counting ${Math.abs(n)} working days ${direction.en} ${plainDateOf(day)} goes past ${limit}, the edge of the calendar's covered range (${coverage.first} to ${coverage.last}). ${HOW_TO_ADD_EN}.`,
        { path: [name], details: { date: plainDateOf(day), n, first: coverage.first, last: coverage.last } },
      );
    }
    return format(t, dayOfRank(t, r));
  }

  const isWorkday = (date: string): boolean => {
    const day = parse(date, 'date');
    const t = tables();
    const i = day - t.first;
    if (i >= 0 && i < t.span) return t.work[i] === 1;
    requireKnown(t, day, 'date');
    return workdayAt(t, day);
  };

  const addWorkdays = (date: string, n: number): PlainDate => {
    const day = parse(date, 'date');
    if (!Number.isSafeInteger(n)) throw invalidInteger(n, 'n', 'any');
    const t = tables();
    const i = day - t.first;
    if (i >= 0 && i < t.span) {
      if (n > 0) {
        const r = t.prefix[i + 1]! + n - 1;
        if (r < t.total) return t.texts[t.positions[r]!]!;
      } else if (n < 0) {
        const r = t.prefix[i]! + n;
        if (r >= 0) return t.texts[t.positions[r]!]!;
      } else {
        return t.texts[i]!;
      }
    }
    if (n === 0) {
      requireKnown(t, day, 'date');
      return format(t, day);
    }
    return addFrom(t, day, n, 'date');
  };

  const countWorkdays = (from: string, to: string): number => {
    const a = parse(from, 'from');
    const b = parse(to, 'to');
    const t = tables();
    const ia = a - t.first;
    const ib = b - t.first;
    if (ia >= 0 && ia < t.span && ib >= 0 && ib < t.span) {
      return b >= a ? t.prefix[ib + 1]! - t.prefix[ia + 1]! : t.prefix[ib]! - t.prefix[ia]!;
    }
    requireKnown(t, a, 'from');
    requireKnown(t, b, 'to');
    return b >= a ? rankBefore(t, b + 1) - rankBefore(t, a + 1) : rankBefore(t, b) - rankBefore(t, a);
  };

  const describeDay = (date: string): DayDescription => {
    const day = parse(date, 'date');
    const t = tables();
    requireKnown(t, day, 'date');
    const weekday = weekdayOf(day);
    const weekend = weekday === 0 || weekday === 6;
    const inside = day >= t.first && day <= t.last;
    const entry = inside ? t.entries.get(day) : undefined;
    const isWorkday = workdayAt(t, day);
    const wzh = WEEKDAYS_ZH[weekday]!;
    const wen = WEEKDAYS_EN[weekday]!;
    let kind: DayKind;
    let source: DaySource;
    let zh: string;
    let en: string;
    if (entry !== undefined) {
      source = entry.source;
      const by = entry.source === 'override' ? { zh: '本地调整', en: 'local override' } : { zh: '国务院通知', en: 'State Council notice' };
      if (entry.isOffDay) {
        kind = 'holiday';
        zh = `${entry.name}，休息日（${wzh}，${by.zh}）`;
        en = `rest day: ${entry.name} (${wen}, ${by.en})`;
      } else if (weekend) {
        kind = 'makeup-workday';
        zh = `${entry.name}调休上班，工作日（${wzh}，${by.zh}）`;
        en = `make-up working day (调休上班) for ${entry.name} (${wen}, ${by.en})`;
      } else {
        kind = 'workday';
        zh = `工作日（${wzh}，${entry.name}安排中列明上班，${by.zh}）`;
        en = `working day (${wen}), listed as a working day in the ${entry.name} arrangement (${by.en})`;
      }
    } else {
      source = inside ? 'weekly-rule' : 'assumed';
      kind = weekend ? 'weekend' : 'workday';
      zh = weekend ? `周末休息日（${wzh}）` : `工作日（${wzh}）`;
      en = weekend ? `weekend rest day (${wen})` : `ordinary working day (${wen})`;
      if (!inside) {
        zh += `；超出覆盖年份（${coverage.first} 至 ${coverage.last}），按周一至周五推定`;
        en += `; outside the covered years (${coverage.first} to ${coverage.last}), assumed Monday–Friday`;
      }
    }
    const base = { date: format(t, day), weekday, isWorkday, kind };
    return Object.freeze(
      entry !== undefined
        ? { ...base, name: entry.name, source, descriptionZh: zh, descriptionEn: en }
        : { ...base, source, descriptionZh: zh, descriptionEn: en },
    );
  };

  const calendarDayDeadline = (date: string, days: number): PlainDate => {
    const start = parse(date, 'date');
    if (!Number.isSafeInteger(days) || days < 0) throw invalidInteger(days, 'days', 'zero');
    const t = tables();
    // The start must be covered like every other date argument (as countWorkdays and addWorkdays require):
    // a period that starts outside the known years is refused, not answered from its end day alone.
    requireKnown(t, start, 'date');
    const end = start + days;
    const i = end - t.first;
    if (i >= 0 && i < t.span) {
      if (t.work[i] === 1) return t.texts[i]!;
      const r = t.prefix[i]!; // working days before `end`: the next one has this rank
      if (r < t.total) return t.texts[t.positions[r]!]!;
    }
    const what = { zh: `期限届满日 ${plainDateOf(start)} + ${days} 日`, en: `the end of the period ${plainDateOf(start)} + ${days} days` };
    if (!lenient && (end < t.first || end > t.last)) throw outOfRange(end, 'days', what);
    if (workdayAt(t, end)) return format(t, end);
    return addFrom(t, end, 1, 'days');
  };

  const calendar: WorkCalendar = {
    coverage,
    sources: resolved.sources,
    unknownYears: resolved.unknownYears,
    isWorkday,
    isRestDay: (date: string): boolean => !isWorkday(date),
    describeDay,
    addWorkdays,
    countWorkdays,
    nextWorkday: (date: string): PlainDate => addWorkdays(date, 1),
    previousWorkday: (date: string): PlainDate => addWorkdays(date, -1),
    calendarDayDeadline,
  };
  return Object.freeze(calendar);
}
