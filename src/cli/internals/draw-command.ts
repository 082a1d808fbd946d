/**
 * `shuangsuiji draw <register> --spec <spec.json> (--dice … | --contributions … | --beacon-…) [--commitment <hash>
 * [--salt <salt>]] [--history <history.json>] --out <folder> [--force]`: the draw itself. The register is read and
 * checked exactly as `digest` and `verify` read it, streamed (twice when the draw's size depends on counts:
 * ratios, strata, weights), and the draw record (`draw-record.json`, to publish and verify) and the list of the
 * drawn entities (`drawn.csv`, for Excel) are written into the output folder, never over existing files unless
 * `--force`.
 */
import { join } from 'node:path';
import type { DrawRecord, DrawResult, PastInspection, SelectedTarget } from '../../draw/draw-record.js';
import type { DrawSpec } from '../../draw/draw-spec.js';
import { drawTargetsAsync } from '../../draw/draw-targets-async.js';
import { isShuangsuijiError, type ShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { checkOutputs, csvTable, writeOutputs } from './output-files.js';
import { parallelDraw } from './parallel/parallel-draw.js';
import { parallelChoice } from './parallel/worker-option.js';
import { locatedRows, ProblemList, readJson, reportError, reportProblems, typedRows } from './problems.js';
import { reportRefusal } from './refusal.js';
import { READING_OPTIONS, registerReading, type RegisterReading } from './register-reading.js';
import { readSeedOptions, SEED_OPTIONS } from './seed-source.js';

/** The draw record written by `draw` (verify it with `shuangsuiji verify`). */
export const DRAW_RECORD_FILE = 'draw-record.json';
/** The table of the drawn entities written by `draw`. */
export const DRAWN_FILE = 'drawn.csv';

const OPTIONS: readonly string[] = ['spec', ...SEED_OPTIONS, 'commitment', 'salt', 'history', 'out', 'force', 'progress', 'workers', ...READING_OPTIONS];

/** Library codes that refuse the spec (docs/spec.md §6, §12): reported as problems of the spec file. */
const SPEC_CODES: readonly string[] = [
  'INVALID_SPEC', 'INVALID_LABEL', 'INVALID_SIZE', 'INVALID_RATIO', 'NON_POSITIVE_WEIGHT', 'INVALID_FILTER',
  'UNKNOWN_FILTER_FIELD', 'UNKNOWN_STRATIFY_FIELD', 'POPULATION_TOO_SMALL',
];

/** The batch parser of the register as `reading` reads it (the parser options of `--headers` …, as `digest` uses). */
function entityParser(reading: RegisterReading) {
  return (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
}

/** The header of `drawn.csv`. */
const DRAWN_HEADER = [
  '序号', '统一社会信用代码/编号', '名称', '签号', '分层', '入样概率', '入样概率（约）', '信用风险分类', '行政区划代码', '属地监管单位',
  '法定代表人', '住所',
] as const;

function drawnRow(t: SelectedTarget, index: number): string[] {
  const e = t.entity;
  return [
    String(index + 1), t.id, e.name, t.ticket, t.stratum === null ? '' : t.stratum === '' ? '（未填）' : t.stratum,
    t.inclusionProbability, `${(t.inclusionProbabilityApprox * 100).toFixed(4)}%`, e.riskClass ?? '', e.regionCode ?? '',
    e.supervisingUnit ?? '', e.legalRepresentative ?? '', e.address ?? '',
  ];
}

/** The line on which record `n` (1-based) of the register starts, by reading it again (0 when not found). */
async function lineOfRecord(file: string, reading: RegisterReading, n: number): Promise<number> {
  for await (const row of locatedRows<Entity>(file, entityParser(reading), new ProblemList(), () => {}, reading)) {
    if (row.record === n) return row.line;
    if (row.record > n) break;
  }
  return 0;
}

/** Runs `draw` with the positional arguments after the command name. */
export async function drawCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, onProgress } = ctx;
  const [registerFile] = args;
  const specFile = flags.spec;
  const out = flags.out;
  if (registerFile === undefined || args.length > 1 || specFile === undefined || out === undefined || !onlyOptions(flags, OPTIONS)) return 'usage';
  if (flags.salt !== undefined && flags.commitment === undefined) return 'usage';
  const force = flags.force === true;
  const choice = parallelChoice(ctx);
  if (typeof choice === 'number') return choice;

  const seedRead = await readSeedOptions(ctx, { raw: false });
  if (!seedRead.ok) return seedRead.result;

  const blocked = await checkOutputs(out, [DRAW_RECORD_FILE, DRAWN_FILE], force);
  if (blocked !== undefined) return reportError(io, flags.json, language, blocked);

  // The register is read as `digest` and `verify` read it: the same options, parser and checks.
  const reading = await registerReading(ctx, registerFile, 'entity');
  if (typeof reading === 'number') return reading;
  const parseBatch = entityParser(reading);

  const problems = new ProblemList();
  const spec = await readJson(specFile, problems);
  const historyFile = flags.history;
  const history = historyFile === undefined ? undefined : await readJson(historyFile, problems);
  if (problems.length === 0 && historyFile !== undefined && !Array.isArray(history)) {
    problems.push({ file: historyFile, line: 0, record: 0, code: 'HISTORY_NOT_ARRAY', messageZh: '历史文件应为 JSON 数组', messageEn: 'the history file must hold a JSON array' });
  }
  if (problems.length > 0) return reportProblems(io, flags.json, language, problems);

  const commitment = flags.commitment === undefined ? undefined : { hash: flags.commitment.trim(), ...(flags.salt === undefined ? {} : { salt: flags.salt }) };

  // Each read of the register has its own problem list: the first read's problems are the file's; problems that
  // appear only on a later read mean the file changed during the draw. Once a read found problems, later reads
  // yield nothing (the draw is abandoned and the problems reported).
  const reads: ProblemList[] = [];
  const open = (): AsyncIterable<Entity> => {
    const list = new ProblemList();
    const failed = reads.some((r) => r.length > 0);
    const first = reads.length === 0;
    reads.push(list);
    if (failed) return (async function* (): AsyncGenerator<Entity> {})();
    return typedRows<Entity>(registerFile, parseBatch, list, first ? onProgress : () => {}, reading);
  };
  const readProblems = (): ProblemList | undefined => reads.find((r) => r.length > 0);

  const drawOptions = {
    seed: seedRead.seed,
    ...(commitment === undefined ? {} : { commitment }),
    ...(history === undefined ? {} : { history: history as readonly PastInspection[] }),
  };
  // Several threads when the file allows (issue 16 §2); otherwise, and after any problem or refusal, one thread.
  const parallel = await parallelDraw(registerFile, reading, choice, onProgress, spec as DrawSpec, drawOptions);
  let result: DrawResult;
  if (parallel.ok) {
    result = parallel.value;
  } else {
    try {
      result = await drawTargetsAsync(open, spec as DrawSpec, drawOptions);
    } catch (error) {
      const found = readProblems();
      if (found !== undefined) return reportProblems(io, flags.json, language, found, reading);
      if (!isShuangsuijiError(error)) throw error;
      return refused(ctx, error, { registerFile, specFile, historyFile, reading });
    }
    const found = readProblems();
    if (found !== undefined) return reportProblems(io, flags.json, language, found, reading);
  }

  const { record } = result;
  const written = await writeOutputs(out, [
    { name: DRAW_RECORD_FILE, text: `${JSON.stringify(record, null, 2)}\n` },
    { name: DRAWN_FILE, text: csvTable(DRAWN_HEADER, result.selected.map(drawnRow)) },
  ], force);
  if (written !== undefined) return reportError(io, flags.json, language, written);

  const recordPath = join(out, DRAW_RECORD_FILE);
  const drawnPath = join(out, DRAWN_FILE);
  const verifyCommand = `shuangsuiji verify ${recordPath} ${registerFile}${historyFile === undefined ? '' : ` ${historyFile}`}`;
  if (flags.json) {
    io.stdout(JSON.stringify({
      ok: true, label: record.label, register: record.register, seed: record.seed, seedOrigin: record.seedOrigin,
      seedCommitment: record.seedCommitment, exclusion: record.exclusion, strata: record.strata,
      selected: record.selected.length, files: { record: recordPath, drawn: drawnPath }, ...reading.summary(),
    }, null, 2));
    return 0;
  }
  for (const line of reading.describe(ctx.say, false)) io.stdout(line);
  printSummary(ctx, record, { registerFile, historyFile, recordPath, drawnPath, verifyCommand, seedZh: seedRead.describeZh, seedEn: seedRead.describeEn });
  return 0;
}

function printSummary(
  ctx: CommandContext,
  record: DrawRecord,
  at: { registerFile: string; historyFile: string | undefined; recordPath: string; drawnPath: string; verifyCommand: string; seedZh: string; seedEn: string },
): void {
  const { io, say } = ctx;
  const line = (zh: string, en: string): void => io.stdout(say(zh, en));
  line(`抽取完成：${record.label}`, `Draw done: ${record.label}`);
  line(`  名录库：${at.registerFile}`, `  register: ${at.registerFile}`);
  line(`    摘要（register.digest）：${record.register.digest}`, `    digest (register.digest): ${record.register.digest}`);
  line(`    行数：${record.register.size}，在抽取范围内：${record.register.eligible}`, `    rows: ${record.register.size}, within the population: ${record.register.eligible}`);
  line(`  种子（seed）：${record.seed}`, `  seed: ${record.seed}`);
  line(`  种子来源：${at.seedZh}，${JSON.stringify(record.seedOrigin)}`, `  seed origin: ${at.seedEn}, ${JSON.stringify(record.seedOrigin)}`);
  if (record.seedCommitment !== null) {
    line(`  种子承诺值：与种子相符（${record.seedCommitment.hash}）`, `  seed commitment: matches the seed (${record.seedCommitment.hash})`);
  }
  if (at.historyFile !== undefined) {
    line(
      `  往期检查记录：${at.historyFile}，${record.exclusion.historySize} 条，年度去重排除 ${record.exclusion.excluded} 个`,
      `  inspection history: ${at.historyFile}, ${record.exclusion.historySize} entries, ${record.exclusion.excluded} excluded`,
    );
  }
  line(`  抽中：${record.selected.length} 个`, `  drawn: ${record.selected.length}`);
  if (record.strata.length > 1 || record.strata[0]?.stratum !== null) {
    for (const s of record.strata) {
      const name = s.stratum === null ? '' : s.stratum === '' ? say('（未填）', '(empty)') : s.stratum;
      line(`    分层 ${name}：范围内 ${s.population} 个，抽中 ${s.selected} 个`, `    stratum ${name}: ${s.population} in the population, ${s.selected} drawn`);
    }
  }
  line(`  已写入：${at.recordPath}（抽取记录：公布，供任何人核验）`, `  written: ${at.recordPath} (the draw record: publish it, anyone can verify it)`);
  line(`          ${at.drawnPath}（抽中名单，Excel 可直接打开）`, `           ${at.drawnPath} (the drawn entities, opens in Excel)`);
  line(`  核验：${at.verifyCommand}`, `  to verify: ${at.verifyCommand}`);
}

/** Reports a refusal of the draw, naming the file (or option) that the refused input came from. */
async function refused(
  ctx: CommandContext,
  error: ShuangsuijiError,
  files: { readonly registerFile: string; readonly specFile: string; readonly historyFile: string | undefined; readonly reading: RegisterReading },
): Promise<number> {
  const { io, flags, language } = ctx;
  const head = error.path[0];
  if (typeof head === 'number') {
    // A register row the draw refuses (a duplicate id): a problem of the register file, named by its line.
    const record = head + 1;
    const line = await lineOfRecord(files.registerFile, files.reading, record);
    const problems = new ProblemList();
    const field = error.path.slice(1).join('.');
    problems.push({
      file: files.registerFile, line, record, code: error.code,
      messageZh: field ? `${field}：${error.messageZh}` : error.messageZh,
      messageEn: field ? `${field}: ${error.messageEn}` : error.messageEn,
    });
    return reportProblems(io, flags.json, language, problems, files.reading);
  }
  if (head === 'register') return reportRefusal(ctx, error, files.registerFile, error.path.slice(1));
  if (head === 'history' && error.code !== 'HISTORY_REQUIRED') return reportRefusal(ctx, error, files.historyFile, error.path.slice(1));
  if (head === 'commitment') return reportRefusal(ctx, error, '--commitment/--salt', error.path.slice(1));
  if (head === 'seed') return reportRefusal(ctx, error, '--dice/--contributions/--beacon-*', error.path.slice(1));
  if (error.code === 'HISTORY_REQUIRED') {
    return reportError(io, flags.json, language, {
      code: error.code,
      messageZh: `${files.specFile}：${error.messageZh}（请用 --history 给出往期检查记录）`,
      messageEn: `${files.specFile}: ${error.messageEn} (give it with --history)`,
      path: ['exclusion'],
    });
  }
  if (SPEC_CODES.includes(error.code)) return reportRefusal(ctx, error, files.specFile);
  return reportRefusal(ctx, error, undefined);
}
