/**
 * The one options reader of `shuangsuiji/testing`: every generator reads its options through
 * {@link readOptions}, so a malformed options argument is refused the same way everywhere — never read as "use
 * the default", never a `TypeError`. Refusals are `INVALID_ARGUMENT` with the path `['options', key, …]`.
 */
import { ShuangsuijiError, type IssuePath } from '../../errors.js';
import { compareCodePoints } from '../../internals/compare.js';
import { MAX_DAY_NUMBER, MIN_DAY_NUMBER, tryDayNumber } from '../../internals/plain-date.js';
import { isWellFormedText } from '../../models/internals/register-core.js';
import { checkCount } from './prng.js';
import type { Seed } from './prng.js';

/** Reads one option's value (never `undefined`: an absent key or `undefined` means the default) or throws at `path`. */
export type OptionReader<T> = (value: unknown, path: IssuePath) => T;

/**
 * One reader per key of an options interface — the compiler ties the table to the interface, so a key added to
 * the interface without a reader (or the reverse) fails to compile.
 */
export type OptionReaders<O> = { readonly [K in keyof O]-?: OptionReader<Exclude<O[K], undefined>> };

/** Throws the `INVALID_ARGUMENT` of a bad option. */
export function refuseOption(path: IssuePath, zh: string, en: string): never {
  throw new ShuangsuijiError('INVALID_ARGUMENT', zh, en, { path });
}

/** `options.a.b` for messages. */
function named(path: IssuePath): string {
  return path.map(String).join('.');
}

/**
 * The options `options` gives, each read by its reader: `undefined` means all defaults; anything but a plain
 * object (`null`, an array, a string, a `Date` …) is refused at `['options']`, an unknown own key at
 * `['options', key]` (the first in code-point order), a bad value where its reader says. Only own keys are read
 * (a polluted `Object.prototype` changes nothing). A key whose value is `undefined` is absent; `null` is never
 * absent (it is a wrong value like any other).
 */
export function readOptions<O extends object>(options: unknown, readers: OptionReaders<O>): Partial<O> {
  if (options === undefined) return {};
  const proto = typeof options === 'object' && options !== null ? Object.getPrototypeOf(options) : undefined;
  if (Array.isArray(options) || (proto !== Object.prototype && proto !== null)) {
    const shown = options === null ? 'null' : Array.isArray(options) ? 'array' : typeof options;
    refuseOption(['options'], `选项须为普通对象（或省略），不能是 ${shown}`, `the options must be a plain object (or omitted), not ${shown}`);
  }
  const given = options as Record<string, unknown>;
  const keys = Object.keys(given);
  const unknown = keys.filter((key) => !Object.hasOwn(readers, key));
  if (unknown.length > 0) {
    const key = unknown.reduce((a, b) => (compareCodePoints(b, a) < 0 ? b : a));
    const names = Object.keys(readers).sort(compareCodePoints).join(', ');
    refuseOption(['options', key], `选项含未知字段 ${JSON.stringify(key)}（可用：${names}）`, `unknown option ${JSON.stringify(key)} (known: ${names})`);
  }
  const out: Partial<Record<string, unknown>> = {};
  for (const key of keys.sort(compareCodePoints)) {
    const value = given[key];
    if (value === undefined) continue;
    out[key] = (readers as Record<string, OptionReader<unknown>>)[key]!(value, ['options', key]);
  }
  return out as Partial<O>;
}

/** A seed: a safe integer or a string (any text), as `Seed` says. */
export const readSeed: OptionReader<Seed> = (value, path) => {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
  return refuseOption(path, `${named(path)} 应为安全整数或文本`, `${named(path)} must be a safe integer or text`);
};

/** A count of rows: a whole number from 0 to `MAX_GENERATED` (via `checkCount`). */
export function countReader(whatZh: string, whatEn: string): OptionReader<number> {
  return (value, path) => checkCount(value, whatZh, whatEn, path);
}

/** A whole number from `min` to `max`. */
export function integerReader(min: number, max: number): OptionReader<number> {
  return (value, path) => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
    return refuseOption(path, `${named(path)} 应为 ${min} 至 ${max} 之间的整数`, `${named(path)} must be a whole number from ${min} to ${max}`);
  };
}

/**
 * A non-empty list of at most `maxLength` distinct strings, each passing `element` (which returns why not, as
 * `[zh, en]`, or `undefined`). A refused element is named at `[...path, index]`.
 */
export function listReader(maxLength: number, element: (text: string) => readonly [string, string] | undefined, kindZh: string, kindEn: string): OptionReader<readonly string[]> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length === 0 || value.length > maxLength) {
      return refuseOption(path, `${named(path)} 应为 1 至 ${maxLength} 个${kindZh}的数组`, `${named(path)} must be an array of 1 to ${maxLength} ${kindEn}`);
    }
    const seen = new Set<string>();
    const out: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const text: unknown = value[i];
      const why = typeof text === 'string' ? element(text) : (['不是文本', 'not a string'] as const);
      if (why !== undefined) refuseOption([...path, i], `${named(path)} 第 ${i} 项${why[0]}`, `${named(path)} element ${i} is ${why[1]}`);
      if (seen.has(text as string)) refuseOption([...path, i], `${named(path)} 第 ${i} 项重复`, `${named(path)} element ${i} repeats an earlier one`);
      seen.add(text as string);
      out.push(text as string);
    }
    return Object.freeze(out);
  };
}

/** Longest department name the generators accept (UTF-16 code units): the generated text stays far below the field limit. */
export const MAX_NAME_LENGTH = 100;

/**
 * Why `text` cannot be a name in generated data (`undefined` when it can): empty, with white space at either end
 * (the parsers trim text, so it would not read back as written), holding a lone surrogate, or too long.
 */
export function nameProblem(text: string): readonly [string, string] | undefined {
  if (text.length === 0) return ['为空', 'empty'];
  if (text.length > MAX_NAME_LENGTH) return [`长于 ${MAX_NAME_LENGTH} 个字符`, `longer than ${MAX_NAME_LENGTH} characters`];
  if (!isWellFormedText(text)) return ['含孤立代理项', 'holding a lone surrogate'];
  if (text.trim() !== text) return ['首尾有空白', 'white space at either end'];
  return undefined;
}

/** Why `text` is not a six-digit 行政区划代码 (`undefined` when it is). */
export function regionCodeProblem(text: string): readonly [string, string] | undefined {
  return /^\d{6}$/.test(text) ? undefined : ['不是 6 位数字', 'not six digits'];
}

/** A real `YYYY-MM-DD` date from `min` to `max` (both `YYYY-MM-DD`, inclusive); returns its day number. */
export function dateReader(min: string, max: string): OptionReader<number> {
  const low = Math.max(tryDayNumber(min)!, MIN_DAY_NUMBER);
  const high = Math.min(tryDayNumber(max)!, MAX_DAY_NUMBER);
  return (value, path) => {
    const day = tryDayNumber(value);
    if (day === undefined || day < low || day > high) {
      const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value;
      return refuseOption(path, `${named(path)} 应为 ${min} 至 ${max} 之间 YYYY-MM-DD 格式的真实日期，而非 ${shown}`, `${named(path)} must be a real date written YYYY-MM-DD from ${min} to ${max}, not ${shown}`);
    }
    return day;
  };
}

/**
 * A list of distinct defect names of `table` (own keys only, so `'constructor'` is no defect); may be empty.
 * Distinct keeps the result bounded: at most one row per defect.
 */
export function defectsReader<D extends string>(table: Readonly<Record<D, string>>): OptionReader<readonly D[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return refuseOption(path, `${named(path)} 应为缺陷名称的数组`, `${named(path)} must be an array of defect names`);
    const known = Object.keys(table).length;
    if (value.length > known) return refuseOption(path, `${named(path)} 至多 ${known} 项（每种缺陷一次）`, `${named(path)} may hold at most ${known} defects (each once)`);
    const out: D[] = [];
    for (let i = 0; i < value.length; i++) {
      const name: unknown = value[i];
      if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
        const shown = typeof name === 'string' ? JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name) : typeof name;
        refuseOption([...path, i], `未知缺陷 ${shown}`, `unknown defect ${shown}`);
      }
      if (out.includes(name as D)) refuseOption([...path, i], `缺陷 ${JSON.stringify(name)} 重复`, `defect ${JSON.stringify(name)} is listed twice`);
      out.push(name as D);
    }
    return Object.freeze(out);
  };
}
