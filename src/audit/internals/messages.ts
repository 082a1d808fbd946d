/** The Chinese and English sentences of findings and summaries. */
import type { AuditField } from '../audit-field.js';
import type { AuditFinding } from '../audit-finding.js';
import { formatCount, formatPercent, formatPValue, formatRatio } from './numbers.js';
import type { DraftFinding } from './tests.js';

const FIELD_ZH: Readonly<Record<AuditField, string>> = {
  riskClass: '信用风险分类',
  regionCode: '行政区划',
  supervisingUnit: '监管单位',
  industry: '行业',
  stratum: '层',
};
const FIELD_EN: Readonly<Record<AuditField, string>> = {
  riskClass: 'credit-risk class',
  regionCode: 'region',
  supervisingUnit: 'supervising unit',
  industry: 'industry',
  stratum: 'stratum',
};

/** Chinese name of a field. */
export function fieldZh(field: AuditField): string {
  return FIELD_ZH[field];
}
/** English name of a field. */
export function fieldEn(field: AuditField): string {
  return FIELD_EN[field];
}

function verdictZh(f: Pick<AuditFinding, 'pValue' | 'adjustedPValue' | 'significant'>, alpha: number): string {
  return `${pText(f.pValue)}，校正后 ${pText(f.adjustedPValue)}，${f.significant ? `在 α = ${alpha} 下显著` : '不显著'}`;
}
function verdictEn(f: Pick<AuditFinding, 'pValue' | 'adjustedPValue' | 'significant'>, alpha: number): string {
  return `${pText(f.pValue)}, adjusted ${pText(f.adjustedPValue)}, ${f.significant ? `significant at α = ${alpha}` : 'not significant'}`;
}

function pRelation(p: number): string {
  const text = formatPValue(p);
  return text.startsWith('<') ? text : `= ${text}`;
}
function pText(p: number): string {
  return `p ${pRelation(p)}`;
}

function directionZh(observed: number, expected: number): string {
  return observed > expected ? '偏多' : observed < expected ? '偏少' : '持平';
}
function directionEn(observed: number, expected: number): string {
  return observed > expected ? 'over-represented' : observed < expected ? 'under-represented' : 'as expected';
}

function rr(value: number | null): string {
  return value === null ? '—' : formatRatio(value);
}

/** Both sentences of a finding. */
export function findingMessages(
  d: DraftFinding,
  adjusted: Pick<AuditFinding, 'pValue' | 'adjustedPValue' | 'significant'>,
  alpha: number,
): { messageZh: string; messageEn: string } {
  const vZh = verdictZh(adjusted, alpha);
  const vEn = verdictEn(adjusted, alpha);
  const e = d.effect;
  switch (d.kind) {
    case 'stratum-rate': {
      const size = d.facts.populationSize ?? 0;
      const observedRate = size > 0 ? d.observed / size : 0;
      const stated = d.facts.statedSize === undefined
        ? `声明比例 ${formatPercent(d.facts.statedRate ?? 0)}`
        : `声明抽取 ${d.facts.statedSize} 户`;
      const statedEn = d.facts.statedSize === undefined
        ? `a stated ratio of ${formatPercent(d.facts.statedRate ?? 0)}`
        : `a stated size of ${d.facts.statedSize}`;
      const stratumZh = d.scope.stratum === 'all' ? '' : `层「${d.scope.stratum}」`;
      const stratumEn = d.scope.stratum === 'all' ? '' : ` stratum "${d.scope.stratum}"`;
      return {
        messageZh: `抽取「${d.scope.draw}」${stratumZh}：${size} 户中抽中 ${d.observed} 户（${formatPercent(observedRate)}），${stated}，期望 ${formatCount(d.expected)} 户；实际/期望 ${rr(e.rateRatio)}；${vZh}。`,
        messageEn: `Draw "${d.scope.draw}"${stratumEn}: ${d.observed} of ${size} selected (${formatPercent(observedRate)}) against ${statedEn}, ${formatCount(d.expected)} expected; rate ratio ${rr(e.rateRatio)}; ${vEn}.`,
      };
    }
    case 'representation': {
      const field = d.scope.field as AuditField;
      const top = e.categories?.[0];
      const topZh = top === undefined ? '' : `；偏离最大的是「${top.category}」：抽中 ${top.observed} 次，期望 ${formatCount(top.expected)} 次（比值 ${rr(top.rateRatio)}，${directionZh(top.observed, top.expected)}）`;
      const topEn = top === undefined ? '' : `; the largest deviation is "${top.category}": ${top.observed} selections against ${formatCount(top.expected)} expected (ratio ${rr(top.rateRatio)}, ${directionEn(top.observed, top.expected)})`;
      const pooled = d.facts.pooledCategories ?? 0;
      return {
        messageZh: `${fieldZh(field)}分布（${e.categories?.length ?? 0} 类${pooled > 0 ? `，其中 ${pooled} 类期望数过小已合并` : ''}）：χ² = ${d.observed.toFixed(2)}，自由度 ${d.expected}，效应量 w = ${(e.cohensW ?? 0).toFixed(3)}${topZh}；${vZh}。`,
        messageEn: `Distribution over ${fieldEn(field)} (${e.categories?.length ?? 0} categories${pooled > 0 ? `, ${pooled} with small expected counts pooled` : ''}): χ² = ${d.observed.toFixed(2)}, df ${d.expected}, effect size w = ${(e.cohensW ?? 0).toFixed(3)}${topEn}; ${vEn}.`,
      };
    }
    case 'category-rate': {
      const field = d.scope.field as AuditField;
      return {
        messageZh: `${fieldZh(field)}「${d.scope.category}」：${d.trials} 户次中抽中 ${d.observed} 次，期望 ${formatCount(d.expected)} 次，比值 ${rr(e.rateRatio)}（${directionZh(d.observed, d.expected)}）；${vZh}。`,
        messageEn: `${capitalise(fieldEn(field))} "${d.scope.category}": ${d.observed} selections in ${d.trials} entity-draws against ${formatCount(d.expected)} expected, rate ratio ${rr(e.rateRatio)} (${directionEn(d.observed, d.expected)}); ${vEn}.`,
      };
    }
    case 'focus-group':
      return {
        messageZh: `重点名单「${d.scope.group}」（${d.facts.entityCount ?? 0} 户，${d.trials} 户次）：抽中 ${d.observed} 次，期望 ${formatCount(d.expected)} 次，比值 ${rr(e.rateRatio)}（${directionZh(d.observed, d.expected)}）；${vZh}。`,
        messageEn: `Focus group "${d.scope.group}" (${d.facts.entityCount ?? 0} entities, ${d.trials} entity-draws): ${d.observed} selections against ${formatCount(d.expected)} expected, rate ratio ${rr(e.rateRatio)} (${directionEn(d.observed, d.expected)}); ${vEn}.`,
      };
    case 'repeat-distribution': {
      const rows = e.categories ?? [];
      const zh = rows.map((r) => `${r.category} 次 ${r.observed} 户（期望 ${formatCount(r.expected)}）`).join('，');
      const en = rows.map((r) => `${r.category}×: ${r.observed} (expected ${formatCount(r.expected)})`).join(', ');
      return {
        messageZh: `被抽中次数分布（${d.facts.entityCount ?? 0} 户）：${zh}；χ² = ${d.observed.toFixed(2)}，自由度 ${d.expected}，w = ${(e.cohensW ?? 0).toFixed(3)}；${vZh}。`,
        messageEn: `How often entities were drawn (${d.facts.entityCount ?? 0} entities): ${en}; χ² = ${d.observed.toFixed(2)}, df ${d.expected}, w = ${(e.cohensW ?? 0).toFixed(3)}; ${vEn}.`,
      };
    }
    case 'entity-repeat':
      return {
        messageZh: `被抽中最反常的检查对象 ${d.scope.entityId}：抽中 ${d.observed} 次，期望 ${formatCount(d.expected)} 次，单独概率 P(≥${d.observed}) ${pRelation(d.facts.tailProbability ?? 1)}，按 ${d.facts.testedEntities ?? 0} 户作 Bonferroni 校正；${vZh}。`,
        messageEn: `Most surprising entity ${d.scope.entityId}: drawn ${d.observed} times against ${formatCount(d.expected)} expected, P(≥${d.observed}) ${pRelation(d.facts.tailProbability ?? 1)} on its own, Bonferroni over ${d.facts.testedEntities ?? 0} entities; ${vEn}.`,
      };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The report summary sentences. */
export function summaryMessages(
  tests: number,
  significant: number,
  alpha: number,
  correction: 'holm' | 'benjamini-hochberg',
  draws: number,
): { summaryZh: string; summaryEn: string } {
  const zhCorrection = correction === 'holm' ? 'Holm 校正（控制族错误率）' : 'Benjamini–Hochberg 校正（控制错误发现率）';
  const enCorrection = correction === 'holm' ? 'Holm correction (family-wise error rate)' : 'Benjamini–Hochberg correction (false discovery rate)';
  return {
    summaryZh: `共审计 ${draws} 次抽取，进行 ${tests} 项检验，经 ${zhCorrection}，在 α = ${alpha} 下 ${significant} 项显著${significant === 0 ? '：抽取结果与声明的抽样设计一致。' : '：抽取结果与声明的抽样设计不一致，详见下列显著项。'}`,
    summaryEn: `${draws} draws audited, ${tests} tests, ${enCorrection}: ${significant} significant at α = ${alpha}${significant === 0 ? ' — the selections are consistent with the stated design.' : ' — the selections are NOT consistent with the stated design; see the significant findings.'}`,
  };
}
