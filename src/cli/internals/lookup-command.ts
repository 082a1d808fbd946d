/**
 * `shuangsuiji lookup <record.json> <id> [--entity <row.json>]`: 查询本单位 — an entity checks, from the published draw
 * record alone (no register), whether it was drawn and, if not, whether it had to be (`checkEntityOutcome`,
 * docs/spec.md §7.8). Exit 0 with an answer; 1 when the record contradicts itself (a listed ticket that is not its
 * id's ticket, a seed that its origin does not give …: it is not answered from, as `verify` reports a record that
 * does not reproduce); 2 for a command or input that cannot be used (a file that is not JSON, a malformed record, a
 * bad id or row).
 */
import { checkEntityOutcome, type EntityOutcome } from '../../draw/check-entity-outcome.js';
import { isShuangsuijiError } from '../../errors.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { ProblemList, readJson, reportProblems } from './problems.js';

/** Codes meaning the record is well formed but contradicts itself: reported as a finding (exit 1), as `verify` does. */
const RECORD_WRONG: readonly string[] = ['SEED_ORIGIN_MISMATCH', 'SEED_COMMITMENT_MISMATCH', 'STRATA_DIFFER', 'SELECTION_DIFFERS'];

const VERDICT_ZH: Readonly<Record<string, string>> = {
  'selected': '被抽中',
  'not-selected': '未被抽中',
  'must-have-been-selected': '若属于总体则必然入选',
  'none-selected': '本层未抽取',
  'entity-fields-needed': '需要本单位信息',
};

/** Runs `lookup` with the positional arguments after the command name. */
export async function lookupCommand(ctx: CommandContext, args: readonly string[]): Promise<CommandResult> {
  const { io, flags, language, say } = ctx;
  const [recordFile, id] = args;
  if (recordFile === undefined || id === undefined || args.length > 2 || !onlyOptions(flags, ['entity'])) return 'usage';

  const problems = new ProblemList();
  const record = await readJson(recordFile, problems);
  const entity = flags.entity === undefined ? undefined : await readJson(flags.entity, problems);
  if (problems.length > 0) return reportProblems(io, flags.json, language, problems);

  let outcome: EntityOutcome;
  try {
    outcome = checkEntityOutcome(record, entity === undefined ? { id } : { id, entity: entity as Record<string, unknown> });
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    if (RECORD_WRONG.includes(error.code)) {
      if (flags.json) {
        io.stdout(JSON.stringify({ ok: false, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, path: error.path, ...(error.details === undefined ? {} : { details: error.details }) }, null, 2));
      } else {
        io.stdout(say(`无法据此记录查询：${error.messageZh}`, `This record cannot be answered from: ${error.messageEn}`));
        io.stdout(`  code: ${error.code}`);
        if (error.path.length > 0) io.stdout(say(`  位置：${error.path.join('.')}`, `  at: ${error.path.join('.')}`));
      }
      return 1;
    }
    // Whose input it was: the record file, the id argument or the entity file.
    const file = error.path[0] !== 'query' ? recordFile : error.path[1] === 'entity' ? flags.entity ?? '' : say('（标识参数）', '(the id argument)');
    problems.push({ file, line: 0, record: 0, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, path: error.path });
    return reportProblems(io, flags.json, language, problems);
  }

  if (flags.json) {
    io.stdout(JSON.stringify({ ok: true, outcome }, null, 2));
    return 0;
  }
  io.stdout(say(`查询本单位：${outcome.id}`, `Entity lookup: ${outcome.id}`));
  io.stdout(say(`  号码（签号）：${outcome.ticket}`, `  ticket: ${outcome.ticket}`));
  io.stdout(say(`  号码在全部号码中的位置：${outcome.ticketFraction}（0 到 1 之间，越小越靠前）`, `  ticket as a place among all tickets: ${outcome.ticketFraction} (between 0 and 1; smaller comes first)`));
  io.stdout(say(`  结果：${outcome.selected ? '被抽中' : '未被抽中'}`, `  result: ${outcome.selected ? 'drawn' : 'not drawn'}`));
  io.stdout('');
  io.stdout(say(outcome.summaryZh, outcome.summaryEn));
  if (outcome.strata.length > 1) {
    io.stdout('');
    io.stdout(say(`各层（按 ${outcome.stratifiedBy ?? ''} 分层）：`, `By stratum (stratified by ${outcome.stratifiedBy ?? ''}):`));
    for (const s of outcome.strata) {
      const name = s.stratum === null ? '' : s.stratum === '' ? say(`（无 ${outcome.stratifiedBy ?? ''}）`, `(no ${outcome.stratifiedBy ?? ''})`) : `“${s.stratum}”`;
      io.stdout(`  ${name} [${say(VERDICT_ZH[s.verdict] ?? s.verdict, s.verdict)}] ${say(s.explanationZh, s.explanationEn)}`);
    }
  }
  io.stdout('');
  const p = outcome.provenance;
  io.stdout(say(
    `  种子来源：${p.seedOrigin === 'none' ? '未核验（记录只有种子本身，没有来源）' : `已由来源重新计算（${p.seedOrigin}）`}；种子承诺：${p.commitment === 'checked' ? '已核对' : '无'}`,
    `  seed origin: ${p.seedOrigin === 'none' ? 'not checked (the record carries a bare seed, no origin)' : `recomputed from its origin (${p.seedOrigin})`}; seed commitment: ${p.commitment === 'checked' ? 'checked' : 'none'}`,
  ));
  io.stdout(say(
    '  本查询只用公布的抽取记录（已核对其中的号码）；抽取所用名录库是否完整、是否被改动，请用 shuangsuiji verify 核验。',
    '  This answer uses the published draw record alone (its tickets were checked); whether the register drawn from was complete and unchanged is for shuangsuiji verify.',
  ));
  return 0;
}
