import { ShuangsuijiError } from '../errors.js';
import type { AuditFinding } from './audit-finding.js';
import type { AuditReport } from './audit-report.js';
import { formatCount, formatPValue } from './internals/numbers.js';
import { AuditReportSchema } from './internals/report-schema.js';
import { safeParseDetached } from './internals/validation.js';

/**
 * Options of {@link formatAuditReport}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { FormatAuditReportOptions } from 'shuangsuiji';
 * const options: FormatAuditReportOptions = { language: 'zh', showAll: true };
 * ```
 */
export interface FormatAuditReportOptions {
  /**
   * 语言 — `zh` (中文) or `en` (English).
   * @defaultValue `'zh'`
   */
  readonly language?: 'zh' | 'en';
  /**
   * List every test, not only the significant ones (the others are counted).
   * @defaultValue `false`
   */
  readonly showAll?: boolean;
}

/**
 * 审计报告文本 — renders an {@link AuditReport} as readable text: the summary, how the inclusion probabilities
 * were obtained, the significant findings (strongest evidence first) with their effect sizes, then the rest.
 * The report is checked first (the shape `auditDrawHistory` returns; otherwise `INVALID_INPUT` with the path), and
 * so are the options (`AUDIT_BAD_OPTION` for an unknown key or a wrong value).
 *
 * @param reportArgument - 审计报告: the report {@link auditDrawHistory} returned
 * @param options - the language of the text and whether to list every test ({@link FormatAuditReportOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link AuditErrorCode}
 * @group Audit
 *
 * @example
 * ```ts
 * import { auditDrawHistory, formatAuditReport } from 'shuangsuiji';
 * const entities = Array.from({ length: 100 }, (_, i) => ({ id: `E${i}` }));
 * const result = auditDrawHistory([{ label: '2024', snapshotId: 'S', selectedIds: ['E1', 'E2', 'E3'] }], [{ id: 'S', entities }], { ratio: 0.03 });
 * if (result.success) console.log(formatAuditReport(result.data, { language: 'zh' }));
 * ```
 */
export function formatAuditReport(reportArgument: AuditReport, options: FormatAuditReportOptions = {}): string {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('AUDIT_BAD_OPTION', '选项应为对象', 'the options must be an object', { path: [] });
  }
  for (const key of Object.keys(options).sort()) {
    if (key !== 'language' && key !== 'showAll') {
      throw new ShuangsuijiError('AUDIT_BAD_OPTION', `未知选项 ${JSON.stringify(key.slice(0, 40))}（可用：language、showAll）`, `unknown option ${JSON.stringify(key.slice(0, 40))} (known: language, showAll)`, { path: [key] });
    }
  }
  const language = options.language ?? 'zh';
  if (language !== 'zh' && language !== 'en') {
    throw new ShuangsuijiError('AUDIT_BAD_OPTION', 'language 只能是 zh 或 en', 'language must be zh or en', { path: ['language'] });
  }
  if (options.showAll !== undefined && typeof options.showAll !== 'boolean') {
    throw new ShuangsuijiError('AUDIT_BAD_OPTION', 'showAll 应为布尔值', 'showAll must be a boolean', { path: ['showAll'] });
  }
  const parsed = safeParseDetached(AuditReportSchema, reportArgument, ['report'], 'INVALID_INPUT');
  if (!parsed.success) {
    const first = parsed.issues[0]!;
    throw new ShuangsuijiError(
      'INVALID_INPUT',
      `审计报告无效：${first.messageZh}`,
      `invalid audit report: ${first.messageEn}`,
      { path: first.path, details: { issues: parsed.issues.slice(0, 50).map(({ code, path, messageZh, messageEn }) => ({ code, path, messageZh, messageEn })) } },
    );
  }
  const report = parsed.data as AuditReport;
  const zh = language === 'zh';
  const message = (t: AuditFinding): string => (zh ? t.messageZh : t.messageEn);
  const lines: string[] = [];
  lines.push(zh ? '抽取历史审计报告' : 'Draw history audit report');
  lines.push('='.repeat(zh ? 16 : 25));
  lines.push(zh ? report.summaryZh : report.summaryEn);
  lines.push(
    zh
      ? `抽取：${report.drawLabels.join('、')}；检查对象 ${report.entityCount} 户，累计抽中 ${report.selectionCount} 户次。`
      : `Draws: ${report.drawLabels.join(', ')}; ${report.entityCount} entities, ${report.selectionCount} selections in all.`,
  );
  const ip = report.inclusionProbabilities;
  if (ip.method === 'exact') {
    lines.push(zh ? '入选概率：按分层简单随机抽样精确计算（n_h / N_h）。' : 'Inclusion probabilities: exact (n_h / N_h, stratified simple random sampling).');
  } else {
    lines.push(
      zh
        ? `入选概率：加权抽取部分用蒙特卡洛估计（每次抽取 ${ip.replications} 次重复），单个概率的最大标准误 ${ip.maxStandardError.toPrecision(3)}。`
        : `Inclusion probabilities: Monte-Carlo for weighted draws (${ip.replications} replications each), largest standard error of a probability ${ip.maxStandardError.toPrecision(3)}.`,
    );
  }
  const significant = report.tests
    .filter((t) => t.significant)
    .sort((a, b) => a.adjustedPValue - b.adjustedPValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = report.tests.filter((t) => !t.significant);
  lines.push('');
  if (significant.length > 0) {
    lines.push(zh ? `显著发现（${significant.length} 项，证据最强者在前）：` : `Significant findings (${significant.length}, strongest evidence first):`);
    significant.forEach((t, i) => {
      lines.push(`${i + 1}. ${message(t)}`);
      const rows = t.effect.categories?.slice(0, 5) ?? [];
      for (const row of rows) {
        lines.push(
          zh
            ? `     · ${row.category}：实际 ${row.observed}，期望 ${formatCount(row.expected)}，比值 ${row.rateRatio === null ? '—' : row.rateRatio.toFixed(2)}`
            : `     · ${row.category}: observed ${row.observed}, expected ${formatCount(row.expected)}, ratio ${row.rateRatio === null ? '—' : row.rateRatio.toFixed(2)}`,
        );
      }
    });
  } else {
    lines.push(zh ? '没有显著发现。' : 'No significant findings.');
  }
  lines.push('');
  if (options.showAll === true) {
    lines.push(zh ? `其余检验（${rest.length} 项，均不显著）：` : `Other tests (${rest.length}, none significant):`);
    for (const t of rest) lines.push(`- ${message(t)}`);
  } else {
    const smallest = rest.reduce((m, t) => Math.min(m, t.adjustedPValue), 1);
    lines.push(
      zh
        ? `其余 ${rest.length} 项检验均不显著（最小校正后 p = ${formatPValue(smallest)}）。`
        : `The other ${rest.length} tests are not significant (smallest adjusted p = ${formatPValue(smallest)}).`,
    );
  }
  lines.push(
    zh
      ? `说明：p 值为精确二项检验或卡方检验的双侧 p 值；"比值"为实际/期望（1 表示与设计一致）；w 为 Cohen 效应量（0.1 小、0.3 中、0.5 大）。显著只说明与声明的设计不一致，不说明原因。`
      : `Notes: p-values are two-sided (exact binomial or chi-square); "ratio" is observed/expected (1 = as designed); w is Cohen's effect size (0.1 small, 0.3 medium, 0.5 large). Significance shows an inconsistency with the stated design, not its cause.`,
  );
  return lines.join('\n');
}
