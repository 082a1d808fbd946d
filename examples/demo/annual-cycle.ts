/**
 * The whole synthetic year, end to end: plans → tasks → register digest and seed commitments → two batches
 * with de-duplication and a joint inspection → matching with a recusal → results → deadlines (one late) →
 * statistics → public notices (printed; written as CSV and JSON when a folder is given).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { commitSeed, drawTargets, registerDigest, seedFromDice, verifyDraw } from '../../src/draw/index.js';
import type { DrawRecord } from '../../src/draw/index.js';
import { matchInspectors, redrawForRecusal } from '../../src/match/index.js';
import type { MatchOptions, MatchResult, MatchTarget } from '../../src/match/index.js';
import { generateEntityRegister, generateInspectorRegister } from '../../src/testing/index.js';
import {
  DEADLINE_RULE_PRESETS,
  DEFAULT_DEADLINE_RULES,
  TASK_STATE_LABELS,
  buildDrawNotice,
  buildPlanNotice,
  buildResultNotice,
  collectMilestones,
  computeStatistics,
  deriveTasks,
  drawInputsForTask,
  evaluateDeadlines,
  noticeToCsv,
  noticeToJson,
  transitionTask,
  tryTransitionTask,
} from '../../src/workflow/index.js';
import type { DeadlinePolicy, DeadlineStatus, InspectionResult, PublicNotice, SpotCheckTask } from '../../src/workflow/index.js';
import { DEMO_ITEMS, DEMO_PLANS, HEALTH, MARKET, demoResults } from './annual-cycle-data.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const short = (hex: string): string => `${hex.slice(0, 16)}…`;

/**
 * Per task: the dice digits thrown on the day, the salt of the commitment, and the key dates. `latePublished`:
 * one target (by position) whose result is held back for review and published later than the others.
 */
const SCHEDULE: Readonly<Record<string, {
  dice: string; salt: string; drawn: string; matched: string; inspecting: string; days: string[]; recorded: string; published: string;
  latePublished?: { targetIndex: number; date: string };
}>> = {
  'P-SJ-2025/ITEM-M1/R1/上半年': {
    dice: '31415926535897932384', salt: 'demo-salt-1', drawn: '2025-01-06', matched: '2025-01-08', inspecting: '2025-01-13',
    days: ['2025-01-13', '2025-01-15', '2025-01-17', '2025-01-20'], recorded: '2025-01-22', published: '2025-02-14',
  },
  'J-2025/joint/R1/第一批': {
    dice: '27182818284590452353', salt: 'demo-salt-2', drawn: '2025-03-03', matched: '2025-03-05', inspecting: '2025-03-10',
    days: ['2025-03-10', '2025-03-12', '2025-03-14'], recorded: '2025-03-20', published: '2025-04-03',
    latePublished: { targetIndex: 1, date: '2025-04-18' },
  },
  'P-SJ-2025/ITEM-M1/R1/下半年': {
    dice: '16180339887498948482', salt: 'demo-salt-3', drawn: '2025-09-01', matched: '2025-09-03', inspecting: '2025-09-22',
    days: ['2025-09-24', '2025-09-25', '2025-09-26'], recorded: '2025-09-30', published: '2025-10-28',
  },
};

function table(print: (line: string) => void, notice: PublicNotice, columns: readonly number[], maxRows: number): void {
  print(`    ${columns.map((k) => notice.columns[k]?.headerZh ?? '').join(' | ')}`);
  for (const row of notice.rows.slice(0, maxRows)) print(`    ${columns.map((k) => row[k] ?? '').join(' | ')}`);
  if (notice.rows.length > maxRows) print(`    …（共 ${notice.rows.length} 行）`);
}

function describeDeadline(s: DeadlineStatus): string {
  const label = { 'not-started': '未开始', open: '办理中', 'due-soon': '即将到期', overdue: '已逾期', 'on-time': '按时', late: '逾期完成' }[s.state];
  const late = s.daysLate !== undefined ? `，逾期 ${s.daysLate} 天（${s.workdaysLate ?? 0} 个工作日）` : '';
  return `${s.ruleId} ${s.targetId ?? '（任务）'}：${label}，截止 ${s.due ?? '—'}${s.stop !== undefined ? `，完成 ${s.stop}` : ''}${late}`;
}

/**
 * Runs the synthetic annual cycle and prints it line by line; with `outDir`, also writes the public
 * notices (plan, draw, results) there as CSV (UTF-8 with BOM) and JSON.
 *
 * @example
 * ```ts
 * await runAnnualCycleDemo(console.log);                 // print only
 * await runAnnualCycleDemo(console.log, 'out/notices');  // and write the notices
 * ```
 */
export async function runAnnualCycleDemo(print: (line: string) => void, outDir?: string): Promise<void> {
  const calendar = createWorkCalendar();
  const register = generateEntityRegister(1200, { seed: 'annual-cycle-2025' });
  const inspectors = generateInspectorRegister(36, { seed: 'annual-cycle-2025', departments: [MARKET, HEALTH] });
  const written: string[] = [];
  const notices: { file: string; notice: PublicNotice }[] = [];

  print('== 全年流程：计划 → 任务 → 抽取 → 匹配 → 检查 → 公示（合成数据） ==');

  // 1. Plans → tasks.
  const derived = deriveTasks(DEMO_PLANS, DEMO_ITEMS);
  if (!derived.success) throw new Error(derived.issues.map((i) => `${i.code} ${i.messageZh}`).join('\n'));
  let tasks: SpotCheckTask[] = [...derived.data.tasks];
  print(`[1] 抽查计划 ${DEMO_PLANS.length} 个 → 抽查任务 ${tasks.length} 个：`);
  for (const t of tasks) print(`    ${t.id}（${t.kind === 'joint' ? `联合：${t.initiatingDepartment}发起，${t.cooperatingDepartments.join('、')}配合` : t.initiatingDepartment}；批次 ${t.spec.batch.index + 1}/${t.spec.batch.count}）`);
  for (const s of derived.data.skipped) print(`    不再单独抽取：${s.planId} 的 ${s.itemId}（已由联合抽查计划 ${s.jointPlanId} 覆盖）`);
  for (const plan of DEMO_PLANS.filter((p) => p.id !== 'P-WJ-2025')) notices.push({ file: `plan-${plan.id}`, notice: buildPlanNotice(plan, DEMO_ITEMS) });

  // 2. The register digest is published before any seed exists.
  const digest = registerDigest(register);
  print(`[2] 检查对象名录库 ${digest.size} 户，摘要（先于种子公开）：${digest.digest}`);

  // 3. Draws: commitment first, then the dice seed; batch 2 excludes batch 1 and the joint draw.
  const records = new Map<string, DrawRecord>();
  const matches = new Map<string, MatchResult>();
  const results: InspectionResult[] = [];
  const update = (next: SpotCheckTask): void => {
    tasks = tasks.map((t) => (t.id === next.id ? next : t));
  };
  const order = ['P-SJ-2025/ITEM-M1/R1/上半年', 'J-2025/joint/R1/第一批', 'P-SJ-2025/ITEM-M1/R1/下半年'];
  print('[3] 抽取检查对象（骰子种子，先公布承诺值）：');
  for (const id of order) {
    const day = SCHEDULE[id]!;
    let task = tasks.find((t) => t.id === id)!;
    const seed = seedFromDice(day.dice);
    const commitment = commitSeed(seed.seed, { salt: day.salt });
    const inputs = drawInputsForTask(task, tasks, register);
    const { selected, record } = drawTargets(register, inputs.spec, { seed, commitment: { hash: commitment, salt: day.salt }, history: inputs.history });
    const verified = verifyDraw(record, register, { history: inputs.history });
    records.set(id, record);
    task = transitionTask(task, { to: 'drawn', date: day.drawn, targetIds: selected.map((s) => s.id), population: inputs.population, drawRecordDigest: sha256(JSON.stringify(record)) });
    update(task);
    print(`    ${id}  ${day.drawn}  承诺值 ${short(commitment)}  骰子 ${day.dice}`);
    print(`      总体 ${record.register.eligible} 户，排除年度内已抽 ${record.exclusion.excluded} 户，抽中 ${selected.length} 户；复核 verifyDraw：${verified.ok ? '一致' : `不一致 ${verified.code}`}`);
    notices.push({
      file: `draw-${order.indexOf(id) + 1}`,
      notice: buildDrawNotice({
        task, items: DEMO_ITEMS, entities: register,
        facts: { algorithm: `${record.algorithm}/${record.version}`, seedCommitment: commitment, seed: record.seed, registerDigest: record.register.digest, exclusionsDigest: record.exclusion.digest, recordDigest: task.drawRecordDigest ?? '', populationSize: record.register.eligible },
      }),
    });
  }
  const firstBatch = new Set(tasks.find((t) => t.id === order[0])!.targetIds);
  const overlap = tasks.find((t) => t.id === order[2])!.targetIds.filter((id) => firstBatch.has(id)).length;
  print(`    年度去重：下半年批次与上半年批次重复 ${overlap} 户`);

  // 4. Matching with a recusal on the joint task.
  print('[4] 随机匹配执法检查人员（每组至少 2 人）：');
  for (const id of order) {
    const day = SCHEDULE[id]!;
    let task = tasks.find((t) => t.id === id)!;
    const targets: MatchTarget[] = task.targetIds.map((tid) => {
      const e = register.find((x) => x.id === tid)!;
      return { id: e.id, supervisingUnit: e.supervisingUnit, legalRepresentative: e.legalRepresentative };
    });
    const options: MatchOptions = {
      seed: seedFromDice(day.dice).seed, label: `${id}/人员`, date: day.matched, department: task.initiatingDepartment,
      ...(task.cooperatingDepartments.length > 0 ? { cooperatingDepartments: task.cooperatingDepartments } : {}),
    };
    let match = matchInspectors(targets, inspectors, options);
    if (!match.complete) {
      print(`    ${id}：无法全部匹配 — ${match.unstaffable.map((u) => `${u.targetId}: ${JSON.stringify(u.reason)}`).join('; ')}`);
      throw new Error('demo register cannot staff the task');
    }
    if (task.kind === 'joint') {
      const first = match.assignments[0]!;
      const leaving = first.members[0]!;
      match = redrawForRecusal(match, targets, inspectors, { targetId: first.targetId, inspectorId: leaving.inspectorId, ground: 'interest' }, options);
      const after = match.assignments.find((a) => a.targetId === first.targetId)!;
      print(`    回避：${leaving.inspectorId} 与检查对象 ${first.targetId} 有利害关系，重新抽取 → ${after.members.map((m) => `${m.inspectorId}(${m.department})`).join('、')}`);
    }
    matches.set(id, match);
    task = transitionTask(task, { to: 'matched', date: day.matched, assignments: match.assignments.map((a) => ({ targetId: a.targetId, inspectorIds: a.members.map((m) => m.inspectorId) })) });
    task = transitionTask(task, { to: 'inspecting', date: day.inspecting });
    update(task);
    print(`    ${id}：${match.assignments.length} 个检查组，${new Set(match.assignments.flatMap((a) => a.members.map((m) => m.inspectorId))).size} 名执法人员参与`);
  }

  // 5. Results: a target without a record is not done.
  print('[5] 录入检查结果：');
  for (const id of order) {
    const day = SCHEDULE[id]!;
    let task = tasks.find((t) => t.id === id)!;
    const own = demoResults(task, day.days, DEMO_ITEMS);
    const incomplete = tryTransitionTask(task, { to: 'recorded', date: day.recorded, results: own.slice(1) });
    task = transitionTask(task, { to: 'recorded', date: day.recorded, results: own });
    update(task);
    results.push(...own);
    print(`    ${id}：${own.length} 条结果，${day.recorded} 录入${incomplete.success ? '' : `（缺一条记录时被拒绝：${incomplete.issues[0]?.code}）`}`);
  }
  const refused = results.filter((r, k) => r.conduct !== 'cooperated' && results.findIndex((x) => x.targetId === r.targetId && x.conduct === r.conduct) === k);
  for (const r of refused) print(`    ${r.conduct === 'refused-inspection' ? '拒绝接受检查' : '隐瞒真实情况、弄虚作假'}：${register.find((e) => e.id === r.targetId)!.name}（将如实公示）`);

  // 6. Publication deadlines: 20 working days by default; 市场监管局 also enters results within 7 working days.
  const policy: DeadlinePolicy = { rules: DEFAULT_DEADLINE_RULES, byDepartment: [{ department: MARKET, rules: [DEADLINE_RULE_PRESETS.recordWithin7WorkingDays] }] };
  for (const id of order.slice(0, 2)) update(transitionTask(tasks.find((t) => t.id === id)!, { to: 'published', date: SCHEDULE[id]!.published }));
  // One result is published later than the rest of its task (a target-level `published` event).
  const extra = order.flatMap((id) => {
    const late = SCHEDULE[id]!.latePublished;
    const targetId = late === undefined ? undefined : tasks.find((t) => t.id === id)!.targetIds[late.targetIndex];
    return late === undefined || targetId === undefined ? [] : [{ taskId: id, targetId, event: 'published', date: late.date }];
  });
  print('[6] 公示时限（检查结果产生之日起 20 个工作日内公示）：');
  for (const e of extra) print(`    ${e.taskId}：检查对象 ${e.targetId} 的结果复核后于 ${e.date} 补充公示，其余结果于 ${SCHEDULE[e.taskId]!.published} 公示`);
  const asOf1 = '2025-10-27';
  const mid = evaluateDeadlines(collectMilestones(tasks, results, { extra }), { asOf: asOf1, calendar, policy });
  const count = (list: readonly DeadlineStatus[], state: string): number => list.filter((s) => s.state === state).length;
  print(`    截至 ${asOf1}：按时 ${count(mid, 'on-time')}，逾期完成 ${count(mid, 'late')}，已逾期 ${count(mid, 'overdue')}，即将到期 ${count(mid, 'due-soon')}，办理中 ${count(mid, 'open')}`);
  for (const s of mid.filter((x) => x.state === 'on-time' && x.due === '2025-02-21').slice(0, 1)) print(`    例：${s.taskId} ${describeDeadline(s)}（2025-01-20 的结果，跨春节）`);
  const firstLate = mid.find((s) => s.state === 'late');
  if (firstLate) print(`    例：${firstLate.taskId} ${describeDeadline(firstLate)}`);
  const firstSoon = mid.find((s) => s.state === 'due-soon');
  if (firstSoon) print(`    例：${firstSoon.taskId} ${describeDeadline(firstSoon)}（跨国庆节）`);
  update(transitionTask(tasks.find((t) => t.id === order[2])!, { to: 'published', date: SCHEDULE[order[2]!]!.published }));
  const yearEnd = evaluateDeadlines(collectMilestones(tasks, results, { extra }), { asOf: '2025-12-31', calendar, policy });
  print(`    截至 2025-12-31：按时 ${count(yearEnd, 'on-time')}，逾期完成 ${count(yearEnd, 'late')}，已逾期 ${count(yearEnd, 'overdue')}`);
  for (const t of tasks) print(`    ${t.id}：${TASK_STATE_LABELS[t.state].zh}（${t.history.map((h) => `${TASK_STATE_LABELS[h.to].zh} ${h.date}`).join(' → ')}）`);

  // 7. Statistics.
  const stats = computeStatistics({ tasks, items: DEMO_ITEMS, entities: register, results, inspectors, deadlines: yearEnd }, { enforcementStaffTotal: 40 });
  print('[7] 统计：');
  for (const row of stats.coverage.filter((r) => r.riskClass === 'all')) {
    print(`    覆盖率 ${row.itemName}：${row.drawn}/${row.population ?? '—'} = ${row.share}（计划 ${row.planned ?? '—'}，${row.meetsPlan === true ? '达到' : row.meetsPlan === false ? '未达到' : '不可比'}）`);
  }
  const byRisk = stats.coverage.filter((r) => r.itemId === 'ITEM-M1' && r.riskClass !== 'all').map((r) => `${r.riskClass} ${r.drawn}/${r.population ?? '—'}`);
  print(`    示例事项01 按信用风险分类：${byRisk.join('，')}`);
  print(`    联合抽查占比：任务 ${stats.joint.taskShare}，检查户次 ${stats.joint.visitShare}`);
  print(`    执法人员：入库率 ${stats.inspectors.registrationRate ?? '—'}，参与率 ${stats.inspectors.participationRate}，人均 ${stats.inspectors.workload.mean} 户（最少 ${stats.inspectors.workload.min}，最多 ${stats.inspectors.workload.max}）`);
  print(`    公示及时率：${stats.timeliness.onTimeRate}（按时 ${stats.timeliness['on-time']}，逾期完成 ${stats.timeliness.late}，已逾期 ${stats.timeliness.overdue}）`);
  print(`    检查结果：${stats.resultsByCategory.filter((c) => c.count > 0).map((c) => `${c.labelZh.split('：').at(-1)} ${c.count}`).join('；')}`);

  // 8. Public notices.
  const resultNotice = buildResultNotice({ tasks, results, entities: register, items: DEMO_ITEMS });
  notices.push({ file: 'results', notice: resultNotice });
  print('[8] 公示信息（不含执法人员个人信息及依法不予公示的内容）：');
  const planNotice = notices[0]!.notice;
  print(`  ${planNotice.titleZh}`);
  table(print, planNotice, [0, 2, 3, 7, 9], 3);
  const drawNotice = notices.find((n) => n.file === 'draw-2')!.notice;
  print(`  ${drawNotice.titleZh}`);
  for (const m of drawNotice.meta.filter((x) => ['seedCommitment', 'seed', 'registerDigest', 'recordDigest'].includes(x.key))) print(`    ${m.labelZh}：${m.value}`);
  table(print, drawNotice, [0, 1, 2], 3);
  print(`  ${resultNotice.titleZh}（${resultNotice.rows.length} 条）`);
  table(print, resultNotice, [1, 2, 3, 4, 5, 7, 8], 6);

  if (outDir !== undefined) {
    mkdirSync(outDir, { recursive: true });
    for (const { file, notice } of notices) {
      const csv = join(outDir, `${file}.csv`);
      writeFileSync(csv, noticeToCsv(notice, { bom: true }), 'utf8');
      writeFileSync(join(outDir, `${file}.json`), `${noticeToJson(notice)}\n`, 'utf8');
      written.push(`${file}.csv`, `${file}.json`);
      if (notice.kind === 'draw') {
        writeFileSync(join(outDir, `${file}-meta.csv`), noticeToCsv(notice, { bom: true, part: 'meta' }), 'utf8');
        written.push(`${file}-meta.csv`);
      }
    }
    print(`  已写入 ${outDir}：${written.join('、')}`);
  }
}
