/**
 * `shuangsuiji match <targets> --inspectors <inspectors.csv> --rules <rules.json> [--facts <facts.json>]
 * (--dice … | --contributions … | --beacon-… | --seed <hex>) [--register <register.csv>] --out <folder> [--force]`:
 * draws the inspectors for the drawn targets (`matchInspectors`) and writes the match record (`match-record.json`),
 * the targets exactly as matched (`targets.json`, for `verify --targets`) and the teams (`teams.csv`, for Excel).
 * Targets that cannot be staffed are printed with their reasons, and fact rows naming no target or inspector of
 * this match are listed (a misspelt id would otherwise lose a recusal without notice).
 */
import { join } from 'node:path';
import { isShuangsuijiError, type ShuangsuijiError } from '../../errors.js';
import type { Inspector } from '../../models/inspector.js';
import { matchInspectors } from '../../match/match-inspectors.js';
import type { MatchFacts, MatchOptions, MatchRules } from '../../match/match-options.js';
import type { MatchResult, TeamAssignment } from '../../match/match-result.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { readInspectors, readMatchTargets, type TargetsRead } from './match-inputs.js';
import { checkOutputs, csvTable, writeOutputs } from './output-files.js';
import { ProblemList, readJson, reportError, reportProblems } from './problems.js';
import { reportRefusal } from './refusal.js';
import { READING_OPTIONS, registerReading } from './register-reading.js';
import { readSeedOptions, SEED_OPTIONS } from './seed-source.js';
import { unmatchedFactsSummary } from './unmatched-facts-summary.js';

/** The match record written by `match`. */
export const MATCH_RECORD_FILE = 'match-record.json';
/** The targets as matched, for `verify --targets`. */
export const MATCH_TARGETS_FILE = 'targets.json';
/** The table of the teams written by `match`. */
export const TEAMS_FILE = 'teams.csv';

/** `--encoding`, `--headers` … apply to the inspector register (the register `verify` reads for a match record). */
const OPTIONS: readonly string[] = ['inspectors', 'rules', 'facts', 'register', ...SEED_OPTIONS, 'seed', 'out', 'force', 'progress', ...READING_OPTIONS];

/** Keys of the rules file: the label of the match and the rules (the compiler keeps this in step with MatchRules). */
const RULE_KEYS: Readonly<Record<keyof MatchRules | 'label', true>> = {
  label: true, date: true, department: true, cooperatingDepartments: true, departmentMinimums: true, teamSize: true,
  requiredExpertise: true, maxTargetsPerInspector: true, crossUnit: true, rotationYears: true, expertsPerTarget: true,
  requiredExpertExpertise: true,
};
/** Keys of the facts file, which `verify` reads as its third argument (in step with MatchFacts). */
const FACT_KEYS: Readonly<Record<keyof MatchFacts, true>> = {
  conflicts: true, relatives: true, recusalRequests: true, history: true, neighbourInspectors: true, searchBudget: true,
};

const TEAMS_HEADER = ['序号', '检查对象', '检查对象名称', '执法检查人员', '执法检查人员编号', '所属部门', '专家', '专家编号', '相邻区域人员', '状态', '说明'] as const;

function plainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` (the content of `file`) is an object with keys among `keys`; adds a problem otherwise. */
function checkKeys(file: string, value: unknown, keys: Readonly<Record<string, true>>, problems: ProblemList, what: { zh: string; en: string }): void {
  if (!plainObject(value)) {
    problems.push({ file, line: 0, record: 0, code: what.en === 'rules' ? 'RULES_NOT_OBJECT' : 'FACTS_NOT_OBJECT', messageZh: `${what.zh}文件应为 JSON 对象`, messageEn: `the ${what.en} file must hold a JSON object` });
    return;
  }
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(keys, key)) continue;
    const hint = key === 'seed'
      ? { zh: '（种子由 --dice、--contributions、--beacon-* 或 --seed 给出）', en: ' (the seed is given by --dice, --contributions, --beacon-* or --seed)' }
      : { zh: `（可用：${Object.keys(keys).join('、')}）`, en: ` (expected one of ${Object.keys(keys).join(', ')})` };
    problems.push({
      file, line: 0, record: 0, path: [key], code: 'UNKNOWN_FIELD',
      messageZh: `${what.zh}文件含未知字段 ${JSON.stringify(key)}${hint.zh}`,
      messageEn: `unknown key ${JSON.stringify(key)} in the ${what.en} file${hint.en}`,
    });
  }
}

/** Runs `match` with the positional arguments after the command name. */
export async function matchCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, onProgress } = ctx;
  const [targetsFile] = args;
  const { inspectors: inspectorsFile, rules: rulesFile, facts: factsFile, out } = flags;
  if (targetsFile === undefined || args.length > 1 || inspectorsFile === undefined || rulesFile === undefined || out === undefined || !onlyOptions(flags, OPTIONS)) {
    return 'usage';
  }
  const force = flags.force === true;

  const seedRead = await readSeedOptions(ctx, { raw: true });
  if (!seedRead.ok) return seedRead.result;

  const blocked = await checkOutputs(out, [MATCH_RECORD_FILE, MATCH_TARGETS_FILE, TEAMS_FILE], force);
  if (blocked !== undefined) return reportError(io, flags.json, language, blocked);

  const reading = await registerReading(ctx, inspectorsFile, 'inspector');
  if (typeof reading === 'number') return reading;

  const problems = new ProblemList();
  const rules = await readJson(rulesFile, problems);
  if (problems.length === 0) checkKeys(rulesFile, rules, RULE_KEYS, problems, { zh: '匹配规则', en: 'rules' });
  const facts = factsFile === undefined ? {} : await readJson(factsFile, problems);
  if (problems.length === 0 && factsFile !== undefined) checkKeys(factsFile, facts, FACT_KEYS, problems, { zh: '回避事实', en: 'facts' });
  if (problems.length > 0) return reportProblems(io, flags.json, language, problems);
  const targets = await readMatchTargets(targetsFile, flags.register, problems, onProgress);
  const { inspectors, lines } = await readInspectors(inspectorsFile, reading, problems, onProgress);
  if (problems.length > 0 || targets === undefined) return reportProblems(io, flags.json, language, problems);

  const ruleValues = rules as Record<string, unknown>;
  const factValues = facts as Record<string, unknown>;
  const relatives = factValues['relatives'];
  if (targets.idsOnly && (ruleValues['crossUnit'] === true || (Array.isArray(relatives) && relatives.length > 0))) {
    // Without the register the targets have no 属地监管单位 / 法定代表人: 所所交叉 and the relatives would recuse nobody.
    return reportError(io, flags.json, language, {
      code: 'REGISTER_REQUIRED',
      messageZh: `${targetsFile}：规则要求所所交叉或事实含近亲属名单，需要检查对象的属地监管单位和法定代表人：请加 --register <抽取所用的名录库>`,
      messageEn: `${targetsFile}: the rules ask for crossUnit or the facts list relatives, which need the targets' supervising units and legal representatives: add --register <the register the draw read>`,
    });
  }

  const options = { ...ruleValues, ...factValues, seed: seedRead.seed } as unknown as MatchOptions;
  let result: MatchResult;
  try {
    result = matchInspectors(targets.targets, inspectors, options);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return refused(ctx, error, { targets, targetsFile, inspectorsFile, inspectorLines: lines, rulesFile, factsFile });
  }

  const people = new Map<string, Inspector>();
  const neighbours = Array.isArray(factValues['neighbourInspectors']) ? (factValues['neighbourInspectors'] as Inspector[]) : [];
  for (const i of [...inspectors, ...neighbours]) people.set(i.id.normalize('NFC'), i);
  const written = await writeOutputs(out, [
    { name: MATCH_RECORD_FILE, text: `${JSON.stringify(result.record, null, 2)}\n` },
    { name: MATCH_TARGETS_FILE, text: `${JSON.stringify(targets.targets, null, 2)}\n` },
    { name: TEAMS_FILE, text: csvTable(TEAMS_HEADER, teamRows(result, targets.names, people)) },
  ], force);
  if (written !== undefined) return reportError(io, flags.json, language, written);

  const files = { record: join(out, MATCH_RECORD_FILE), targets: join(out, MATCH_TARGETS_FILE), teams: join(out, TEAMS_FILE) };
  const verify = `shuangsuiji verify ${files.record} ${inspectorsFile}${factsFile === undefined ? '' : ` ${factsFile}`} --targets ${files.targets}`;
  const unstaffable = result.unstaffable.map((u) => ({ targetId: u.targetId, code: u.reason.code, messageZh: u.reason.messageZh, messageEn: u.reason.messageEn }));
  const expertShortfalls = result.assignments.filter((a) => a.expertShortfall !== undefined)
    .map((a) => ({ targetId: a.targetId, code: a.expertShortfall!.code, messageZh: a.expertShortfall!.messageZh, messageEn: a.expertShortfall!.messageEn }));
  if (flags.json) {
    io.stdout(JSON.stringify({
      ok: true, label: result.record.label, seed: result.record.seed, complete: result.complete,
      ...(result.expertsComplete === undefined ? {} : { expertsComplete: result.expertsComplete }),
      targets: targets.targets.length, inspectors: inspectors.length, assigned: result.assignments.length,
      unstaffable, expertShortfalls, unmatchedFacts: result.unmatchedFacts, files,
    }, null, 2));
    return 0;
  }
  const say = ctx.say;
  const line = (zh: string, en: string): void => io.stdout(say(zh, en));
  const name = (id: string): string => {
    const n = targets.names.get(id);
    return n === undefined ? id : `${id}（${n}）`;
  };
  line(`匹配完成：${result.record.label}`, `Match done: ${result.record.label}`);
  line(`  检查对象：${targets.targets.length} 个，已选派 ${result.assignments.length} 个，无法选派 ${result.unstaffable.length} 个`,
    `  targets: ${targets.targets.length}, staffed ${result.assignments.length}, cannot be staffed ${result.unstaffable.length}`);
  line(`  执法检查人员：${inspectors.length} 名（${inspectorsFile}）`, `  inspectors: ${inspectors.length} (${inspectorsFile})`);
  line(`  种子（seed）：${result.record.seed}（${seedRead.describeZh}）`, `  seed: ${result.record.seed} (${seedRead.describeEn})`);
  if (unstaffable.length > 0) {
    line('  无法选派的检查对象及原因：', '  targets that cannot be staffed, and why:');
    for (const u of unstaffable) line(`    ${name(u.targetId)}：[${u.code}] ${u.messageZh}`, `    ${name(u.targetId)}: [${u.code}] ${u.messageEn}`);
  }
  if (expertShortfalls.length > 0) {
    line('  专家不足的检查对象：', '  targets short of experts:');
    for (const s of expertShortfalls) line(`    ${name(s.targetId)}：[${s.code}] ${s.messageZh}`, `    ${name(s.targetId)}: [${s.code}] ${s.messageEn}`);
  }
  for (const [key, value] of Object.entries(unmatchedFactsSummary(result.unmatchedFacts, false, say))) io.stdout(`  ${key}: ${String(value)}`);
  if (result.unmatchedFacts.total > 0) {
    line('    （这些回避信息没有用上：请核对其中的编号是否有误）', '    (these facts were not used: check their ids for typing errors)');
  }
  line(`  已写入：${files.record}（匹配记录：公布，供任何人核验）`, `  written: ${files.record} (the match record: publish it, anyone can verify it)`);
  line(`          ${files.targets}（匹配所用的检查对象，核验时用 --targets 给出）`, `           ${files.targets} (the targets as matched, for verify --targets)`);
  line(`          ${files.teams}（检查组名单，Excel 可直接打开）`, `           ${files.teams} (the teams, opens in Excel)`);
  line(`  核验：${verify}`, `  to verify: ${verify}`);
  return 0;
}

function teamRows(result: MatchResult, names: ReadonlyMap<string, string>, people: ReadonlyMap<string, Inspector>): string[][] {
  const who = (members: TeamAssignment['members']): { names: string; ids: string; departments: string } => ({
    names: members.map((m) => people.get(m.inspectorId)?.name ?? m.inspectorId).join('、'),
    ids: members.map((m) => m.inspectorId).join('、'),
    departments: [...new Set(members.map((m) => m.department))].join('、'),
  });
  const rows: string[][] = [];
  for (const a of result.assignments) {
    const team = who(a.members);
    const experts = who(a.experts ?? []);
    const neighbour = a.members.some((m) => m.neighbour) || (a.experts ?? []).some((m) => m.neighbour);
    rows.push([
      String(rows.length + 1), a.targetId, names.get(a.targetId) ?? '', team.names, team.ids, team.departments, experts.names, experts.ids,
      neighbour ? '是' : '否', a.expertShortfall === undefined ? '已选派' : '已选派（专家不足）', a.expertShortfall?.messageZh ?? '',
    ]);
  }
  for (const u of result.unstaffable) {
    rows.push([String(rows.length + 1), u.targetId, names.get(u.targetId) ?? '', '', '', '', '', '', '', '无法选派', `[${u.reason.code}] ${u.reason.messageZh}`]);
  }
  return rows;
}

/** Reports a refusal of the matcher, naming the file that the refused input came from. */
function refused(
  ctx: CommandContext,
  error: ShuangsuijiError,
  at: {
    readonly targets: TargetsRead; readonly targetsFile: string; readonly inspectorsFile: string; readonly inspectorLines: readonly number[];
    readonly rulesFile: string; readonly factsFile: string | undefined;
  },
): number {
  const { io, flags, language } = ctx;
  const [head, index, ...rest] = error.path;
  const located = (file: string, line: number, path: readonly (string | number)[], record: number): number => {
    const problems = new ProblemList();
    const where = path.length > 0 ? path : undefined;
    problems.push({ file, line, record, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, ...(where === undefined ? {} : { path: where }) });
    return reportProblems(io, flags.json, language, problems);
  };
  if (head === 'targets' && typeof index === 'number') {
    const origin = at.targets.origin(index);
    return located(origin.file, origin.line, [...origin.path, ...rest], origin.line > 0 ? index + 1 : 0);
  }
  if (head === 'targets') return reportRefusal(ctx, error, at.targetsFile, error.path.slice(1));
  if (head === 'inspectors' && typeof index === 'number') {
    const line = at.inspectorLines[index] ?? 0;
    return located(at.inspectorsFile, line, rest, index + 1);
  }
  if (head === 'inspectors') return reportRefusal(ctx, error, at.inspectorsFile, error.path.slice(1));
  if (head === 'seed') return reportRefusal(ctx, error, '--dice/--contributions/--beacon-*/--seed', error.path.slice(1));
  if (typeof head === 'string' && Object.hasOwn(FACT_KEYS, head) && at.factsFile !== undefined) return reportRefusal(ctx, error, at.factsFile);
  if (typeof head === 'string' && Object.hasOwn(RULE_KEYS, head)) return reportRefusal(ctx, error, at.rulesFile);
  return reportRefusal(ctx, error, undefined);
}
