/** Shared logic of verifyDraw / verifyDrawAsync. */
import { isShuangsuijiError, ShuangsuijiError } from '../../errors.js';
import type { CanonicalRow } from '../../internals/canonical-row.js';
import type { VerifyDrawOptions } from '../draw-options.js';
import type { DrawRecord, DrawResult, PastInspection } from '../draw-record.js';
import type { NormalizedDrawSpec } from '../draw-spec.js';
import type { VerifyCode, VerifyProvenance, VerifyResult } from '../verify-result.js';
import { compareCodePoints, hex32 } from './bytes.js';
import { historyDigest, rowHashHex } from './digest.js';
import { checkHistoryList, DrawEngine } from './engine.js';
import { normalizeSpec } from './plan.js';
import { checkSeedCommitment } from '../check-seed-commitment.js';
import { deriveSeedFromOrigin } from './seed.js';

function fail(code: VerifyCode, messageZh: string, messageEn: string, details: Record<string, unknown> = {}, position?: number): VerifyResult {
  return position === undefined ? { ok: false, code, messageZh, messageEn, details } : { ok: false, code, messageZh, messageEn, details, position };
}

/** Collects, during the first pass, the rows whose ids the record selected. */
export class RowWatcher {
  readonly wanted: Map<string, string>;
  readonly found = new Map<string, string>();
  constructor(record: DrawRecord) {
    // Built before the record's shape is checked: only well-formed entries are watched (others fail the check).
    const wanted = new Map<string, string>();
    const selected = record.selected as readonly unknown[];
    for (let i = 0; i < selected.length; i++) {
      const s = selected[i];
      if (isObject(s) && typeof s['id'] === 'string' && typeof s['rowHash'] === 'string') wanted.set(s['id'], s['rowHash']);
    }
    this.wanted = wanted;
  }
  /** Sees a canonical row of the first pass (the engine's own reading of it). */
  see(row: CanonicalRow): void {
    if (this.wanted.has(row.id)) this.found.set(row.id, rowHashHex(row));
  }
}

/**
 * The history from verification options. A bare array (the history passed where the options belong) is refused
 * rather than read as "no history", which would report HISTORY_CHANGED for a correct record.
 */
export function historyOption(options: VerifyDrawOptions): readonly PastInspection[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_OPTION', '核验选项须为对象，往期检查记录请以 { history } 传入', 'verification options must be an object: pass the history as { history }', { path: ['options'] });
  }
  for (const key of Object.keys(options)) {
    if (key !== 'history') throw new ShuangsuijiError('INVALID_OPTION', `核验选项含未知字段 ${key}`, `unknown verification option ${key}`, { path: ['options', key] });
  }
  const history = (options as { history?: unknown }).history;
  if (history === undefined) return [];
  if (!Array.isArray(history)) throw new ShuangsuijiError('INVALID_OPTION', '往期检查记录须为数组', 'the history must be an array', { path: ['options', 'history'] });
  return history as readonly PastInspection[];
}

/** Checks the record's own fields; returns an engine to run, or a divergence. */
export function prepareVerification(record: DrawRecord, history: readonly PastInspection[], watcher?: RowWatcher): DrawEngine | VerifyResult {
  const own = checkRecordFields(record);
  if (!('spec' in own)) return own;
  const { spec, seedBytes } = own;
  // A malformed history is bad input from the verifier (thrown: INVALID_HISTORY), not a divergence of the record.
  const hist = checkHistoryList(history);
  const hd = historyDigest(hist);
  if (hd !== record.exclusion.digest || history.length !== record.exclusion.historySize) {
    return fail('HISTORY_CHANGED', `用于去重的往期检查记录与抽取时不同（记录 ${record.exclusion.historySize} 条，现有 ${history.length} 条）`, `the inspection history used for de-duplication differs from the one drawn with (record: ${record.exclusion.historySize} entries, given: ${history.length})`, { recorded: record.exclusion.digest, recomputed: hd });
  }
  return new DrawEngine(spec, {
    seed: seedBytes, seedHex: record.seed, seedOrigin: record.seedOrigin,
    seedCommitment: record.seedCommitment === null ? null : { hash: record.seedCommitment.hash.toLowerCase(), salt: record.seedCommitment.salt }, history,
    ...(watcher === undefined ? {} : { watch: (row: CanonicalRow) => watcher.see(row) }),
  });
}

/**
 * Steps 1–4 of verification (docs/spec.md §9), which need neither the register nor the history: the record's
 * shape, the seed recomputed from its origin, the commitment, the spec valid with its label. Shared with
 * `checkEntityOutcome` (§7.8), which answers from the record alone.
 */
export function checkRecordFields(record: DrawRecord): { readonly spec: NormalizedDrawSpec; readonly seedBytes: Uint8Array } | VerifyResult {
  const shape = recordShapeProblem(record);
  if (shape !== undefined) return fail('RECORD_MALFORMED', `这不是本程序可以核验的抽取记录：${shape.zh}`, `this is not a draw record this program can check: ${shape.en}`, { path: shape.path });
  const seedBytes = hex32(record.seed)!;
  if (record.seedOrigin !== null) {
    let again: string | undefined;
    try { again = deriveSeedFromOrigin(record.seedOrigin).seed; } catch { again = undefined; }
    if (again !== record.seed) return fail('SEED_ORIGIN_MISMATCH', '种子与记录的来源（骰子读数、各方贡献或信标值）算不出同一个值', 'the seed cannot be recomputed from its recorded origin (dice digits, contributions or beacon value)', { recorded: record.seed, recomputed: again ?? null });
  }
  if (record.seedCommitment !== null) {
    // Case-insensitive, exactly as the draw and checkSeedCommitment compare a published hash.
    if (!checkSeedCommitment(record.seed, record.seedCommitment.hash, { salt: record.seedCommitment.salt })) {
      return fail('SEED_COMMITMENT_MISMATCH', '种子与事先公布的承诺值不符：公布的种子不是当初承诺的那一个', 'the seed does not match its commitment: it is not the seed committed to beforehand', { commitment: record.seedCommitment.hash });
    }
  }
  let spec;
  try { spec = normalizeSpec(record.spec); } catch (error) {
    return fail('RECORD_MALFORMED', `记录中的抽取规则无效：${isShuangsuijiError(error) ? error.messageZh : String(error)}`, `the spec in the record is invalid: ${isShuangsuijiError(error) ? error.messageEn : String(error)}`, { path: ['spec', ...(isShuangsuijiError(error) ? error.path : [])] });
  }
  if (spec.label !== record.label) return fail('RECORD_MALFORMED', '记录的抽取标识与规则中的不一致', 'the record label differs from the label in its spec', { path: ['label'] });
  return { spec, seedBytes };
}

const RECORD_KEYS = ['format', 'algorithm', 'version', 'label', 'seed', 'seedOrigin', 'seedCommitment', 'register', 'exclusion', 'spec', 'strata', 'selected'];

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * What verification needs before it can recompute: every key of the record present (none missing, none unknown),
 * with the types the draw writes. Everything else the record shows is bound afterwards by comparing it, field by
 * field, with the record the recomputation produces.
 */
function recordShapeProblem(record: unknown): { zh: string; en: string; path: (string | number)[] } | undefined {
  if (!isObject(record)) return { zh: '记录须为对象', en: 'a record must be an object', path: [] };
  if (record['format'] !== 'shuangsuiji-draw-record' || record['algorithm'] !== 'shuangsuiji-draw' || record['version'] !== 1) {
    return { zh: '格式、算法或版本不符', en: 'wrong format, algorithm or version', path: ['format'] };
  }
  for (const key of RECORD_KEYS) if (!Object.hasOwn(record, key)) return { zh: `缺少字段 ${key}`, en: `the field ${key} is missing`, path: [key] };
  for (const key of Object.keys(record)) if (!RECORD_KEYS.includes(key)) return { zh: `含未知字段 ${key}`, en: `unknown field ${key}`, path: [key] };
  if (hex32(record['seed']) === undefined) return { zh: '种子须为 64 个小写十六进制字符', en: 'the seed must be 64 lower-case hex characters', path: ['seed'] };
  if (typeof record['label'] !== 'string') return { zh: '抽取标识须为字符串', en: 'the label must be a string', path: ['label'] };
  const origin = record['seedOrigin'];
  if (origin !== null && !isObject(origin)) return { zh: 'seedOrigin 须为对象或 null', en: 'seedOrigin must be an object or null', path: ['seedOrigin'] };
  const commitment = record['seedCommitment'];
  if (commitment !== null) {
    if (!isObject(commitment) || Object.keys(commitment).length !== 2 || typeof commitment['hash'] !== 'string' || !/^[0-9a-f]{64}$/.test(commitment['hash']) || typeof commitment['salt'] !== 'string') {
      return { zh: 'seedCommitment 须为 { hash: 64 个小写十六进制字符, salt: 字符串 } 或 null', en: 'seedCommitment must be { hash: 64 lower-case hex characters, salt: string } or null', path: ['seedCommitment'] };
    }
  }
  for (const key of ['register', 'exclusion', 'spec'] as const) if (!isObject(record[key])) return { zh: `${key} 须为对象`, en: `${key} must be an object`, path: [key] };
  const counts = (o: Record<string, unknown>, keys: readonly string[]): boolean => keys.every((k) => Number.isSafeInteger(o[k]) && (o[k] as number) >= 0);
  const register = record['register'] as Record<string, unknown>;
  if (typeof register['digest'] !== 'string' || !counts(register, ['size', 'eligible'])) return { zh: 'register 须含 digest、size 和 eligible', en: 'register needs a digest, a size and eligible', path: ['register'] };
  const exclusion = record['exclusion'] as Record<string, unknown>;
  if (typeof exclusion['digest'] !== 'string' || !counts(exclusion, ['historySize', 'excluded'])) return { zh: 'exclusion 须含 digest、historySize 和 excluded', en: 'exclusion needs a digest, a historySize and excluded', path: ['exclusion'] };
  const selected = record['selected'];
  if (!Array.isArray(selected)) return { zh: 'selected 须为数组', en: 'selected must be an array', path: ['selected'] };
  for (let i = 0; i < selected.length; i++) {
    const s = selected[i];
    const ok = isObject(s) && ['id', 'ticket', 'inclusionProbability', 'rowHash'].every((k) => typeof s[k] === 'string') && (s['stratum'] === null || typeof s['stratum'] === 'string');
    if (!ok) return { zh: `selected 第 ${i} 项无效`, en: `selected entry ${i} is invalid`, path: ['selected', i] };
  }
  const strata = record['strata'];
  if (!Array.isArray(strata)) return { zh: 'strata 须为数组', en: 'strata must be an array', path: ['strata'] };
  for (let i = 0; i < strata.length; i++) {
    const s = strata[i];
    const ok = isObject(s) && (s['stratum'] === null || typeof s['stratum'] === 'string') && counts(s, ['population', 'requested', 'size', 'certain', 'selected']) && (s['weightScale'] === null || typeof s['weightScale'] === 'string');
    if (!ok) return { zh: `strata 第 ${i} 项无效`, en: `strata entry ${i} is invalid`, path: ['strata', i] };
  }
  return undefined;
}

/** The provenance an ok verification checked. */
export function provenanceOf(record: DrawRecord): VerifyProvenance {
  return { seedOrigin: record.seedOrigin === null ? 'none' : record.seedOrigin.method, commitment: record.seedCommitment === null ? 'none' : 'checked' };
}

/** The first path where two plain JSON values differ (key order ignored; types, key sets and values exact). */
export function firstJsonDifference(a: unknown, b: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path;
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) { const d = firstJsonDifference(a[i], b[i], [...path, i]); if (d) return d; }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined).sort(), kb = Object.keys(b).filter((k) => b[k] !== undefined).sort();
    const all = [...new Set([...ka, ...kb])].sort();
    for (const k of all) {
      if (!Object.hasOwn(a, k) || !Object.hasOwn(b, k)) return [...path, k];
      const d = firstJsonDifference(a[k], b[k], [...path, k]);
      if (d) return d;
    }
    return undefined;
  }
  return path;
}

/** Maps an exception during recomputation to a divergence. */
export function recomputeFailed(error: unknown): VerifyResult {
  if (!isShuangsuijiError(error)) throw error;
  return fail('RECOMPUTE_FAILED', `无法按记录重新抽取：${error.messageZh}`, `the draw cannot be recomputed from the record: ${error.messageEn}`, { error: error.code, path: error.path });
}

/** Compares a recomputed draw with the record. */
export function compare(record: DrawRecord, again: DrawResult, watcher: RowWatcher): VerifyResult {
  const r = again.record;
  if (r.register.digest !== record.register.digest || r.register.size !== record.register.size) {
    const removed = [...watcher.wanted.keys()].filter((id) => !watcher.found.has(id));
    // Sorted, so the message does not depend on the register's row order (invariant 2).
    const changed = [...watcher.found].filter(([id, h]) => watcher.wanted.get(id) !== h).map(([id]) => id).sort(compareCodePoints);
    const newly = again.selected.map((s) => s.id).filter((id) => !watcher.wanted.has(id));
    const parts: string[] = [], partsEn: string[] = [];
    if (r.register.size !== record.register.size) { parts.push(`行数由 ${record.register.size} 变为 ${r.register.size}`); partsEn.push(`the row count went from ${record.register.size} to ${r.register.size}`); }
    if (removed.length) { parts.push(`被抽中的 ${removed.join('、')} 已不在名录库中`); partsEn.push(`drawn entities no longer in the register: ${removed.join(', ')}`); }
    if (changed.length) { parts.push(`被抽中的 ${changed.join('、')} 的内容被改动`); partsEn.push(`drawn entities whose rows changed: ${changed.join(', ')}`); }
    if (newly.length) { parts.push(`重新抽取会抽中 ${newly.slice(0, 10).join('、')}，它们可能是新增或改动的行`); partsEn.push(`re-drawing now picks ${newly.slice(0, 10).join(', ')}, which may be added or changed rows`); }
    if (!parts.length) { parts.push('被抽中对象未变，其他行有新增、删除或改动'); partsEn.push('the drawn rows are unchanged; other rows were added, removed or changed'); }
    return fail('REGISTER_CHANGED', `名录库与抽取时不同：${parts.join('；')}。`, `the register is not the one drawn from: ${partsEn.join('; ')}.`, {
      recordedDigest: record.register.digest, digest: r.register.digest, recordedSize: record.register.size, size: r.register.size, removed, changed, newlySelected: newly,
    });
  }
  if (r.register.eligible !== record.register.eligible || r.exclusion.excluded !== record.exclusion.excluded) {
    return fail('POPULATION_DIFFERS', `抽取总体大小与记录不符（符合条件 ${r.register.eligible}，去重排除 ${r.exclusion.excluded}）`, `the population differs from the record (eligible ${r.register.eligible}, excluded ${r.exclusion.excluded})`, { eligible: r.register.eligible, excluded: r.exclusion.excluded });
  }
  const sameStrata = Array.isArray(record.strata) && record.strata.length === r.strata.length && r.strata.every((a, i) => {
    const b = record.strata[i]!;
    return a.stratum === b.stratum && a.population === b.population && a.requested === b.requested && a.size === b.size && a.certain === b.certain && a.selected === b.selected && a.weightScale === b.weightScale;
  });
  if (!sameStrata) {
    return fail('STRATA_DIFFER', '各层的总体或抽取数量与记录不符', 'the per-stratum populations or sizes differ from the record', { recorded: record.strata, recomputed: r.strata });
  }
  const n = Math.max(r.selected.length, record.selected.length);
  for (let i = 0; i < n; i++) {
    const a = record.selected[i], b = r.selected[i];
    if (a === undefined || b === undefined) {
      return fail('SELECTION_DIFFERS', `抽中数量不符：记录 ${record.selected.length} 个，重新抽取 ${r.selected.length} 个（第 ${i + 1} 位起不同）`, `the number drawn differs: the record lists ${record.selected.length}, re-drawing gives ${r.selected.length} (from position ${i + 1})`, {}, i);
    }
    if (a.id !== b.id || a.ticket !== b.ticket || a.stratum !== b.stratum || a.inclusionProbability !== b.inclusionProbability || a.rowHash !== b.rowHash) {
      return fail('SELECTION_DIFFERS', `抽取结果第 ${i + 1} 位不同：记录为 ${a.id}，重新抽取为 ${b.id}`, `the selection differs at position ${i + 1}: the record says ${a.id}, re-drawing gives ${b.id}`, { recorded: a, recomputed: b }, i);
    }
  }
  // Every field the record shows is bound: what the checks above did not name must still equal the recomputed
  // record exactly (the spec as normalised, the history size, unknown or extra keys in nested objects …).
  const path = firstJsonDifference(record, JSON.parse(JSON.stringify(r)));
  if (path !== undefined) {
    return fail('RECORD_MALFORMED', `记录中的 ${path.join('.')} 与按记录重新抽取的结果不同（记录须与重新抽取的结果完全一致）`, `the record's ${path.join('.')} differs from the record the recomputation produces (every field must match)`, { path });
  }
  return { ok: true, provenance: provenanceOf(record) };
}
