/** Shared logic of verifyDraw / verifyDrawAsync. */
import { isShuangsuijiError, ShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import type { VerifyDrawOptions } from '../draw-options.js';
import type { DrawRecord, DrawResult, PastInspection } from '../draw-record.js';
import type { VerifyCode, VerifyResult } from '../verify-result.js';
import { compareCodePoints, hex32, idProblem } from './bytes.js';
import { historyDigest, rowHashHex } from './digest.js';
import { checkHistory, DrawEngine } from './engine.js';
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
    this.wanted = new Map(record.selected.map((s) => [s.id, s.rowHash]));
  }
  see(e: Entity): void {
    if (typeof e !== 'object' || e === null || idProblem(e.id) !== undefined) return;
    const id = e.id.normalize('NFC');
    if (this.wanted.has(id)) this.found.set(id, rowHashHex(id, e));
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
  return options.history ?? [];
}

/** Checks the record's own fields; returns an engine to run, or a divergence. */
export function prepareVerification(record: DrawRecord, history: readonly PastInspection[]): DrawEngine | VerifyResult {
  if (typeof record !== 'object' || record === null || record.format !== 'shuangsuiji-draw-record' || record.algorithm !== 'shuangsuiji-draw' || record.version !== 1 || !Array.isArray(record.selected) || typeof record.spec !== 'object') {
    return fail('RECORD_MALFORMED', '这不是本程序可以核验的抽取记录（格式或版本不符）', 'this is not a draw record this program can check (wrong format or version)');
  }
  const seedBytes = hex32(record.seed);
  if (seedBytes === undefined) return fail('RECORD_MALFORMED', '记录中的种子格式错误', 'the seed in the record is malformed');
  if (record.seedOrigin !== null && record.seedOrigin !== undefined) {
    let again: string | undefined;
    try { again = deriveSeedFromOrigin(record.seedOrigin).seed; } catch { again = undefined; }
    if (again !== record.seed) return fail('SEED_ORIGIN_MISMATCH', '种子与记录的来源（骰子读数、各方贡献或信标值）算不出同一个值', 'the seed cannot be recomputed from its recorded origin (dice digits, contributions or beacon value)', { recorded: record.seed, recomputed: again ?? null });
  }
  if (record.seedCommitment !== null && record.seedCommitment !== undefined) {
    // Case-insensitive, exactly as the draw and checkSeedCommitment compare a published hash.
    if (!checkSeedCommitment(record.seed, record.seedCommitment.hash, { salt: record.seedCommitment.salt ?? '' })) {
      return fail('SEED_COMMITMENT_MISMATCH', '种子与事先公布的承诺值不符：公布的种子不是当初承诺的那一个', 'the seed does not match its commitment: it is not the seed committed to beforehand', { commitment: record.seedCommitment.hash });
    }
  }
  let spec;
  try { spec = normalizeSpec(record.spec); } catch (error) {
    return fail('RECORD_MALFORMED', `记录中的抽取规则无效：${isShuangsuijiError(error) ? error.messageZh : String(error)}`, `the spec in the record is invalid: ${isShuangsuijiError(error) ? error.messageEn : String(error)}`);
  }
  if (spec.label !== record.label) return fail('RECORD_MALFORMED', '记录的抽取标识与规则中的不一致', 'the record label differs from the label in its spec');
  let hist;
  try { hist = history.map((h, i) => checkHistory(h, i)); } catch (error) {
    return fail('HISTORY_CHANGED', '提供的往期检查记录无效', 'the inspection history given is invalid', { error: isShuangsuijiError(error) ? error.code : String(error) });
  }
  const hd = historyDigest(hist);
  if (hd !== record.exclusion?.digest) {
    return fail('HISTORY_CHANGED', `用于去重的往期检查记录与抽取时不同（记录 ${record.exclusion?.historySize} 条，现有 ${history.length} 条）`, `the inspection history used for de-duplication differs from the one drawn with (record: ${record.exclusion?.historySize} entries, given: ${history.length})`, { recorded: record.exclusion?.digest, recomputed: hd });
  }
  return new DrawEngine(spec, {
    seed: seedBytes, seedHex: record.seed, seedOrigin: record.seedOrigin ?? null,
    seedCommitment: record.seedCommitment ?? null, history, duplicateCheck: 'selection',
  });
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
    return a.stratum === b.stratum && a.population === b.population && a.requested === b.requested && a.size === b.size && a.certain === b.certain && a.selected === b.selected;
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
  return { ok: true };
}
