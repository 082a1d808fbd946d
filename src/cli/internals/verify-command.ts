/**
 * `shuangsuiji verify <record> <register> [history|facts]`: re-runs a published draw or match record against the
 * register it was drawn from. Exit 0 the record reproduces, 1 it does not, 2 the command or its input is unusable.
 */
import { isShuangsuijiError } from '../../errors.js';
import type { DrawRecord, PastInspection } from '../../draw/draw-record.js';
import { verifyDrawAsync } from '../../draw/verify-draw-async.js';
import type { VerifyResult } from '../../draw/verify-result.js';
import type { Entity } from '../../models/entity.js';
import type { Inspector } from '../../models/inspector.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { parseInspectorRegister } from '../../models/parse-inspector-register.js';
import type { MatchFacts } from '../../match/match-options.js';
import type { MatchRecord } from '../../match/match-record.js';
import type { MatchTarget } from '../../match/match-target.js';
import { verifyMatch } from '../../match/verify-match.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { unmatchedFactsSummary } from './unmatched-facts-summary.js';
import { MAX_JSON_FILE_BYTES } from './limits.js';
import { parallelVerifyDraw } from './parallel/parallel-draw.js';
import { parallelChoice } from './parallel/worker-option.js';
import { locatedRows, ProblemList, readJson, reportProblems, typedRows } from './problems.js';
import { READING_OPTIONS, registerReading, type RegisterReading } from './register-reading.js';

/**
 * Verdict codes that mean the record file is not a record this program can check (wrong format or version, a
 * missing or mistyped field): reported as bad input (exit 2), not as a record that does not reproduce (exit 1).
 */
const UNUSABLE_RECORD: readonly string[] = ['RECORD_MALFORMED', 'UNSUPPORTED_ALGORITHM'];

/** Runs `verify` with the positional arguments after the command name. */
export async function verifyCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, say, onProgress } = ctx;
  const [recordFile, registerFile, extraFile] = args;
  if (recordFile === undefined || registerFile === undefined || args.length > 3 || !onlyOptions(flags, ['targets', 'progress', 'workers', ...READING_OPTIONS])) return 'usage';
  const choice = parallelChoice(ctx);
  if (typeof choice === 'number') return choice;

  const problems = new ProblemList();
  const record = await readJson(recordFile, problems);
  const algorithm = typeof record === 'object' && record !== null ? (record as { algorithm?: unknown }).algorithm : undefined;
  if (problems.length === 0 && algorithm !== 'shuangsuiji-draw' && algorithm !== 'shuangsuiji-match') {
    problems.push({ file: recordFile, line: 0, record: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取或匹配记录（缺少 algorithm 字段）', messageEn: 'not a shuangsuiji draw or match record (no known algorithm field)' });
  }

  // The register's reading (encoding, columns), once the record says which kind of register it is.
  let reading: RegisterReading | undefined;

  const report = (
    verdict: { ok: true } | { ok: false; code: string; messageZh: string; messageEn: string; path?: readonly (string | number)[]; details?: Readonly<Record<string, unknown>> },
    summary: Record<string, unknown>,
  ): number => {
    if (!verdict.ok && UNUSABLE_RECORD.includes(verdict.code)) {
      // Not a divergence of a well-formed record but a file that is no record this program can check: exit 2.
      const path = verdict.path ?? verdict.details?.['path'];
      const at = Array.isArray(path) && path.length > 0 ? { path: path as readonly (string | number)[] } : {};
      problems.push({ file: recordFile, line: 0, record: 0, code: verdict.code, messageZh: verdict.messageZh, messageEn: verdict.messageEn, ...at });
      return fail();
    }
    if (flags.json) {
      io.stdout(JSON.stringify({ ok: verdict.ok, ...(verdict.ok ? {} : { code: verdict.code, messageZh: verdict.messageZh, messageEn: verdict.messageEn }), ...summary, ...reading?.summary() }, null, 2));
    } else if (verdict.ok) {
      io.stdout(say('核验通过：该记录可由其种子和所给名录库完全复现。', 'Verified: the record reproduces exactly from its seed and the given register.'));
      for (const [key, value] of Object.entries(summary)) io.stdout(`  ${key}: ${String(value)}`);
      for (const line of reading?.describe(say) ?? []) io.stdout(line);
    } else {
      io.stdout(say(`核验未通过：${verdict.messageZh}`, `Verification FAILED: ${verdict.messageEn}`));
      io.stdout(`  code: ${verdict.code}`);
      for (const [key, value] of Object.entries(summary)) io.stdout(`  ${key}: ${String(value)}`);
      for (const line of reading?.describe(say) ?? []) io.stdout(line);
    }
    return verdict.ok ? 0 : 1;
  };

  const fail = (): number => reportProblems(io, flags.json, language, problems, reading);
  if (problems.length > 0) return fail();

  if (algorithm === 'shuangsuiji-draw') {
    const drawRecord = record as DrawRecord;
    const history = extraFile === undefined ? [] : await readJson(extraFile, problems);
    if (problems.length === 0 && !Array.isArray(history)) {
      problems.push({ file: extraFile ?? '', line: 0, record: 0, code: 'HISTORY_NOT_ARRAY', messageZh: '历史文件应为 JSON 数组', messageEn: 'the history file must hold a JSON array' });
    }
    const entityReading = await registerReading(ctx, registerFile, 'entity');
    if (typeof entityReading === 'number') return entityReading;
    reading = entityReading;
    // Several threads when the file allows (issue 16 §2): every row read and validated, and the draw recomputed,
    // by the ranges at once; otherwise, and after any problem, one thread as below.
    const parallel = problems.length === 0 && Array.isArray(history)
      ? await parallelVerifyDraw(registerFile, entityReading, choice, onProgress, drawRecord, history as readonly PastInspection[])
      : undefined;
    let rowCount = 0;
    let verdict: VerifyResult;
    if (parallel?.ok === true) {
      ({ verdict, rows: rowCount } = parallel.value);
    } else {
      // First pass: read and validate every row, so malformed input is reported by line, not as a mismatch.
      const parseBatch = (rows: readonly unknown[]) => parseEntityRegister(rows, entityReading.parserOptions);
      for await (const _ of typedRows<Entity>(registerFile, parseBatch, problems, onProgress, entityReading)) rowCount++;
      if (problems.length > 0) return fail();
      verdict = await verifyDrawAsync(drawRecord, () => typedRows<Entity>(registerFile, parseBatch, new ProblemList(), () => {}, entityReading), {
        history: history as readonly PastInspection[],
      });
    }
    // What the verification checked of the seed's provenance: a raw seed (no origin) or no commitment verifies
    // too, so an auditor must be told (docs/spec.md §9).
    const provenance = verdict.ok
      ? flags.json
        ? { provenance: verdict.provenance }
        : {
            [say('种子来源', 'seed origin')]: verdict.provenance.seedOrigin === 'none' ? say('未核验（记录只有种子本身，没有来源）', 'not checked (the record carries a bare seed, no origin)') : say(`已由来源重新计算（${verdict.provenance.seedOrigin}）`, `recomputed from its origin (${verdict.provenance.seedOrigin})`),
            [say('种子承诺', 'seed commitment')]: verdict.provenance.commitment === 'checked' ? say('已核对', 'checked') : say('无', 'none'),
          }
      : {};
    return report(verdict, {
      [say('类型', 'kind')]: say('检查对象抽取', 'target draw'),
      [say('抽取标签', 'label')]: drawRecord.label,
      [say('名录库行数', 'register rows')]: rowCount,
      [say('选中数量', 'selected')]: Array.isArray(drawRecord.selected) ? drawRecord.selected.length : 0,
      ...provenance,
    });
  }

  // Match record.
  const matchRecord = record as MatchRecord;
  if (flags.targets === undefined) {
    problems.push({ file: recordFile, line: 0, record: 0, code: 'TARGETS_MISSING', messageZh: '匹配记录的核验需要 --targets <检查对象.json>', messageEn: 'verifying a match record needs --targets <targets.json>' });
    return fail();
  }
  const targets = await readJson(flags.targets, problems);
  const facts = extraFile === undefined ? {} : await readJson(extraFile, problems);
  if (problems.length === 0 && !Array.isArray(targets)) {
    problems.push({ file: flags.targets, line: 0, record: 0, code: 'TARGETS_NOT_ARRAY', messageZh: '检查对象文件应为 JSON 数组', messageEn: 'the targets file must hold a JSON array' });
  }
  if (problems.length === 0 && (typeof facts !== 'object' || facts === null || Array.isArray(facts))) {
    problems.push({ file: extraFile ?? '', line: 0, record: 0, code: 'FACTS_NOT_OBJECT', messageZh: '事实文件应为 JSON 对象', messageEn: 'the facts file must hold a JSON object' });
  }
  const inspectorReading = await registerReading(ctx, registerFile, 'inspector');
  if (typeof inspectorReading === 'number') return inspectorReading;
  reading = inspectorReading;
  const inspectors: Inspector[] = [];
  const parseBatch = (rows: readonly unknown[]) => parseInspectorRegister(rows, inspectorReading.parserOptions);
  // The matcher needs every inspector at once: the register is held whole, so it is bounded like a JSON file.
  let inspectorBytes = 0;
  for await (const row of locatedRows<Inspector>(registerFile, parseBatch, problems, onProgress, inspectorReading)) {
    inspectorBytes += row.bytes;
    if (inspectorBytes > MAX_JSON_FILE_BYTES) {
      problems.push({
        file: registerFile, line: row.line, record: row.record, code: 'FILE_TOO_LARGE',
        messageZh: `执法检查人员名录库超过 ${MAX_JSON_FILE_BYTES} 字节（核验匹配时须整体读入）`,
        messageEn: `the inspector register is larger than ${MAX_JSON_FILE_BYTES} bytes (verifying a match reads it whole)`,
      });
      break;
    }
    inspectors.push(row.value);
  }
  if (problems.length > 0) return fail();
  let verdict: ReturnType<typeof verifyMatch>;
  try {
    verdict = verifyMatch(matchRecord, targets as readonly MatchTarget[], inspectors, facts as MatchFacts);
  } catch (error) {
    // The inputs passed their file checks but the matcher refuses them (e.g. an unknown key in the facts file):
    // a bad input (exit 2), named by the file it came from, not a crash.
    if (!isShuangsuijiError(error)) throw error;
    const head = error.path[0];
    const file = head === 'targets' ? flags.targets : head === 'inspectors' ? registerFile : extraFile ?? recordFile;
    const where = error.path.length > 0 ? ` (${error.path.join('.')})` : '';
    problems.push({ file, line: 0, record: 0, code: error.code, messageZh: `${error.messageZh}${where}`, messageEn: `${error.messageEn}${where}` });
    return fail();
  }
  return report(verdict, {
    [say('类型', 'kind')]: say('执法检查人员匹配', 'inspector match'),
    [say('匹配标签', 'label')]: matchRecord.label,
    [say('执法检查人员', 'inspectors')]: inspectors.length,
    [say('检查对象', 'targets')]: (targets as readonly unknown[]).length,
    ...unmatchedFactsSummary(verdict.unmatchedFacts, flags.json === true, say),
  });
}
