/**
 * Validates `WorkCalendarOptions` (which may come from JSON: every field is checked) and merges the
 * built-in notices, supplied years and overrides into one day map. Reports every problem found.
 *
 * @module
 */
import type { DataIssue, IssuePath, ParseResult } from '../../errors.js';
import { firstDayOfYear, lastDayOfYear, plainDateOf, tryDayNumber } from '../../internals/plain-date.js';
import type { CalendarSource } from '../calendar-coverage.js';
import type { UnknownYearsPolicy } from '../work-calendar-options.js';
import type { WorkCalendarIssueCode } from '../work-calendar-issue-code.js';
import { BUILT_IN_FIRST_YEAR, BUILT_IN_LAST_YEAR, builtInDayEntries, builtInSources, type DayEntry } from './built-in-data.js';

/** Everything a calendar needs, validated. `entries` is a thunk so the built-in-only case stays lazy. */
export interface ResolvedCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly sources: readonly CalendarSource[];
  readonly unknownYears: UnknownYearsPolicy;
  readonly entries: () => ReadonlyMap<number, DayEntry>;
}

type Issue = DataIssue<WorkCalendarIssueCode>;

const KNOWN_OPTIONS = ['years', 'overrides', 'unknownYears', 'builtIn'];
/** The keys of a notice year: the holiday-cn shape, including its JSON-Schema markers `$schema` and `$id`. */
const YEAR_KEYS = ['year', 'papers', 'days', '$schema', '$id'];
/** The keys of a notice day and of an override. */
const DAY_KEYS = ['name', 'date', 'isOffDay'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function show(value: unknown): unknown {
  // Only JSON-safe, short values are echoed back in issues.
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return typeof value;
}

/** Reports every own key of `raw` outside `known` (code-unit order), so a misspelt field is never ignored. */
function unknownKeys(raw: Record<string, unknown>, known: readonly string[], path: IssuePath, what: { zh: string; en: string }, issues: Issue[]): void {
  for (const key of Object.keys(raw).sort()) {
    if (known.includes(key)) continue;
    issues.push(issue('UNKNOWN_FIELD', [...path, key], `${what.zh}中有未知字段 ${show(key) as string}（可用：${known.join('、')}）`, `unknown field ${show(key) as string} in ${what.en} (known: ${known.join(', ')})`));
  }
}

function issue(code: WorkCalendarIssueCode, path: IssuePath, messageZh: string, messageEn: string, received?: unknown): Issue {
  const base = { code, path: Object.freeze([...path]), messageZh, messageEn };
  return Object.freeze(received === undefined ? base : { ...base, received: show(received) });
}

interface CheckedDay { readonly day: number; readonly name: string; readonly isOffDay: boolean; readonly path: IssuePath }

/** Checks `{ name, date, isOffDay }`; pushes issues and returns the day when usable. */
function checkDay(raw: unknown, path: IssuePath, kind: 'DAY_INVALID' | 'OVERRIDE_INVALID', issues: Issue[]): CheckedDay | undefined {
  if (!isRecord(raw)) {
    issues.push(issue(kind, path, '应为 { name, date, isOffDay } 对象', 'expected an object { name, date, isOffDay }', raw));
    return undefined;
  }
  const before = issues.length;
  unknownKeys(raw, DAY_KEYS, path, kind === 'DAY_INVALID' ? { zh: '通知日期', en: 'a notice day' } : { zh: '本地调整', en: 'an override' }, issues);
  let ok = issues.length === before;
  const day = tryDayNumber(raw['date']);
  if (day === undefined) {
    issues.push(issue('INVALID_DATE', [...path, 'date'], '日期无效，应为 YYYY-MM-DD 格式的真实日期', 'invalid date; expected a real date written YYYY-MM-DD', raw['date']));
    ok = false;
  }
  if (typeof raw['name'] !== 'string' || raw['name'].trim() === '') {
    issues.push(issue(kind, [...path, 'name'], '名称应为非空字符串', 'name must be a non-empty string', raw['name']));
    ok = false;
  }
  if (typeof raw['isOffDay'] !== 'boolean') {
    issues.push(issue(kind, [...path, 'isOffDay'], 'isOffDay 应为 true（休息）或 false（上班）', 'isOffDay must be true (rest day) or false (working day)', raw['isOffDay']));
    ok = false;
  }
  return ok ? { day: day!, name: raw['name'] as string, isOffDay: raw['isOffDay'] as boolean, path } : undefined;
}

function status(isOffDay: boolean): { zh: string; en: string } {
  return isOffDay ? { zh: '休息日', en: 'a rest day' } : { zh: '工作日', en: 'a working day' };
}

/** Validates and resolves the options. */
export function resolveWorkCalendarOptions(input: unknown): ParseResult<ResolvedCalendar, WorkCalendarIssueCode> {
  const issues: Issue[] = [];
  const options: Record<string, unknown> = input === undefined ? {} : isRecord(input) ? input : {};
  if (input !== undefined && !isRecord(input)) {
    issues.push(issue('OPTIONS_NOT_OBJECT', [], '选项应为对象', 'options must be an object', input));
    return { success: false, issues };
  }
  for (const key of Object.keys(options).sort()) {
    if (!KNOWN_OPTIONS.includes(key)) {
      issues.push(issue('UNKNOWN_OPTION', [key], `未知选项 ${key}（可用：${KNOWN_OPTIONS.join('、')}）`, `unknown option ${key} (known: ${KNOWN_OPTIONS.join(', ')})`));
    }
  }
  let unknownYears: UnknownYearsPolicy = 'error';
  if (options['unknownYears'] !== undefined) {
    if (options['unknownYears'] === 'error' || options['unknownYears'] === 'weekdays-only') unknownYears = options['unknownYears'];
    else issues.push(issue('INVALID_OPTION', ['unknownYears'], "unknownYears 应为 'error' 或 'weekdays-only'", "unknownYears must be 'error' or 'weekdays-only'", options['unknownYears']));
  }
  let builtIn = true;
  if (options['builtIn'] !== undefined) {
    if (typeof options['builtIn'] === 'boolean') builtIn = options['builtIn'];
    else issues.push(issue('INVALID_OPTION', ['builtIn'], 'builtIn 应为布尔值', 'builtIn must be a boolean', options['builtIn']));
  }
  const rawYears = options['years'] ?? [];
  const rawOverrides = options['overrides'] ?? [];
  if (!Array.isArray(rawYears)) issues.push(issue('INVALID_OPTION', ['years'], 'years 应为数组', 'years must be an array', rawYears));
  if (!Array.isArray(rawOverrides)) issues.push(issue('INVALID_OPTION', ['overrides'], 'overrides 应为数组', 'overrides must be an array', rawOverrides));
  const years: readonly unknown[] = Array.isArray(rawYears) ? rawYears : [];
  const overrides: readonly unknown[] = Array.isArray(rawOverrides) ? rawOverrides : [];

  // Fast path: the built-in data alone — nothing to merge, tables are built lazily.
  if (issues.length === 0 && builtIn && years.length === 0 && overrides.length === 0) {
    return {
      success: true,
      data: { firstYear: BUILT_IN_FIRST_YEAR, lastYear: BUILT_IN_LAST_YEAR, sources: Object.freeze(builtInSources()), unknownYears, entries: builtInDayEntries },
    };
  }

  // 1. Each supplied year on its own.
  interface CheckedYear { readonly index: number; readonly year: number; readonly papers: readonly string[]; readonly days: readonly CheckedDay[] }
  const checked: CheckedYear[] = [];
  const yearIndex = new Map<number, number>();
  let yearNumbersOk = true;
  years.forEach((raw, i) => {
    const path: IssuePath = ['years', i];
    if (!isRecord(raw)) {
      issues.push(issue('YEAR_INVALID', path, '应为 { year, papers, days } 对象（holiday-cn 格式）', 'expected an object { year, papers, days } (holiday-cn shape)', raw));
      yearNumbersOk = false;
      return;
    }
    const year = raw['year'];
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
      issues.push(issue('YEAR_INVALID', [...path, 'year'], 'year 应为四位整数年份', 'year must be a four-digit integer', year));
      yearNumbersOk = false;
      return;
    }
    const before = yearIndex.get(year);
    if (before !== undefined) {
      issues.push(issue('YEAR_DUPLICATE', [...path, 'year'], `${year} 年已在 years[${before}] 中提供`, `year ${year} is already given at years[${before}]`, year));
      yearNumbersOk = false;
      return;
    }
    yearIndex.set(year, i);
    unknownKeys(raw, YEAR_KEYS, path, { zh: `${year} 年通知数据`, en: `the ${year} notice data` }, issues);
    for (const marker of ['$schema', '$id'] as const) {
      if (raw[marker] !== undefined && typeof raw[marker] !== 'string') {
        issues.push(issue('YEAR_INVALID', [...path, marker], `${marker} 应为字符串（holiday-cn 的 JSON Schema 标记）`, `${marker} must be a string (the holiday-cn JSON Schema marker)`, raw[marker]));
      }
    }
    const papers = raw['papers'];
    if (!Array.isArray(papers) || papers.length === 0 || !papers.every((p) => typeof p === 'string' && p.trim() !== '')) {
      issues.push(issue('YEAR_PAPERS_MISSING', [...path, 'papers'], `${year} 年缺少通知出处（papers 应为非空字符串数组）`, `year ${year} has no notice reference (papers must be a non-empty array of strings)`, Array.isArray(papers) ? papers.length : papers));
    }
    const rawDays = raw['days'];
    if (!Array.isArray(rawDays) || rawDays.length === 0) {
      issues.push(issue('YEAR_EMPTY', [...path, 'days'], `${year} 年没有任何日期：不是完整的年度通知数据（可能是占位文件）`, `year ${year} lists no days: not a complete notice (a placeholder?)`, Array.isArray(rawDays) ? 0 : rawDays));
    }
    const lo = firstDayOfYear(year) - 31; // 1 December of the previous year
    const hi = lastDayOfYear(year);
    const days: CheckedDay[] = [];
    const own = new Map<number, CheckedDay>();
    (Array.isArray(rawDays) ? rawDays : []).forEach((rawDay: unknown, j: number) => {
      const d = checkDay(rawDay, [...path, 'days', j], 'DAY_INVALID', issues);
      if (d === undefined) return;
      if (d.day < lo || d.day > hi) {
        issues.push(issue('DAY_OUTSIDE_NOTICE_YEAR', [...d.path, 'date'], `${plainDateOf(d.day)} 不在 ${year} 年通知的范围内（${year - 1}-12-01 至 ${year}-12-31）`, `${plainDateOf(d.day)} is outside the span of the ${year} notice (${year - 1}-12-01 to ${year}-12-31)`, plainDateOf(d.day)));
        return;
      }
      const twin = own.get(d.day);
      if (twin !== undefined && twin.isOffDay !== d.isOffDay) {
        issues.push(issue('DAY_CONFLICT', [...d.path, 'isOffDay'], `${plainDateOf(d.day)} 在同一通知中既是${status(twin.isOffDay).zh}又是${status(d.isOffDay).zh}`, `${plainDateOf(d.day)} is both ${status(twin.isOffDay).en} and ${status(d.isOffDay).en} in the same notice`, d.isOffDay));
        return;
      }
      if (twin === undefined) own.set(d.day, d);
      days.push(d);
    });
    const paperTexts = Array.isArray(papers) && papers.every((p) => typeof p === 'string') ? (papers as string[]) : [];
    checked.push({ index: i, year, papers: paperTexts, days });
  });
  if (!builtIn && years.length === 0) {
    issues.push(issue('NO_DATA', ['years'], 'builtIn 为 false 时须在 years 中提供至少一年的通知数据', 'with builtIn: false, years must give at least one notice year'));
  }

  // 2. The covered years must be contiguous.
  const covered = new Set<number>(checked.map((c) => c.year));
  if (builtIn) for (let y = BUILT_IN_FIRST_YEAR; y <= BUILT_IN_LAST_YEAR; y++) covered.add(y);
  const sortedYears = [...covered].sort((a, b) => a - b);
  const firstYear = sortedYears[0] ?? 0;
  const lastYear = sortedYears[sortedYears.length - 1] ?? 0;
  if (yearNumbersOk && sortedYears.length > 0 && lastYear - firstYear + 1 !== sortedYears.length) {
    for (let y = firstYear; y <= lastYear; y++) {
      if (covered.has(y)) continue;
      // Report against the first supplied year after the gap.
      const after = checked.filter((c) => c.year > y).sort((a, b) => a.year - b.year)[0];
      issues.push(issue('YEAR_NOT_CONTIGUOUS', after ? ['years', after.index, 'year'] : ['years'], `覆盖年份不连续：缺少 ${y} 年的通知数据`, `covered years are not contiguous: the ${y} notice is missing`, y));
      break;
    }
  }

  // 3. Merge: built-in first, then supplied years oldest first; disagreements are conflicts.
  const entries = new Map<number, DayEntry>(builtIn ? builtInDayEntries() : []);
  for (const c of [...checked].sort((a, b) => a.year - b.year)) {
    for (const d of c.days) {
      const existing = entries.get(d.day);
      if (existing !== undefined && existing.isOffDay !== d.isOffDay) {
        issues.push(issue('DAY_CONFLICT', [...d.path, 'isOffDay'], `${plainDateOf(d.day)} 在 ${c.year} 年数据中是${status(d.isOffDay).zh}，但 ${existing.year} 年通知中是${status(existing.isOffDay).zh}（如需本地调整请用 overrides）`, `${plainDateOf(d.day)} is ${status(d.isOffDay).en} in the ${c.year} data but ${status(existing.isOffDay).en} in the ${existing.year} notice (use overrides for local changes)`, d.isOffDay));
        continue;
      }
      if (existing === undefined) entries.set(d.day, { name: d.name, isOffDay: d.isOffDay, source: 'notice', year: c.year });
    }
  }

  // 4. Overrides, inside the covered range, applied last.
  const firstDay = firstDayOfYear(firstYear);
  const lastDay = lastDayOfYear(lastYear);
  const seenOverrides = new Map<number, CheckedDay>();
  overrides.forEach((raw, i) => {
    const d = checkDay(raw, ['overrides', i], 'OVERRIDE_INVALID', issues);
    if (d === undefined) return;
    if (sortedYears.length === 0 || d.day < firstDay || d.day > lastDay) {
      issues.push(issue('OVERRIDE_OUT_OF_RANGE', ['overrides', i, 'date'], `${plainDateOf(d.day)} 不在覆盖范围内（${sortedYears.length ? `${plainDateOf(firstDay)} 至 ${plainDateOf(lastDay)}` : '无'}）`, `${plainDateOf(d.day)} is outside the covered range (${sortedYears.length ? `${plainDateOf(firstDay)} to ${plainDateOf(lastDay)}` : 'none'})`, plainDateOf(d.day)));
      return;
    }
    const twin = seenOverrides.get(d.day);
    if (twin !== undefined && twin.isOffDay !== d.isOffDay) {
      issues.push(issue('OVERRIDE_CONFLICT', ['overrides', i, 'isOffDay'], `${plainDateOf(d.day)} 已在 overrides[${String(twin.path[1])}] 中设为${status(twin.isOffDay).zh}`, `${plainDateOf(d.day)} is already ${status(twin.isOffDay).en} in overrides[${String(twin.path[1])}]`, d.isOffDay));
      return;
    }
    if (twin === undefined) seenOverrides.set(d.day, d);
    entries.set(d.day, { name: d.name, isOffDay: d.isOffDay, source: 'override', year: firstYear });
  });

  if (issues.length > 0) return { success: false, issues: Object.freeze(issues) };

  const sources: CalendarSource[] = builtIn ? builtInSources() : [];
  for (const c of [...checked].sort((a, b) => a.year - b.year)) {
    sources.push(Object.freeze({ year: c.year, papers: Object.freeze([...c.papers]), origin: 'supplied' as const }));
  }
  sources.sort((a, b) => a.year - b.year || (a.origin === b.origin ? 0 : a.origin === 'built-in' ? -1 : 1));
  return {
    success: true,
    data: { firstYear, lastYear, sources: Object.freeze(sources), unknownYears, entries: () => entries },
  };
}
