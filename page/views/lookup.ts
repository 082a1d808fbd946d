/**
 * 查询本单位 — an entity types its credit code (and, for stratified, directed or weighted draws, its own fields) and
 * sees, from the published record alone, its ticket, its stratum's cut-off and whether it was, or had to be, drawn
 * (`checkEntityOutcome`; docs/spec.md §7.8).
 *
 * The entity's fields are its register row as `checkEntityOutcome` reads it: every field the row needs (kind,
 * status, lists, tags, complaint count) is in the form with its value shown, and the row is sent exactly as shown,
 * or not at all (the box "按以下本单位信息查询" unticked: an untouched form). Nothing is filled in behind the user's
 * back: a row made up of defaults would answer for another entity (a weight by 名单 or complaints, a filter on
 * kind or tags). The fields the loaded record's spec reads are marked.
 */
import type { DrawRecord } from '../../src/draw/draw-record.js';
import type { EntityOutcome } from '../../src/draw/check-entity-outcome.js';
import { ticketChart } from '../charts.js';
import { call } from '../rpc.js';
import { el, factTable, fileInput, isProblems, live, renderError, renderProblems, say, show, t, text } from '../ui.js';
import type { ProblemReport } from '../protocol.js';
import type { Texts } from '../texts.js';
import { MAX_COMPLAINT_COUNT } from '../../src/internals/canonical-row.js';
import { ENTITY_KINDS, ENTITY_STATUSES, LIST_MEMBERSHIPS, RISK_CLASSES } from '../../src/models/internals/vocabulary-values.js';
import { field } from './seed.js';

type LookupAnswer = ProblemReport | { readonly kind: 'outcome'; readonly outcome: EntityOutcome; readonly record: DrawRecord };

/** The fields of an entity row (docs/spec.md §1.4) that the form holds. */
type RowField = 'kind' | 'status' | 'riskClass' | 'lists' | 'complaintCount' | 'tags' | 'regionCode' | 'industry' | 'supervisingUnit' | 'scale' | 'registrationAuthority';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entity fields the record's spec reads: the population's statuses (unless all are taken) and directed
 * conditions, the stratification field, the weight rule (byRiskClass → riskClass, byList → lists, complaints →
 * complaintCount) and an exclusion limited to some risk classes. A record that is not a draw record marks nothing
 * (the look-up then reports why).
 */
function fieldsUsedBy(record: unknown): Set<RowField> {
  const used = new Set<RowField>();
  const spec = isObject(record) ? record['spec'] : undefined;
  if (!isObject(spec)) return used;
  const population = isObject(spec['population']) ? spec['population'] : {};
  const statuses = population['statuses'];
  if (!Array.isArray(statuses) || !ENTITY_STATUSES.every((s) => statuses.includes(s))) used.add('status');
  const walk = (conditions: unknown): void => {
    if (!Array.isArray(conditions)) return;
    for (const c of conditions) {
      if (!isObject(c)) continue;
      if (c['op'] === 'anyOf') walk(c['conditions']);
      else if (typeof c['field'] === 'string') used.add(c['field'] as RowField);
    }
  };
  walk(population['filter']);
  const stratification = spec['stratification'];
  if (isObject(stratification) && typeof stratification['field'] === 'string') used.add(stratification['field'] as RowField);
  const weights = spec['weights'];
  if (isObject(weights)) {
    if (weights['byRiskClass'] !== undefined) used.add('riskClass');
    if (weights['byList'] !== undefined) used.add('lists');
    if (weights['complaints'] !== undefined) used.add('complaintCount');
  }
  const exclusion = spec['exclusion'];
  if (isObject(exclusion) && Array.isArray(exclusion['riskClasses'])) used.add('riskClass');
  return used;
}

function select(id: string, options: readonly (readonly [string, (x: ReturnType<typeof t>) => string])[]): HTMLSelectElement {
  const node = el('select', { id, 'data-testid': id });
  for (const [value, label] of options) node.append(el('option', { value }, text(label)));
  return node;
}

/** The row sent, in words: what the answer was computed for. */
function describeEntity(entity: Readonly<Record<string, unknown>> | undefined): string {
  if (entity === undefined) return t().lookupEntityNone;
  const x = t(), sep = say('：', ': ');
  const lists = entity['lists'] as readonly (keyof Texts['listLabels'])[], tags = entity['tags'] as readonly string[];
  const parts = [
    `${x.entityKind}${sep}${x.kindLabels[entity['kind'] as keyof Texts['kindLabels']]}`,
    `${x.entityStatus}${sep}${x.statusLabels[entity['status'] as keyof Texts['statusLabels']]}`,
    `${x.riskClass}${sep}${entity['riskClass'] === undefined ? x.riskUnclassified : x.riskLabels[entity['riskClass'] as keyof Texts['riskLabels']]}`,
    `${x.entityLists}${sep}${lists.length === 0 ? x.lookupNoLists : lists.map((l) => x.listLabels[l]).join(say('、', ', '))}`,
    `${x.complaintCount}${sep}${String(entity['complaintCount'])}`,
    ...(tags.length === 0 ? [] : [`${x.tagsWord}${sep}${tags.join(say('、', ', '))}`]),
    ...(['regionCode', 'industry', 'supervisingUnit', 'scale', 'registrationAuthority'] as const)
      .filter((k) => entity[k] !== undefined).map((k) => `${x[k]}${sep}${String(entity[k])}`),
  ];
  return parts.join(say('；', '; '));
}

function renderOutcome(answer: Extract<LookupAnswer, { kind: 'outcome' }>, entity: Readonly<Record<string, unknown>> | undefined): HTMLElement[] {
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
      [t().lookupEntityUsed, el('span', { 'data-testid': 'lookup-entity-used' }, describeEntity(entity))],
    ])),
    ...o.strata.map((s) => el('section', { class: 'card', 'data-testid': 'lookup-stratum' }, factTable([
      [t().lookupStratum, s.stratum === null ? t().chartAll : s.stratum === '' ? t().chartMissing : s.stratum],
      ['', el('strong', { 'data-testid': 'lookup-verdict', 'data-verdict': s.verdict }, t().lookupVerdicts[s.verdict] ?? s.verdict)],
      [t().lookupCutoff, s.cutoffTicket === null ? '—' : el('span', {}, el('code', { class: 'hex' }, s.cutoffTicket), s.cutoffFraction === null ? null : el('span', { class: 'muted' }, ` (${s.cutoffFraction})`))],
      [t().lookupProbability, s.inclusionProbability ?? '—'],
      // With one stratum the summary above already says it (the summary may add what the entity's fields tell).
      ...(o.strata.length === 1 && o.summaryZh.startsWith(s.explanationZh) ? [] : [['', say(s.explanationZh, s.explanationEn)] as [string, string]]),
    ]))),
    el('section', { class: 'card' }, el('h3', {}, t().chartTitle), el('p', { class: 'muted' }, answer.record.spec.weights === undefined ? t().chartHelp : t().chartWeighted),
      ticketChart(answer.record, { ticket: o.ticket, stratum: mine === undefined ? undefined : mine.stratum })),
  ];
}

export function lookupView(): HTMLElement {
  const record = fileInput('lookup-record', (x) => x.recordFile, { accept: '.json,application/json' });
  const code = field('lookup-id', (x) => x.creditCode, { class: 'hex' });
  // "本次抽取使用此项" beside each field the loaded record's spec reads.
  const marks = new Map<RowField, HTMLElement>();
  const mark = (name: RowField): HTMLElement => {
    const node = el('span', { class: 'used', 'data-testid': `lookup-used-${name}`, hidden: true }, ' · ', text((x) => x.usedByDraw));
    marks.set(name, node);
    return node;
  };
  const hint = el('p', { class: 'note', 'data-testid': 'lookup-used-hint', hidden: true }, text((x) => x.usedHint));
  const labelled = (id: string, name: RowField, label: (x: Texts) => string, control: HTMLElement): HTMLElement =>
    el('label', { class: 'field', for: id }, el('span', {}, text(label), mark(name)), control);
  const input = (id: string, attrs: Record<string, unknown> = {}): HTMLInputElement =>
    el('input', { type: 'text', id, 'data-testid': id, autocomplete: 'off', spellcheck: 'false', ...attrs });

  const given = el('input', { type: 'checkbox', id: 'lookup-entity-given', 'data-testid': 'lookup-entity-given' });
  // Visible defaults (the commonest row: an active enterprise, unclassified, on no list, no complaints).
  const kind = select('lookup-kind', ENTITY_KINDS.map((k) => [k, (x: Texts) => x.kindLabels[k]] as const));
  const status = select('lookup-status', ENTITY_STATUSES.map((s) => [s, (x: Texts) => x.statusLabels[s]] as const));
  const risk = select('lookup-risk', [['unclassified', (x) => x.riskUnclassified], ...RISK_CLASSES.map((r) => [r, (x: Texts) => x.riskLabels[r]] as const)]);
  const lists = LIST_MEMBERSHIPS.map((l) => ({ value: l, box: el('input', { type: 'checkbox', id: `lookup-list-${l}`, 'data-testid': `lookup-list-${l}`, value: l }) }));
  const complaints = input('lookup-complaints', { type: 'number', min: '0', step: '1', value: '0', inputmode: 'numeric' });
  const tags = input('lookup-tags');
  const free = [
    ['regionCode', input('lookup-region'), (x: Texts) => x.regionCode],
    ['industry', input('lookup-industry'), (x: Texts) => x.industry],
    ['supervisingUnit', input('lookup-unit'), (x: Texts) => x.supervisingUnit],
    ['scale', input('lookup-scale'), (x: Texts) => x.scale],
    ['registrationAuthority', input('lookup-authority'), (x: Texts) => x.registrationAuthority],
  ] as const;
  const fields = el('div', { class: 'fields' },
    labelled('lookup-kind', 'kind', (x) => x.entityKind, kind),
    labelled('lookup-status', 'status', (x) => x.entityStatus, status),
    labelled('lookup-risk', 'riskClass', (x) => x.riskClass, risk),
    el('fieldset', { class: 'field checks', 'data-testid': 'lookup-lists' },
      el('legend', {}, text((x) => x.entityLists), mark('lists')),
      ...lists.map(({ value, box }) => el('label', { class: 'check', for: box.id }, box, ' ', text((x) => x.listLabels[value])))),
    labelled('lookup-complaints', 'complaintCount', (x) => x.complaintCount, complaints),
    labelled('lookup-tags', 'tags', (x) => x.tags, tags),
    ...free.map(([name, node, label]) => labelled(node.id, name, label, node)),
  );
  const block = el('div', { class: 'entity-block' },
    el('label', { class: 'check', for: given.id }, given, ' ', text((x) => x.entityGiven)),
    hint,
    fields);
  // Filling in any field means "these are my fields": the box ticks itself (it can be unticked again).
  const touched = (event: Event): void => {
    if (event.target !== given) given.checked = true;
    fields.classList.toggle('unused', !given.checked);
  };
  block.addEventListener('input', touched);
  block.addEventListener('change', touched);
  fields.classList.add('unused');

  const markUsed = (value: unknown): void => {
    const used = fieldsUsedBy(value);
    for (const [name, node] of marks) node.hidden = !used.has(name);
    hint.hidden = used.size === 0;
  };
  let loading = 0;
  record.node.querySelector('input')?.addEventListener('change', () => {
    const token = ++loading;
    const [r] = record.files();
    markUsed(undefined);
    if (r === undefined) return;
    call<ProblemReport | { readonly kind: 'json'; readonly value: unknown }>('readJson', { file: r })
      .then((answer) => {
        if (token === loading && !isProblems(answer)) markUsed(answer.value);
      })
      // The look-up itself reports an unreadable record.
      .catch(() => {});
  });

  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'lookup-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'lookup-button' }, text((x) => x.lookupButton));
  button.addEventListener('click', () => {
    const [r] = record.files();
    if (r === undefined) {
      show(result, () => el('p', { class: 'bad' }, t().fileNeeded(t().recordFile)));
      return;
    }
    // The entity's row exactly as the form shows it, or none (box unticked: the library answers per stratum).
    let entity: Record<string, unknown> | undefined;
    if (given.checked) {
      const count = complaints.value.trim();
      if (complaints.validity.badInput || !/^\d+$/.test(count) || Number(count) > MAX_COMPLAINT_COUNT) {
        show(result, () => el('p', { class: 'bad', 'data-testid': 'lookup-input-error' }, t().complaintInvalid(count)));
        return;
      }
      entity = {
        kind: kind.value,
        status: status.value,
        ...(risk.value === 'unclassified' ? {} : { riskClass: risk.value }),
        lists: lists.filter(({ box }) => box.checked).map(({ value }) => value),
        tags: tags.value.split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag !== ''),
        complaintCount: Number(count),
      };
      for (const [name, node] of free) if (node.value.trim() !== '') entity[name] = node.value.trim();
    }
    const query = { id: code.input.value.trim(), ...(entity === undefined ? {} : { entity }) };
    // The previous answer goes at once: what shows is always the answer to what was asked last.
    show(result, () => null);
    call<LookupAnswer>('lookup', { record: r, query })
      .then((answer) => {
        if (!isProblems(answer)) markUsed(answer.record);
        show(result, () => (isProblems(answer) ? renderProblems(answer) : renderOutcome(answer, entity)));
      })
      .catch((error: unknown) => show(result, () => renderError(error)));
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.lookupIntro)),
    el('div', { class: 'inputs' }, record.node),
    el('section', { class: 'card', style: 'margin-top:12px' },
      code.node,
      el('h3', { style: 'margin-top:14px' }, text((x) => x.entityFields)),
      block),
    el('div', { class: 'actions' }, button),
    result,
  );
}
