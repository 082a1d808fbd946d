/**
 * `shuangsuiji` command line: `verify` re-runs a published draw or match record against the register it
 * was drawn from and prints a verdict, in Chinese by default (English with `--lang en`). Exit codes:
 * 0 the record reproduces, 1 it does not, 2 the command or its input is unusable.
 */
import { readFile } from 'node:fs/promises';
import type { DataIssue } from '../errors.js';
import type { DrawRecord, PastInspection } from '../draw/draw-record.js';
import { verifyDrawAsync } from '../draw/verify-draw-async.js';
import type { Entity } from '../models/entity.js';
import type { Inspector } from '../models/inspector.js';
import { parseEntityRegister } from '../models/parse-entity-register.js';
import { parseInspectorRegister } from '../models/parse-inspector-register.js';
import type { MatchFacts } from '../match/match-options.js';
import type { MatchRecord } from '../match/match-record.js';
import type { MatchTarget } from '../match/match-target.js';
import { verifyMatch } from '../match/verify-match.js';
import { readRows, type FileProblem, type SourceRow } from './internals/read-rows.js';

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown on terminals, or with `--progress`). */
  readonly stderrIsTty?: boolean;
}

type Language = 'zh' | 'en';

interface Flags {
  readonly positional: string[];
  json: boolean;
  language: Language;
  progress: boolean | undefined;
  targets: string | undefined;
  help: boolean;
  version: boolean;
}

const BATCH = 5000;
const PROGRESS_EVERY = 100_000;
const MAX_PROBLEMS_SHOWN = 20;

const HELP_ZH = `用法：shuangsuiji verify <记录.json> <名录库.csv|.json|.jsonl> [历史.json] [选项]

核验一次公开的随机抽取（或人员匹配）能否由其种子和名录库逐字节复现。

  抽取记录（algorithm "shuangsuiji-draw"）：名录库为检查对象名录库；历史为往期检查记录（JSON 数组，
    每项 {entityId, date, department, item}），即抽取时用于年度去重的记录。
  匹配记录（algorithm "shuangsuiji-match"）：名录库为执法检查人员名录库；--targets 给出被匹配的检查对象
    （JSON 数组）；第三个参数为回避等事实（JSON 对象：conflicts、relatives、recusalRequests、history、
    neighbourInspectors）。

名录库可为 CSV（UTF-8，可带 BOM，首行为表头，中文表头按默认表头映射识别，未识别的列忽略）、JSON 数组或
JSON Lines（每行一个对象），大文件以流式读取。

选项：
  --targets <文件>  匹配核验时的检查对象
  --lang zh|en      输出语言（默认 zh）；--en 等同 --lang en
  --json            输出机器可读的 JSON
  --progress        显示读取进度（终端上默认显示）；--no-progress 关闭
  --help, -h        显示帮助
  --version, -v     显示版本

退出码：0 核验通过；1 核验未通过（记录不能复现）；2 命令或输入有误。`;

const HELP_EN = `Usage: shuangsuiji verify <record.json> <register.csv|.json|.jsonl> [history.json] [options]

Checks that a published random draw (or inspector match) reproduces to the byte from its seed and register.

  Draw record (algorithm "shuangsuiji-draw"): the register is the entity register; history is the
    inspection history the draw de-duplicated against (JSON array of {entityId, date, department, item}).
  Match record (algorithm "shuangsuiji-match"): the register is the inspector register; --targets gives the
    matched targets (JSON array); the third argument holds the facts (JSON object: conflicts, relatives,
    recusalRequests, history, neighbourInspectors).

Registers may be CSV (UTF-8, BOM optional, header row first, Chinese headers read through the default header
mapping, unknown columns ignored), a JSON array or JSON Lines; large files are streamed.

Options:
  --targets <file>  the targets, for a match record
  --lang zh|en      output language (default zh); --en is --lang en
  --json            machine-readable JSON output
  --progress        show reading progress (default on terminals); --no-progress turns it off
  --help, -h        show this help
  --version, -v     show the version

Exit codes: 0 verified; 1 the record does not reproduce; 2 bad command or input.`;

class UsageError extends Error {}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = { positional: [], json: false, language: 'zh', progress: undefined, targets: undefined, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(arg);
      return next;
    };
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version' || arg === '-v') flags.version = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--en') flags.language = 'en';
    else if (arg === '--progress') flags.progress = true;
    else if (arg === '--no-progress') flags.progress = false;
    else if (arg === '--targets') flags.targets = value();
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'zh' && lang !== 'en') throw new UsageError(arg);
      flags.language = lang;
    } else if (arg.startsWith('--lang=')) {
      const lang = arg.slice(7);
      if (lang !== 'zh' && lang !== 'en') throw new UsageError(arg);
      flags.language = lang;
    } else if (arg.startsWith('--targets=')) flags.targets = arg.slice(10);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(arg);
    else flags.positional.push(arg);
  }
  return flags;
}

/** A problem with a location in an input file, ready to print. */
interface Located {
  readonly file: string;
  readonly line: number;
  readonly record: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

function where(p: Located, language: Language): string {
  if (language === 'zh') return p.line > 0 ? `${p.file} 第 ${p.line} 行` : `${p.file} 第 ${p.record} 条记录`;
  return p.line > 0 ? `${p.file} line ${p.line}` : `${p.file} record ${p.record}`;
}

function fromIssue(file: string, batch: readonly SourceRow[], offset: number, issue: DataIssue): Located {
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
  const field = issue.path.slice(1).join('.');
  const source = batch[index];
  return {
    file,
    line: source?.line ?? 0,
    record: offset + index + 1,
    code: issue.code,
    messageZh: field ? `${field}：${issue.messageZh}` : issue.messageZh,
    messageEn: field ? `${field}: ${issue.messageEn}` : issue.messageEn,
  };
}

function fromFileProblem(file: string, problem: FileProblem): Located {
  return { file, record: 0, ...problem };
}

/**
 * Reads a register file in batches, parses each batch with `parse`, and yields the typed rows. Problems are
 * collected into `problems`; rows of a bad batch are not yielded.
 */
async function* typedRows<T>(
  file: string,
  parse: (rows: readonly unknown[]) => { success: true; data: readonly T[] } | { success: false; issues: readonly DataIssue[] },
  problems: Located[],
  onProgress: (rows: number) => void,
): AsyncGenerator<T> {
  const fileProblems: FileProblem[] = [];
  let batch: SourceRow[] = [];
  let seen = 0;
  const flush = function* (): Generator<T> {
    if (batch.length === 0) return;
    const result = parse(batch.map((r) => r.row));
    if (result.success) yield* result.data;
    else for (const issue of result.issues) problems.push(fromIssue(file, batch, seen - batch.length, issue));
    batch = [];
  };
  for await (const row of readRows(file, fileProblems)) {
    batch.push(row);
    seen++;
    if (seen % PROGRESS_EVERY === 0) onProgress(seen);
    if (batch.length >= BATCH) yield* flush();
  }
  yield* flush();
  for (const p of fileProblems) problems.push(fromFileProblem(file, p));
}

async function readJson(file: string, what: Located[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    what.push({ file, line: 0, record: 0, code: 'FILE_UNREADABLE', messageZh: `无法读取文件（${String((error as { code?: unknown }).code ?? error)}）`, messageEn: `cannot read the file (${String((error as { code?: unknown }).code ?? error)})` });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    what.push({ file, line: 0, record: 0, code: 'JSON_SYNTAX', messageZh: '不是有效的 JSON', messageEn: 'not valid JSON' });
    return undefined;
  }
}

/**
 * Runs the command line with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['--version'], { stdout: console.log, stderr: console.error });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo, version = 'dev'): Promise<number> {
  let flags: Flags;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    io.stderr(`无法识别的参数 / unrecognised argument: ${(error as Error).message}\n${HELP_ZH}`);
    return 2;
  }
  const language = flags.language;
  const say = (zh: string, en: string): string => (language === 'zh' ? zh : en);
  if (flags.version) {
    io.stdout(version);
    return 0;
  }
  const [command, recordFile, registerFile, extraFile] = flags.positional;
  if (flags.help || command === undefined || command === 'help') {
    io.stdout(language === 'zh' ? HELP_ZH : HELP_EN);
    return flags.help || command === 'help' ? 0 : 2;
  }
  if (command !== 'verify' || recordFile === undefined || registerFile === undefined || flags.positional.length > 4) {
    io.stderr(say('用法错误。', 'Usage error.') + '\n' + (language === 'zh' ? HELP_ZH : HELP_EN));
    return 2;
  }
  const showProgress = !flags.json && (flags.progress ?? io.stderrIsTty === true);
  const onProgress = (rows: number): void => {
    if (showProgress) io.stderr(say(`已读取 ${rows} 行…`, `${rows} rows read…`));
  };

  const problems: Located[] = [];
  const record = await readJson(recordFile, problems);
  const algorithm = typeof record === 'object' && record !== null ? (record as { algorithm?: unknown }).algorithm : undefined;
  if (problems.length === 0 && algorithm !== 'shuangsuiji-draw' && algorithm !== 'shuangsuiji-match') {
    problems.push({ file: recordFile, line: 0, record: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取或匹配记录（缺少 algorithm 字段）', messageEn: 'not a shuangsuiji draw or match record (no known algorithm field)' });
  }

  const report = (verdict: { ok: true } | { ok: false; code: string; messageZh: string; messageEn: string }, summary: Record<string, unknown>): number => {
    if (flags.json) {
      io.stdout(JSON.stringify({ ok: verdict.ok, ...(verdict.ok ? {} : { code: verdict.code, messageZh: verdict.messageZh, messageEn: verdict.messageEn }), ...summary }, null, 2));
    } else if (verdict.ok) {
      io.stdout(say('核验通过：该记录可由其种子和所给名录库完全复现。', 'Verified: the record reproduces exactly from its seed and the given register.'));
      for (const [key, value] of Object.entries(summary)) io.stdout(`  ${key}: ${String(value)}`);
    } else {
      io.stdout(say(`核验未通过：${verdict.messageZh}`, `Verification FAILED: ${verdict.messageEn}`));
      io.stdout(`  code: ${verdict.code}`);
      for (const [key, value] of Object.entries(summary)) io.stdout(`  ${key}: ${String(value)}`);
    }
    return verdict.ok ? 0 : 1;
  };

  const fail = (): number => {
    if (flags.json) {
      io.stdout(JSON.stringify({ ok: false, code: 'INVALID_INPUT', problems }, null, 2));
    } else {
      io.stderr(say(`输入有误，共 ${problems.length} 处：`, `The input has ${problems.length} problem(s):`));
      for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stderr(`  ${where(p, language)}: [${p.code}] ${say(p.messageZh, p.messageEn)}`);
      if (problems.length > MAX_PROBLEMS_SHOWN) io.stderr(say(`  ……另有 ${problems.length - MAX_PROBLEMS_SHOWN} 处未列出`, `  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`));
    }
    return 2;
  };
  if (problems.length > 0) return fail();

  if (algorithm === 'shuangsuiji-draw') {
    const drawRecord = record as DrawRecord;
    const history = extraFile === undefined ? [] : await readJson(extraFile, problems);
    if (problems.length === 0 && !Array.isArray(history)) {
      problems.push({ file: extraFile ?? '', line: 0, record: 0, code: 'HISTORY_NOT_ARRAY', messageZh: '历史文件应为 JSON 数组', messageEn: 'the history file must hold a JSON array' });
    }
    // First pass: read and validate every row, so malformed input is reported by line, not as a mismatch.
    const parseBatch = (rows: readonly unknown[]) => parseEntityRegister(rows, { unknownFields: 'ignore' });
    let rowCount = 0;
    for await (const _ of typedRows<Entity>(registerFile, parseBatch, problems, onProgress)) rowCount++;
    if (problems.length > 0) return fail();
    const verdict = await verifyDrawAsync(drawRecord, () => typedRows<Entity>(registerFile, parseBatch, [], () => {}), {
      history: history as readonly PastInspection[],
    });
    return report(verdict, {
      [say('类型', 'kind')]: say('检查对象抽取', 'target draw'),
      [say('抽取标签', 'label')]: drawRecord.label,
      [say('名录库行数', 'register rows')]: rowCount,
      [say('选中数量', 'selected')]: Array.isArray(drawRecord.selected) ? drawRecord.selected.length : 0,
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
  const inspectors: Inspector[] = [];
  const parseBatch = (rows: readonly unknown[]) => parseInspectorRegister(rows, { unknownFields: 'ignore' });
  for await (const inspector of typedRows<Inspector>(registerFile, parseBatch, problems, onProgress)) inspectors.push(inspector);
  if (problems.length > 0) return fail();
  const verdict = verifyMatch(matchRecord, targets as readonly MatchTarget[], inspectors, facts as MatchFacts);
  return report(verdict, {
    [say('类型', 'kind')]: say('执法检查人员匹配', 'inspector match'),
    [say('匹配标签', 'label')]: matchRecord.label,
    [say('执法检查人员', 'inspectors')]: inspectors.length,
    [say('检查对象', 'targets')]: (targets as readonly unknown[]).length,
  });
}
