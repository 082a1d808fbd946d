/**
 * 查询本单位 (docs/spec.md §7.8), part 2: the verdict for one entity in one stratum of a checked record, with its
 * explanation in plain Chinese and English. Every comparison is exact (tickets and Pareto keys as BigInt).
 */
import type { Rational } from '../../internals/rational.js';
import { cmp, mul, rat, ratString } from '../../internals/rational.js';
import type { StratumOutcome } from '../check-entity-outcome.js';
import { decimalOf, readable, ticketFraction, ticketFractions } from './outcome-numbers.js';
import { compareKeyed, paretoKey, type OutcomeRecord, type OutcomeStratum } from './outcome-record.js';

/** What is known of the entity asked about. */
export interface OutcomeSubject {
  readonly id: string;
  readonly ticket: string;
  readonly t: bigint;
  /** Its stratum by its own fields (stratified draws with `entity` given), else undefined. */
  readonly ownStratum: string | undefined;
  /** Its weight by the spec's rule (weighted draws with `entity` given), else undefined. */
  readonly weight: Rational | undefined;
  /** Whether its fields meet the population's statuses and filter; undefined without `entity`. */
  readonly eligible: boolean | undefined;
  /** Why it is not eligible (when `eligible` is false). */
  readonly ineligibleZh: string;
  readonly ineligibleEn: string;
  /** Whether de-duplication by history may have excluded it (the record excluded some; its risk class is covered). */
  readonly mayHaveBeenExcluded: boolean;
}

/** A verdict with a one-line form for the summary of several strata. */
export interface VerdictText {
  readonly outcome: StratumOutcome;
  readonly shortZh: string;
  readonly shortEn: string;
}

/** How a stratum is named in sentences. */
export function stratumLabel(rec: OutcomeRecord, stratum: string | null): { zh: string; en: string } {
  const field = rec.spec.stratification?.field ?? '';
  if (stratum === null) return { zh: '本次抽取', en: 'this draw' };
  if (stratum === '') return { zh: `“无 ${field}”层`, en: `the stratum without ${field}` };
  return { zh: `“${stratum}”层`, en: `stratum “${stratum}”` };
}

function probabilityText(r: Rational): { zh: string; en: string } {
  const { exact, approx } = readable(r);
  return approx === undefined ? { zh: exact, en: exact } : { zh: `${exact}（约 ${approx}）`, en: `${exact} (about ${approx})` };
}

/** Why a population unit that is not on the list must have been drawn: the possibilities left, by what is known. */
function mustHaveTail(subject: OutcomeSubject, excluded: number): { zh: string; en: string } {
  if (subject.eligible === false) {
    return {
      zh: `按您提供的信息，您不在本次抽取范围内（${subject.ineligibleZh}），所以名单中没有您是正常的。`,
      en: ` By the fields you gave, you are outside this draw's population (${subject.ineligibleEn}), so your absence from the list is as it should be.`,
    };
  }
  if (subject.eligible === true) {
    const zh = [...(subject.mayHaveBeenExcluded ? [`您因年度去重被排除（本次共排除 ${excluded} 个对象；没有往期检查记录，这里无法核对）`] : []), '抽取所用的名录库中没有您，或其中您的信息与您提供的不同', '这份记录有误'];
    const en = [...(subject.mayHaveBeenExcluded ? [`you were excluded by annual de-duplication (${excluded} entities were; without the inspection history this cannot be checked here)`] : []), 'the register drawn from does not hold you, or holds other fields for you than those you gave', 'this record is wrong'];
    return {
      zh: `按您提供的信息您属于本次抽取范围，因此只能是：${zh.join('；或')}。请向抽取部门查询。`,
      en: ` By the fields you gave you are within this draw's population, so either ${en.join(', or ')}. Ask the department that drew.`,
    };
  }
  return {
    zh: '因此要么您当时不在抽查对象总体之内（登记状态或定向条件不符、因年度去重被排除，或不在所用名录库中），要么这份记录有误；请向抽取部门查询。',
    en: ' So either you were not in the population (status or directed conditions not met, excluded by annual de-duplication, or not in the register drawn from), or this record is wrong: ask the department that drew.',
  };
}

/**
 * The verdict for `subject` in stratum `st` (§7.8). `drawn` is the subject's entry when the record lists it. A
 * stratum the record does not list (the subject's own stratum, with no population) is passed with population 0.
 */
export function stratumVerdict(rec: OutcomeRecord, st: OutcomeStratum, subject: OutcomeSubject, drawn: boolean): VerdictText {
  const stratified = st.stratum !== null;
  const here = stratified ? { zh: '本层', en: 'this stratum' } : { zh: '本次抽取', en: 'this draw' };
  const label = stratumLabel(rec, st.stratum);
  const weighted = st.scale !== null;
  const cut = st.cutoff;
  const [ticketShown, cutShown] = cut === undefined ? [ticketFraction(subject.t, 6), undefined] : ticketFractions(subject.t, cut.entry.t, 6);
  const cutKeyShown = cut?.key === undefined ? null : decimalOf(cut.key.n, cut.key.d);
  const base = {
    stratum: st.stratum,
    cutoffTicket: cut?.entry.ticket ?? null,
    population: st.population,
    size: st.size,
    cutoffId: cut?.entry.id ?? null,
    ticketFraction: ticketShown,
    cutoffFraction: cutShown ?? null,
    weight: subject.weight === undefined ? null : ratString(subject.weight),
    cutoffParetoKey: cutKeyShown,
  };
  const done = (verdict: StratumOutcome['verdict'], p: Rational | null, key: string | null, zh: string, en: string, shortZh: string, shortEn: string): VerdictText => ({
    outcome: { ...base, verdict, inclusionProbability: p === null ? null : ratString(p), paretoKey: key, explanationZh: zh, explanationEn: en },
    shortZh,
    shortEn,
  });
  const excluded = rec.record.exclusion.excluded;

  if (drawn) {
    const entry = st.entries.find((e) => e.id === subject.id)!;
    const p = entry.probability;
    const key = weighted && p.n !== p.d ? paretoKey(entry.t, p) : undefined;
    const moved = subject.ownStratum !== undefined && subject.ownStratum !== st.stratum
      ? { zh: `（您提供的信息属于${stratumLabel(rec, subject.ownStratum).zh}，与记录不同：抽取后您的信息可能有变动。）`, en: ` (The fields you gave put you in ${stratumLabel(rec, subject.ownStratum).en}, not the recorded one: your fields may have changed since the draw.)` }
      : { zh: '', en: '' };
    const pt = probabilityText(p);
    return done('selected', p, key === undefined ? null : decimalOf(key.n, key.d),
      `您被抽中了${stratified ? `（${label.zh}）` : ''}：抽中名单中有您的标识，您的号码为 ${ticketShown}，入选概率为 ${pt.zh}。${moved.zh}`,
      `You were drawn${stratified ? ` (${label.en})` : ''}: the list of drawn entities holds your id; your ticket is ${ticketShown}, your inclusion probability ${pt.en}.${moved.en}`,
      '被抽中', 'drawn');
  }

  if (st.size === 0) {
    if (st.index < 0) {
      return done('none-selected', rat(0n), null,
        `记录中没有${label.zh}：抽取时抽查对象总体中没有属于这一层的对象，这一层未抽取任何对象，因此您未被抽中。如果您当时属于抽查对象总体，这份记录就有误。`,
        `The record lists no ${label.en}: no entity of the population was in it when the draw was made, and nothing was drawn from it, so you were not drawn. Had you been in the population, this record would be wrong.`,
        '记录中没有这一层，未抽取任何对象', 'not in the record: nothing drawn');
    }
    return done('none-selected', rat(0n), null,
      `${here.zh}未抽取任何对象（抽查对象总体 ${st.population} 个，抽取 0 个），因此您未被抽中。`,
      `Nothing was drawn in ${here.en} (population ${st.population}, size 0), so you were not drawn.`,
      '本层未抽取任何对象', 'nothing drawn in this stratum');
  }

  const tail = mustHaveTail(subject, excluded);
  const mustShort = { zh: '若您属于本层总体就必然入选，而名单中没有您：您当时不在本层总体内，或记录有误', en: 'had you been in this stratum you would have been drawn, and you are not listed: you were not in it, or the record is wrong' };
  if (st.size === st.population) {
    return done('must-have-been-selected', rat(1n), null,
      `${here.zh}的抽查对象总体共 ${st.population} 个，全部抽取：如果您属于${here.zh}的抽查对象总体，就必然会被抽中，而抽中名单中没有您。${tail.zh}`,
      `All ${st.population} entities of ${here.en}'s population were drawn: had you been in it, you would have been drawn, and you are not on the list.${tail.en}`,
      mustShort.zh, mustShort.en);
  }

  if (!weighted) {
    // 0 < n < N: the n smallest (ticket, id) were drawn; the cut-off is the largest of them.
    const p = rat(BigInt(st.size), BigInt(st.population));
    const pt = probabilityText(p);
    const below = compareKeyed({ key: undefined, t: subject.t, id: subject.id }, { key: undefined, t: cut!.entry.t, id: cut!.entry.id }) < 0;
    const numbers = { zh: `您的号码 ${ticketShown}，最后一个入选号码 ${cutShown}；号码以其在全部号码范围中的位置表示，在 0 与 1 之间`, en: `your ticket ${ticketShown}, the last drawn ${cutShown}; a ticket is shown as its place in the range of all tickets, between 0 and 1` };
    if (below) {
      return done('must-have-been-selected', p, null,
        `您的号码小于${here.zh}最后一个入选号码（${numbers.zh}）：如果您属于${here.zh}的抽查对象总体，就必然会被抽中，而抽中名单中没有您。${tail.zh}`,
        `Your ticket is smaller than the last drawn ticket of ${here.en} (${numbers.en}): had you been in ${here.en}'s population you would have been drawn, and you are not on the list.${tail.en}`,
        mustShort.zh, mustShort.en);
    }
    return done('not-selected', p, null,
      `您的号码大于${here.zh}最后一个入选号码，因此未被抽中（${numbers.zh}；${here.zh}的抽查对象总体 ${st.population} 个，号码最小的 ${st.size} 个入选，每个对象的入选概率为 ${pt.zh}）。`,
      `Your ticket is larger than the last drawn ticket of ${here.en}, so you were not drawn (${numbers.en}; ${here.en} has ${st.population} entities, the ${st.size} smallest tickets were drawn, each entity's inclusion probability is ${pt.en}).`,
      '未被抽中（您的号码大于本层最后一个入选号码）', 'not drawn (your ticket is larger than the last drawn ticket)');
  }

  // Weighted, 0 < n < N: certainty units, then the m smallest Pareto keys (§7.4).
  const cutKeyText = cutKeyShown === null ? { zh: '', en: '' } : { zh: `（其排序值约 ${cutKeyShown}）`, en: ` (its ranking value about ${cutKeyShown})` };
  if (subject.weight === undefined) {
    return done('entity-fields-needed', null, null,
      `本次按风险加权抽取：是否入选取决于您的权重（由信用风险分类、所在名单、投诉举报数等按抽取规则算出），请提供您在名录库中的那一行信息再查询。您的号码为 ${ticketShown}；${here.zh}最后一个按排序值入选的单位，号码为 ${cutShown ?? '—'}${cutKeyText.zh}。`,
      `This draw is risk-weighted: whether you had to be drawn depends on your weight (from your risk class, lists, complaint count … by the spec's rule); give your row of the register and ask again. Your ticket is ${ticketShown}; the last unit drawn by ranking value in ${here.en} has ticket ${cutShown ?? '—'}${cutKeyText.en}.`,
      '需要您的信息（权重）才能判断', 'your fields (weight) are needed');
  }
  const w = readable(subject.weight);
  const wZh = w.approx === undefined ? w.exact : `${w.exact}（约 ${w.approx}）`;
  const wEn = w.approx === undefined ? w.exact : `${w.exact} (about ${w.approx})`;
  const product = mul(subject.weight, st.scale!);
  const lambda = cmp(product, rat(1n)) >= 0 ? rat(1n) : product;
  const pt = probabilityText(lambda);
  if (lambda.n === lambda.d) {
    return done('must-have-been-selected', lambda, null,
      `按您提供的信息，您的权重为 ${wZh}，入选概率为 1（必然入选）：如果您属于${here.zh}的抽查对象总体，就必然会被抽中，而抽中名单中没有您。${tail.zh}`,
      `By the fields you gave, your weight is ${wEn} and your inclusion probability 1 (drawn with certainty): had you been in ${here.en}'s population you would have been drawn, and you are not on the list.${tail.en}`,
      mustShort.zh, mustShort.en);
  }
  if (lambda.n === 0n) {
    // Unreachable for a consistent record (a positive weight and a positive scale), kept so the rule is total.
    return done('not-selected', lambda, null,
      `按记录，${here.zh}没有按排序值抽取的名额，您的入选概率为 0，因此未被抽中。`,
      `By the record, ${here.en} had no place to draw by ranking value: your inclusion probability is 0, so you were not drawn.`,
      '入选概率为 0，未被抽中', 'probability 0: not drawn');
  }
  const key = paretoKey(subject.t, lambda);
  const keyShown = decimalOf(key.n, key.d);
  const explain = { zh: '排序值 =（号码 ÷（1 − 号码））÷（入选概率 ÷（1 − 入选概率）），越小越先入选', en: 'ranking value = (ticket / (1 − ticket)) / (probability / (1 − probability)); the smallest are drawn' };
  const numbers = {
    zh: `按您提供的信息，权重 ${wZh}，入选概率 ${pt.zh}；您的号码 ${ticketShown}，排序值约 ${keyShown}；最后一个按排序值入选的单位号码 ${cutShown ?? '—'}，排序值约 ${cutKeyShown ?? '—'}；${explain.zh}`,
    en: `by the fields you gave, weight ${wEn}, inclusion probability ${pt.en}; your ticket ${ticketShown}, ranking value about ${keyShown}; the last unit drawn by ranking value has ticket ${cutShown ?? '—'}, ranking value about ${cutKeyShown ?? '—'}; ${explain.en}`,
  };
  const below = cut !== undefined && compareKeyed({ key, t: subject.t, id: subject.id }, { key: cut.key, t: cut.entry.t, id: cut.entry.id }) < 0;
  if (below) {
    return done('must-have-been-selected', lambda, keyShown,
      `您的排序值小于${here.zh}最后一个入选单位的排序值（${numbers.zh}）：如果您属于${here.zh}的抽查对象总体，就必然会被抽中，而抽中名单中没有您。${tail.zh}`,
      `Your ranking value is smaller than that of the last unit drawn in ${here.en} (${numbers.en}): had you been in ${here.en}'s population you would have been drawn, and you are not on the list.${tail.en}`,
      mustShort.zh, mustShort.en);
  }
  return done('not-selected', lambda, keyShown,
    `您的排序值大于${here.zh}最后一个入选单位的排序值，因此未被抽中（${numbers.zh}）。`,
    `Your ranking value is larger than that of the last unit drawn in ${here.en}, so you were not drawn (${numbers.en}).`,
    '未被抽中（您的排序值大于本层最后一个入选单位的排序值）', 'not drawn (your ranking value is larger than the last drawn)');
}
