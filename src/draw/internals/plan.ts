/** Validation and compilation of a draw spec into fast evaluators. */
import { ShuangsuijiError } from '../../errors.js';
import { utf8LengthChecked, type CanonicalRow } from '../../internals/canonical-row.js';
import type { TargetCondition, TargetFilter } from '../../models/target-filter.js';
import { ENTITY_KINDS, ENTITY_STATUSES, RISK_CLASSES } from '../../models/internals/vocabulary-values.js';
import type { DrawErrorCode } from '../draw-error-code.js';
import type { DrawSpec, NormalizedDrawSpec, SizeRule, StratumSize } from '../draw-spec.js';
import { compareCodePoints } from './bytes.js';
import { add, mul, rat, type Rational } from '../../internals/rational.js';
import { readPositive, readRatio } from './rational.js';

const SCALAR = ['kind', 'industry', 'scale', 'regionCode', 'registrationAuthority', 'supervisingUnit', 'status', 'riskClass'] as const;
const SETS = ['lists', 'tags'] as const;
const STATUSES = ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'];
const RISK = ['A', 'B', 'C', 'D'];
const LISTS = ['abnormal-operations', 'serious-violations'];

function bad(code: DrawErrorCode, zh: string, en: string, path: readonly (string | number)[]): never {
  throw new ShuangsuijiError(code, zh, en, { path });
}
/** A value for a message: short JSON, or its type when it has none (never throws, e.g. on a BigInt). */
function show(v: unknown): string {
  try {
    const text = JSON.stringify(v);
    if (text === undefined) return typeof v;
    return text.length > 100 ? `${text.slice(0, 100)}…` : text;
  } catch {
    return typeof v;
  }
}
function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function onlyKeys(v: Record<string, unknown>, keys: readonly string[], path: readonly (string | number)[]): void {
  for (const k of Object.keys(v).sort(compareCodePoints)) if (!keys.includes(k)) bad('INVALID_SPEC', `抽取规则含未知字段 ${k}`, `unknown key ${k} in the draw spec`, [...path, k]);
}
function isNonNegInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Deepest nesting a spec may have (objects and arrays); deeper input is refused, never walked recursively. */
export const MAX_SPEC_DEPTH = 32;

/**
 * The spec is JSON (docs/spec.md §6): every value a string, a number, a boolean, a plain object or an array,
 * nested at most {@link MAX_SPEC_DEPTH} deep. `null` is refused everywhere (no field of a spec is nullable, and
 * "null means the default" would be a silent guess), and so are BigInts, functions, symbols and class instances —
 * before any field is read. Numbers are checked by the field that reads them.
 */
export function checkJsonValue(value: unknown, path: readonly (string | number)[], code: DrawErrorCode): void {
  const stack: { v: unknown; path: readonly (string | number)[]; depth: number }[] = [{ v: value, path, depth: 0 }];
  while (stack.length > 0) {
    const { v, path: at, depth } = stack.pop()!;
    // Numbers are checked by the field that reads them (a count, a ratio, a weight, a year), with its own code.
    if (typeof v === 'boolean' || typeof v === 'number' || v === undefined) continue;
    if (typeof v === 'string') {
      if (utf8LengthChecked(v) < 0) bad(code, '字符串含不成对的代理项（不是合法的 Unicode 文本）', 'a string contains a lone surrogate (not well-formed Unicode text)', at);
      continue;
    }
    if (v === null) bad(code, '值不能为 null（不需要的字段请省略）', 'a value must not be null (omit a field you do not need)', at);
    if (typeof v !== 'object') bad(code, `值须为 JSON（字符串、数、布尔、对象或数组），收到 ${typeof v}`, `a value must be JSON (string, number, boolean, object or array); received ${typeof v}`, at);
    if (depth >= MAX_SPEC_DEPTH) bad(code, `嵌套超过 ${MAX_SPEC_DEPTH} 层`, `nested more than ${MAX_SPEC_DEPTH} levels deep`, at);
    // Pre-order, elements by index and keys in code-point order: the first problem found is the one reported.
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        // A hole or an undefined element is not JSON (it would be written as null): refused, never skipped.
        if (v[i] === undefined) bad(code, '数组元素缺失（undefined）', 'an array element is missing (undefined)', [...at, i]);
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...at, i], depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) bad(code, '值须为普通对象', 'a value must be a plain object', at);
    const keys = Object.keys(v).sort(compareCodePoints);
    for (const k of keys) if (utf8LengthChecked(k) < 0) bad(code, '字段名含不成对的代理项', 'a key contains a lone surrogate', [...at, k]);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], path: [...at, keys[i]!], depth: depth + 1 });
  }
}

/** An own property that is present (explicit `undefined` counts as absent, as in JSON). */
function given(v: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(v, key) ? v[key] : undefined;
}

/** Checks a size rule (throws `INVALID_SIZE` / `INVALID_RATIO`). */
export function checkSize(rule: unknown, path: readonly (string | number)[]): SizeRule {
  checkJsonValue(rule, path, 'INVALID_SIZE');
  if (!isObj(rule)) bad('INVALID_SIZE', `抽查数量规则须为 { count } 或 { ratio, rounding?, minimum? }，收到 ${show(rule)}`, `a size rule must be { count } or { ratio, rounding?, minimum? }; received ${show(rule)}`, path);
  if ('count' in rule) {
    onlyKeys(rule, ['count'], path);
    if (!isNonNegInt(rule['count'])) bad('INVALID_SIZE', `抽查数量须为非负整数：${show(rule['count'])}`, `a count must be a non-negative integer: ${show(rule['count'])}`, [...path, 'count']);
    return { count: rule['count'] };
  }
  onlyKeys(rule, ['ratio', 'rounding', 'minimum'], path);
  readRatio(rule['ratio'], [...path, 'ratio']);
  if (!('ratio' in rule)) bad('INVALID_SIZE', '抽查数量规则须为 { count } 或 { ratio, rounding?, minimum? }', 'a size rule must be { count } or { ratio, rounding?, minimum? }', path);
  const rounding = given(rule, 'rounding') ?? 'up';
  if (rounding !== 'up' && rounding !== 'down' && rounding !== 'half-up') bad('INVALID_SIZE', '取整规则须为 up、down 或 half-up', 'rounding must be up, down or half-up', [...path, 'rounding']);
  const minimum = given(rule, 'minimum') ?? 0;
  if (!isNonNegInt(minimum)) bad('INVALID_SIZE', '最小数量须为非负整数', 'minimum must be a non-negative integer', [...path, 'minimum']);
  return { ratio: rule['ratio'] as number | string, rounding, minimum };
}

/** The count a size rule gives for a population of `n` (before the shortfall policy). */
export function sizeFor(rule: SizeRule, n: number): number {
  if ('count' in rule) return rule.count;
  const p = readRatio(rule.ratio, ['ratio']);
  const big = BigInt(n) * p.n;
  let k: bigint;
  if (rule.rounding === 'down') k = big / p.d;
  else if (rule.rounding === 'half-up') k = (2n * big + p.d) / (2n * p.d);
  else k = (big + p.d - 1n) / p.d;
  return Math.max(Number(k), rule.minimum ?? 0);
}

/**
 * Values of a field with a fixed vocabulary (`kind`, `status`, `riskClass`, `lists`) must be in it: `riskClass in
 * ['a']` or `lists hasAny ['经营异常名录']` would otherwise draw nothing without a word. Free-text fields are not
 * checked.
 */
function checkVocabulary(field: string, values: readonly string[], path: readonly (string | number)[]): true {
  const vocabulary = field === 'lists' ? LISTS : stratumVocabulary(field);
  if (vocabulary === undefined) return true;
  values.forEach((v, i) => {
    if (!vocabulary.includes(v)) {
      bad('INVALID_FILTER', `字段 ${field} 没有取值 ${show(v)}：可用 ${vocabulary.join(', ')}`, `field ${field} has no value ${show(v)}: use ${vocabulary.join(', ')}`, [...path, i]);
    }
  });
  return true;
}

function checkCondition(c: unknown, path: readonly (string | number)[]): void {
  if (!isObj(c)) bad('INVALID_FILTER', '定向条件须为对象', 'a filter condition must be an object', path);
  const op = c['op'];
  if (op === 'anyOf') {
    onlyKeys(c, ['op', 'conditions'], path);
    const list = c['conditions'];
    if (!Array.isArray(list) || list.length === 0) bad('INVALID_FILTER', 'anyOf 须含至少一个条件', 'anyOf needs at least one condition', [...path, 'conditions']);
    list.forEach((x, i) => checkCondition(x, [...path, 'conditions', i]));
    return;
  }
  const field = c['field'];
  const known = (SCALAR as readonly unknown[]).includes(field) || (SETS as readonly unknown[]).includes(field) || field === 'complaintCount';
  if (!known) bad('UNKNOWN_FILTER_FIELD', `定向条件引用了未知字段：${show(field)}`, `a filter names an unknown field: ${show(field)}`, [...path, 'field']);
  const strings = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
  let ok = false;
  if ((op === 'in' || op === 'notIn') && (SCALAR as readonly unknown[]).includes(field)) ok = strings(c['values']) && Object.keys(c).length === 3 && checkVocabulary(field as string, c['values'] as string[], [...path, 'values']);
  else if (op === 'startsWith' && (field === 'regionCode' || field === 'industry')) ok = typeof c['value'] === 'string' && c['value'].length > 0 && Object.keys(c).length === 3;
  else if ((op === 'hasAny' || op === 'hasAll' || op === 'hasNone') && (SETS as readonly unknown[]).includes(field)) ok = strings(c['values']) && Object.keys(c).length === 3 && checkVocabulary(field as string, c['values'] as string[], [...path, 'values']);
  else if ((op === 'gte' || op === 'lte') && field === 'complaintCount') ok = isNonNegInt(c['value']) && Object.keys(c).length === 3;
  if (!ok) bad('INVALID_FILTER', `定向条件无效：${show(c)}`, `invalid filter condition: ${show(c)}`, path);
}

/**
 * Validates a population (抽取范围: statuses and directed conditions) and fills in the defaults (only 存续
 * `active`, no filter). Throws with the draw's codes and paths (`INVALID_SPEC`, `INVALID_FILTER`,
 * `UNKNOWN_FILTER_FIELD` under `['population', …]`).
 */
export function normalizePopulation(population: DrawSpec['population'] | undefined): NormalizedDrawSpec['population'] {
  checkJsonValue(population, ['population'], 'INVALID_SPEC');
  const pop: unknown = population === undefined ? {} : population;
  if (!isObj(pop)) bad('INVALID_SPEC', 'population 须为对象', 'population must be an object', ['population']);
  onlyKeys(pop, ['statuses', 'filter'], ['population']);
  const statuses = given(pop, 'statuses') ?? ['active'];
  if (!Array.isArray(statuses) || statuses.length === 0 || !statuses.every((s) => STATUSES.includes(s as string))) bad('INVALID_SPEC', '登记状态列表无效', 'invalid status list', ['population', 'statuses']);
  const filter = (given(pop, 'filter') ?? []) as TargetFilter;
  if (!Array.isArray(filter)) bad('INVALID_FILTER', '定向条件须为数组', 'the filter must be an array', ['population', 'filter']);
  filter.forEach((c, i) => checkCondition(c, ['population', 'filter', i]));
  return { statuses: [...(statuses as NormalizedDrawSpec['population']['statuses'])], filter };
}

/** A compiled population: true when the entity's status is listed and it meets every directed condition. */
export function compilePopulation(population: NormalizedDrawSpec['population']): (e: CanonicalRow) => boolean {
  const statuses = population.statuses;
  const filter = compileFilter(population.filter);
  return (e) => (statuses as readonly string[]).includes(e.status) && filter(e);
}

/**
 * The fixed vocabulary of a stratification field (from the models' vocabularies), or undefined for a
 * free-text field (`industry`, `scale`, `regionCode`, `registrationAuthority`, `supervisingUnit`), whose
 * stratum names cannot be checked.
 */
function stratumVocabulary(field: string): readonly string[] | undefined {
  if (field === 'riskClass') return RISK_CLASSES;
  if (field === 'status') return ENTITY_STATUSES;
  if (field === 'kind') return ENTITY_KINDS;
  return undefined;
}

/**
 * The draw label rule (spec §1.2), shared with the matcher: a non-empty string of at most 1024 UTF-16 code units
 * without control characters (U+0000–U+001F, U+007F–U+009F) or lone surrogates; returned in NFC. Else
 * `INVALID_LABEL` at `path`.
 */
export function canonicalLabel(label: unknown, path: readonly (string | number)[]): string {
  if (typeof label !== 'string' || label.length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(label) || label.length > 1024) {
    bad('INVALID_LABEL', '抽取标识须为 1–1024 个非控制字符', 'the draw label must be 1–1024 non-control characters', path);
  }
  if (utf8LengthChecked(label) < 0) bad('INVALID_LABEL', '抽取标识含不成对的代理项', 'the draw label contains a lone surrogate', path);
  return label.normalize('NFC');
}

/**
 * Validates a spec and fills in defaults (throws with a stable code).
 *
 * Per-stratum `sizes` keys of a field with a fixed vocabulary — `riskClass` (A–D), `status`, `kind` — must be
 * one of its values or `""` (the stratum of entities lacking the field), else `INVALID_SPEC` at
 * `['stratification', 'sizes', key]`: a misspelled stratum would silently draw nothing. Keys of free-text
 * fields (`industry`, `scale`, `regionCode`, `registrationAuthority`, `supervisingUnit`) are not checked.
 */
export function normalizeSpec(spec: DrawSpec): NormalizedDrawSpec {
  if (!isObj(spec)) bad('INVALID_SPEC', '抽取规则须为对象', 'the draw spec must be an object', []);
  const label = canonicalLabel(Object.hasOwn(spec, 'label') ? spec.label : undefined, ['label']);
  checkJsonValue(spec, [], 'INVALID_SPEC');
  onlyKeys(spec as unknown as Record<string, unknown>, ['label', 'population', 'size', 'shortfall', 'stratification', 'weights', 'exclusion'], []);
  const population = normalizePopulation(spec.population);
  const shortfall = spec.shortfall ?? 'take-all';
  if (shortfall !== 'take-all' && shortfall !== 'error') bad('INVALID_SPEC', 'shortfall 须为 take-all 或 error', 'shortfall must be take-all or error', ['shortfall']);
  const out: { -readonly [K in keyof NormalizedDrawSpec]: NormalizedDrawSpec[K] } = {
    label,
    population,
    shortfall,
  };
  const strat = spec.stratification;
  if (strat !== undefined) {
    if (!isObj(strat) || !(SCALAR as readonly unknown[]).includes(strat.field)) bad('UNKNOWN_STRATIFY_FIELD', `分层字段无效：${show(isObj(strat) ? strat.field : strat)}`, `unknown stratification field: ${show(isObj(strat) ? strat.field : strat)}`, ['stratification', 'field']);
    if (strat.allocation === 'largest-remainder') {
      onlyKeys(strat as unknown as Record<string, unknown>, ['field', 'allocation'], ['stratification']);
      out.stratification = { field: strat.field, allocation: 'largest-remainder' };
    } else if (strat.allocation === 'per-stratum') {
      onlyKeys(strat as unknown as Record<string, unknown>, ['field', 'allocation', 'sizes', 'otherStrata'], ['stratification']);
      const entries = stratumSizeEntries(strat.sizes as unknown);
      const sizes: StratumSize[] = [];
      const vocabulary = stratumVocabulary(strat.field);
      for (const [key, rule] of entries) {
        if (vocabulary !== undefined && key !== '' && !vocabulary.includes(key)) {
          const allowed = vocabulary.join(', ');
          bad(
            'INVALID_SPEC',
            `分层字段 ${strat.field} 没有名为 ${show(key)} 的层：可用 ${allowed}，或 ""（缺少该字段的对象）`,
            `stratification field ${strat.field} has no stratum ${show(key)}: use ${allowed}, or "" (entities lacking the field)`,
            ['stratification', 'sizes', key],
          );
        }
        sizes.push({ stratum: key, size: checkSize(rule, ['stratification', 'sizes', key]) });
      }
      out.stratification = strat.otherStrata === undefined
        ? { field: strat.field, allocation: 'per-stratum', sizes }
        : { field: strat.field, allocation: 'per-stratum', sizes, otherStrata: checkSize(strat.otherStrata, ['stratification', 'otherStrata']) };
    } else bad('INVALID_SPEC', '分配规则须为 largest-remainder 或 per-stratum', 'allocation must be largest-remainder or per-stratum', ['stratification', 'allocation']);
  }
  if (spec.size !== undefined && out.stratification?.allocation === 'per-stratum') {
    // A size beside per-stratum sizes would be written into the record without any effect on the draw.
    bad('INVALID_SPEC', '按层分配（per-stratum）时各层数量由 sizes 决定，不能再写总数量 size', 'with per-stratum allocation the sizes decide every stratum: a total size would have no effect, so it is refused', ['size']);
  }
  if (spec.size !== undefined) out.size = checkSize(spec.size, ['size']);
  else if (out.stratification?.allocation !== 'per-stratum') bad('INVALID_SIZE', '缺少抽查数量规则', 'the size rule is missing', ['size']);
  if (spec.weights !== undefined) {
    const w = spec.weights;
    if (!isObj(w)) bad('INVALID_SPEC', 'weights 须为对象', 'weights must be an object', ['weights']);
    onlyKeys(w as Record<string, unknown>, ['byRiskClass', 'default', 'byList', 'complaints'], ['weights']);
    const norm: Record<string, unknown> = {};
    if (w.byRiskClass !== undefined) {
      const m: Record<string, number | string> = {};
      for (const key of Object.keys(w.byRiskClass as object).sort(compareCodePoints)) {
        if (![...RISK, 'unclassified'].includes(key as string)) bad('INVALID_SPEC', `未知信用风险分类 ${key}`, `unknown risk class ${key}`, ['weights', 'byRiskClass', key]);
        const v = (w.byRiskClass as Record<string, number | string>)[key]!;
        readPositive(v, ['weights', 'byRiskClass', key]);
        m[key] = v;
      }
      norm['byRiskClass'] = m;
    }
    norm['default'] = w.default ?? 1;
    readPositive(norm['default'], ['weights', 'default']);
    if (w.byList !== undefined) {
      const m: Record<string, number | string> = {};
      for (const key of Object.keys(w.byList as object).sort(compareCodePoints)) {
        if (!LISTS.includes(key)) bad('INVALID_SPEC', `未知名单 ${key}`, `unknown list ${key}`, ['weights', 'byList', key]);
        const v = (w.byList as Record<string, number | string>)[key]!;
        readPositive(v, ['weights', 'byList', key]);
        m[key] = v;
      }
      norm['byList'] = m;
    }
    if (w.complaints !== undefined) {
      if (!isObj(w.complaints)) bad('INVALID_SPEC', 'complaints 规则无效', 'invalid complaints rule', ['weights', 'complaints']);
      onlyKeys(w.complaints as Record<string, unknown>, ['perComplaint', 'cap'], ['weights', 'complaints']);
      readPositive(w.complaints.perComplaint, ['weights', 'complaints', 'perComplaint'], true);
      const cap = w.complaints.cap ?? 1000;
      if (!isNonNegInt(cap)) bad('INVALID_SPEC', 'cap 须为非负整数', 'cap must be a non-negative integer', ['weights', 'complaints', 'cap']);
      norm['complaints'] = { perComplaint: w.complaints.perComplaint, cap };
    }
    out.weights = norm;
  }
  if (spec.exclusion !== undefined) {
    const x = spec.exclusion;
    if (!isObj(x)) bad('INVALID_SPEC', 'exclusion 须为对象', 'exclusion must be an object', ['exclusion']);
    onlyKeys(x as Record<string, unknown>, ['year', 'departments', 'items', 'riskClasses'], ['exclusion']);
    if (!Number.isInteger(x.year) || x.year < 1 || x.year > 9999) bad('INVALID_SPEC', '年度无效', 'invalid year', ['exclusion', 'year']);
    const list = (v: unknown, name: string, allowed?: readonly string[]): void => {
      if (v === 'any' || v === 'all') return;
      if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && (allowed === undefined || allowed.includes(s)))) bad('INVALID_SPEC', `${name} 无效`, `invalid ${name}`, ['exclusion', name]);
    };
    const departments = x.departments ?? 'any', items = x.items ?? 'any', riskClasses = x.riskClasses ?? 'all';
    list(departments, 'departments'); list(items, 'items'); list(riskClasses, 'riskClasses', RISK);
    if (departments === ('all' as unknown) || items === ('all' as unknown) || riskClasses === ('any' as unknown)) bad('INVALID_SPEC', '去重范围无效', 'invalid exclusion scope', ['exclusion']);
    out.exclusion = { year: x.year, departments, items, riskClasses };
  }
  return out;
}

/**
 * The per-stratum sizes as (stratum, rule) pairs in code-point order of the stratum names, from either form: an
 * object `{ A: rule, … }` (as users write it) or the normalised list `[{ stratum, size }, …]` (as records hold it,
 * because a JSON object cannot keep integer-like keys such as region codes in code-point order). Duplicate
 * strata are refused.
 */
function stratumSizeEntries(sizes: unknown): [string, unknown][] {
  const path = ['stratification', 'sizes'];
  let entries: [string, unknown][];
  if (Array.isArray(sizes)) {
    entries = sizes.map((e, i) => {
      if (!isObj(e) || typeof e['stratum'] !== 'string' || !('size' in e) || Object.keys(e).length !== 2) bad('INVALID_SPEC', '各层数量须为 { stratum, size } 列表或 { 层名: 数量规则 } 对象', 'per-stratum sizes must be a list of { stratum, size } or an object { name: size rule }', [...path, i]);
      return [e['stratum'] as string, e['size']];
    });
  } else if (isObj(sizes)) {
    entries = Object.keys(sizes).map((k) => [k, sizes[k]]);
  } else bad('INVALID_SIZE', '各层数量规则缺失', 'per-stratum sizes missing', path);
  entries.sort((a, b) => compareCodePoints(a[0], b[0]));
  for (let i = 1; i < entries.length; i++) if (entries[i]![0] === entries[i - 1]![0]) bad('INVALID_SPEC', `层 ${show(entries[i]![0])} 重复`, `stratum ${show(entries[i]![0])} appears twice`, [...path, entries[i]![0]]);
  return entries;
}

/** A compiled filter: true when the entity is in the directed population. */
export function compileFilter(filter: TargetFilter): (e: CanonicalRow) => boolean {
  const tests = filter.map(compileCondition);
  return (e) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(e)) return false;
    return true;
  };
}

function compileCondition(c: TargetCondition): (e: CanonicalRow) => boolean {
  if (c.op === 'anyOf') {
    const parts = c.conditions.map(compileCondition);
    return (e) => parts.some((p) => p(e));
  }
  const field = c.field;
  switch (c.op) {
    case 'in': { const vs = c.values; return (e) => { const v = (e as unknown as Record<string, unknown>)[field]; return typeof v === 'string' && vs.includes(v); }; }
    case 'notIn': { const vs = c.values; return (e) => { const v = (e as unknown as Record<string, unknown>)[field]; return !(typeof v === 'string' && vs.includes(v)); }; }
    case 'startsWith': { const p = c.value; return (e) => { const v = (e as unknown as Record<string, unknown>)[field]; return typeof v === 'string' && v.startsWith(p); }; }
    case 'hasAny': { const vs = c.values; return (e) => { const s = e[field as 'lists' | 'tags']; return vs.some((x) => s.includes(x)); }; }
    case 'hasAll': { const vs = c.values; return (e) => { const s = e[field as 'lists' | 'tags']; return vs.every((x) => s.includes(x)); }; }
    case 'hasNone': { const vs = c.values; return (e) => { const s = e[field as 'lists' | 'tags']; return !vs.some((x) => s.includes(x)); }; }
    case 'gte': { const v = c.value; return (e) => e.complaintCount >= v; }
    case 'lte': { const v = c.value; return (e) => e.complaintCount <= v; }
  }
}

/** Compiles the weight rule into an exact weight function. */
export function compileWeights(w: NonNullable<NormalizedDrawSpec['weights']>): (e: CanonicalRow) => Rational {
  const byClass = new Map<string, Rational>();
  for (const [k, v] of Object.entries(w.byRiskClass ?? {})) byClass.set(k, readPositive(v, []));
  const base = readPositive(w.default ?? 1, []);
  const byList = new Map<string, Rational>();
  for (const [k, v] of Object.entries(w.byList ?? {})) byList.set(k, readPositive(v, []));
  const per = w.complaints ? readPositive(w.complaints.perComplaint, [], true) : undefined;
  const cap = w.complaints?.cap ?? 1000;
  return (e) => {
    let r = byClass.get(e.riskClass ?? 'unclassified') ?? base;
    if (byList.size > 0) {
      // A canonical row's lists are already distinct.
      for (const l of e.lists) {
        const f = byList.get(l);
        if (f) r = mul(r, f);
      }
    }
    if (per !== undefined && per.n > 0n) r = mul(r, add(rat(1n), mul(per, rat(BigInt(Math.min(e.complaintCount, cap))))));
    return r;
  };
}
