/** 核验选派 — a match record, its targets, the inspector register and the facts → `verifyMatch`, in words. */
import { call } from '../rpc.js';
import { el, factTable, fileInput, formatCount, isProblems, live, progressBar, renderError, renderProblems, say, show, t, text } from '../ui.js';
import type { VerifyMatchAnswer } from '../worker/ops.js';

type Verdict = Extract<VerifyMatchAnswer, { kind: 'verdict' }>;

function renderMatch(answer: Verdict): HTMLElement[] {
  const v = answer.verdict;
  const r = answer.record;
  const banner = el('div', { class: `verdict ${v.ok ? 'ok' : 'bad'}`, 'data-testid': 'match-verdict' },
    el('div', { class: 'verdict-word' }, v.ok ? t().verdictOk : t().verdictBad),
    el('div', { class: 'verdict-text' }, v.ok ? t().matchOkText : t().verdictBadText),
    v.ok ? null : el('div', { class: 'verdict-message', 'data-testid': 'match-divergence' }, say(v.messageZh, v.messageEn)),
  );
  const out: HTMLElement[] = [banner];
  if (!v.ok) {
    out.push(el('section', { class: 'card' }, factTable([
      [t().detailCode, el('code', { class: 'code', 'data-testid': 'match-code' }, v.code)],
      [t().matchPath, el('code', {}, v.path.join('.') || '—')],
      ...('expected' in v ? [[t().detailRecomputed, el('code', {}, JSON.stringify(v.expected))] as [string, HTMLElement]] : []),
      ...('actual' in v ? [[t().detailRecorded, el('code', {}, JSON.stringify(v.actual))] as [string, HTMLElement]] : []),
    ])));
  }
  const unmatched = v.unmatchedFacts?.facts.length ?? 0;
  out.push(el('section', { class: 'card' }, factTable([
    [t().factLabel, r.label],
    [t().factSeed, el('code', { class: 'hex' }, r.seed)],
    [t().matchTarget, formatCount(answer.targets)],
    [t().matchInspectors, formatCount(answer.inspectors)],
    [t().factFormat, `${answer.reading.format ?? '?'}${answer.reading.encoding === undefined ? '' : ` · ${answer.reading.encoding}`}`],
  ]), unmatched > 0 ? el('p', { class: 'note' }, t().matchUnmatchedFacts(unmatched)) : null));
  if (Array.isArray(r.assignments) && r.assignments.length > 0) {
    out.push(el('section', { class: 'card' }, el('h3', {}, t().matchTeams),
      el('table', { class: 'list', 'data-testid': 'match-teams' },
        el('thead', {}, el('tr', {}, el('th', {}, t().matchTarget), el('th', {}, t().matchInspectors))),
        el('tbody', {}, ...r.assignments.slice(0, 200).map((a) => el('tr', {}, el('td', {}, el('code', {}, a.targetId)), el('td', {}, a.inspectorIds.join('、'))))))));
  }
  if (Array.isArray(r.unstaffable) && r.unstaffable.length > 0) {
    out.push(el('section', { class: 'card' }, el('h3', {}, t().matchUnstaffable),
      el('ul', {}, ...r.unstaffable.map((u) => el('li', {}, el('code', {}, u.targetId), ' ', el('code', { class: 'code' }, u.code))))));
  }
  return out;
}

export function matchView(): HTMLElement {
  const record = fileInput('match-record', (x) => x.matchRecordFile, { accept: '.json,application/json' });
  const targets = fileInput('match-targets', (x) => x.targetsFile, { accept: '.json,application/json' });
  const inspectors = fileInput('match-inspectors', (x) => x.inspectorsFile, { accept: '.csv,.txt,.json,.jsonl,.ndjson,.xlsx' });
  const facts = fileInput('match-facts', (x) => x.factsFile, { optional: true, accept: '.json,application/json' });
  const progress = progressBar();
  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'match-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'match-button' }, text((x) => x.matchButton));
  button.addEventListener('click', () => {
    const [r] = record.files();
    const [g] = targets.files();
    const [i] = inspectors.files();
    const [f] = facts.files();
    const missing = r === undefined ? t().matchRecordFile : g === undefined ? t().targetsFile : i === undefined ? t().inspectorsFile : undefined;
    if (missing !== undefined) {
      show(result, () => el('p', { class: 'bad' }, t().fileNeeded(missing)));
      return;
    }
    button.disabled = true;
    progress.reset();
    progress.busy(true);
    call<VerifyMatchAnswer>('verifyMatch', { record: r, targets: g, inspectors: i, facts: f }, progress.update)
      .then((answer) => show(result, () => (isProblems(answer) ? renderProblems(answer) : renderMatch(answer))))
      .catch((error: unknown) => show(result, () => renderError(error)))
      .finally(() => {
        button.disabled = false;
        progress.busy(false);
      });
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.matchIntro)),
    el('div', { class: 'inputs' }, record.node, targets.node, inspectors.node, facts.node),
    el('div', { class: 'actions' }, button),
    progress.node,
    result,
  );
}
