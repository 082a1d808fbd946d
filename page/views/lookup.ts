/**
 * 查询本单位 — an entity types its credit code (and, for stratified or weighted draws, its own fields) and sees, from
 * the published record alone, its ticket, its stratum's cut-off and whether it was, or had to be, drawn
 * (`checkEntityOutcome`; docs/spec.md §7.8).
 */
import type { DrawRecord } from '../../src/draw/draw-record.js';
import type { EntityOutcome } from '../../src/draw/check-entity-outcome.js';
import { ticketChart } from '../charts.js';
import { call } from '../rpc.js';
import { el, factTable, fileInput, isProblems, live, renderError, renderProblems, say, show, t, text } from '../ui.js';
import type { ProblemReport } from '../protocol.js';
import { field } from './seed.js';

type LookupAnswer = ProblemReport | { readonly kind: 'outcome'; readonly outcome: EntityOutcome; readonly record: DrawRecord };

function select(id: string, options: readonly (readonly [string, (x: ReturnType<typeof t>) => string])[]): HTMLSelectElement {
  const node = el('select', { id, 'data-testid': id });
  for (const [value, label] of options) node.append(el('option', { value }, text(label)));
  return node;
}

function renderOutcome(answer: Extract<LookupAnswer, { kind: 'outcome' }>): HTMLElement[] {
  const o = answer.outcome;
  const mine = o.strata.length === 1 ? o.strata[0] : undefined;
  const must = o.strata.some((s) => s.verdict === 'must-have-been-selected');
  return [
    el('div', { class: `verdict ${must ? 'bad' : 'ok'}`, 'data-testid': 'lookup-summary' },
      el('div', { class: 'summary' }, say(o.summaryZh, o.summaryEn))),
    el('section', { class: 'card' }, factTable([
      [t().creditCode, el('code', {}, o.id)],
      [t().lookupTicket, el('span', {}, el('code', { class: 'hex', 'data-testid': 'lookup-ticket' }, o.ticket), el('br'), el('span', { class: 'muted' }, `${t().lookupTicketFraction}: ${o.ticketFraction}`))],
      [t().lookupSelected, el('strong', { 'data-testid': 'lookup-selected' }, o.selected ? t().yes : t().no)],
    ])),
    ...o.strata.map((s) => el('section', { class: 'card', 'data-testid': 'lookup-stratum' }, factTable([
      [t().lookupStratum, s.stratum === null ? t().chartAll : s.stratum === '' ? t().chartMissing : s.stratum],
      ['', el('strong', { 'data-testid': 'lookup-verdict', 'data-verdict': s.verdict }, t().lookupVerdicts[s.verdict] ?? s.verdict)],
      [t().lookupCutoff, s.cutoffTicket === null ? '—' : el('span', {}, el('code', { class: 'hex' }, s.cutoffTicket), s.cutoffFraction === null ? null : el('span', { class: 'muted' }, ` (${s.cutoffFraction})`))],
      [t().lookupProbability, s.inclusionProbability ?? '—'],
      // With one stratum the summary above already says it.
      ...(o.strata.length === 1 && s.explanationZh === o.summaryZh ? [] : [['', say(s.explanationZh, s.explanationEn)] as [string, string]]),
    ]))),
    el('section', { class: 'card' }, el('h3', {}, t().chartTitle), el('p', { class: 'muted' }, answer.record.spec.weights === undefined ? t().chartHelp : t().chartWeighted),
      ticketChart(answer.record, { ticket: o.ticket, stratum: mine === undefined ? undefined : mine.stratum })),
  ];
}

export function lookupView(): HTMLElement {
  const record = fileInput('lookup-record', (x) => x.recordFile, { accept: '.json,application/json' });
  const code = field('lookup-id', (x) => x.creditCode, { class: 'hex' });
  const risk = select('lookup-risk', [['', (x) => x.riskNone], ['A', () => 'A'], ['B', () => 'B'], ['C', () => 'C'], ['D', () => 'D'], ['unclassified', (x) => x.riskUnclassified]]);
  const region = field('lookup-region', (x) => x.regionCode);
  const industry = field('lookup-industry', (x) => x.industry);
  const unit = field('lookup-unit', (x) => x.supervisingUnit);
  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'lookup-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'lookup-button' }, text((x) => x.lookupButton));
  button.addEventListener('click', () => {
    const [r] = record.files();
    if (r === undefined) {
      show(result, () => el('p', { class: 'bad' }, t().fileNeeded(t().recordFile)));
      return;
    }
    // The entity's fields only when some are given: an active enterprise with these fields (a register row).
    const given: Record<string, unknown> = {};
    if (risk.value !== '' && risk.value !== 'unclassified') given['riskClass'] = risk.value;
    if (region.input.value.trim() !== '') given['regionCode'] = region.input.value.trim();
    if (industry.input.value.trim() !== '') given['industry'] = industry.input.value.trim();
    if (unit.input.value.trim() !== '') given['supervisingUnit'] = unit.input.value.trim();
    const entity = risk.value === '' && Object.keys(given).length === 0
      ? undefined
      : { kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0, ...given };
    const query = { id: code.input.value.trim(), ...(entity === undefined ? {} : { entity }) };
    // The previous answer goes at once: what shows is always the answer to what was asked last.
    show(result, () => null);
    call<LookupAnswer>('lookup', { record: r, query })
      .then((answer) => show(result, () => (isProblems(answer) ? renderProblems(answer) : renderOutcome(answer))))
      .catch((error: unknown) => show(result, () => renderError(error)));
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.lookupIntro)),
    el('div', { class: 'inputs' }, record.node),
    el('section', { class: 'card', style: 'margin-top:12px' },
      code.node,
      el('h3', { style: 'margin-top:14px' }, text((x) => x.entityFields)),
      el('div', { class: 'fields' },
        el('label', { class: 'field', for: 'lookup-risk' }, el('span', {}, text((x) => x.riskClass)), risk),
        region.node, industry.node, unit.node)),
    el('div', { class: 'actions' }, button),
    result,
  );
}
