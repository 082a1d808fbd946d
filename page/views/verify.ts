/** 核验抽取 — a draw record, its register and history → the verdict, the register digest, the provenance, the picture. */
import type { DrawRecord } from '../../src/draw/draw-record.js';
import type { VerifyResult } from '../../src/draw/verify-result.js';
import { ticketChart } from '../charts.js';
import { call } from '../rpc.js';
import { el, factTable, fileInput, formatCount, isProblems, live, progressBar, renderError, renderProblems, say, show, t, text } from '../ui.js';
import type { VerifyDrawAnswer } from '../worker/ops.js';

type Verdict = Extract<VerifyDrawAnswer, { kind: 'verdict' }>;

function originText(record: DrawRecord): string {
  const o = record.seedOrigin;
  if (o === null) return say('无（裸种子）', 'none (a bare seed)');
  if (o.method === 'dice') return say(`十面骰读数 ${o.digits}`, `ten-sided dice digits ${o.digits}`);
  if (o.method === 'contributions') return say(`${o.contributions.length} 方贡献：${o.contributions.map((c) => c.party).join('、')}`, `${o.contributions.length} contributions: ${o.contributions.map((c) => c.party).join(', ')}`);
  return say(`信标 ${o.source} 第 ${o.round} 轮`, `beacon ${o.source}, round ${o.round}`);
}

function list(items: readonly unknown[]): HTMLElement {
  return el('span', { class: 'id-list' }, ...items.slice(0, 20).map((x) => el('code', {}, String(x))), items.length > 20 ? ` … (+${items.length - 20})` : null);
}

/** The details of a divergence, in words (what `verifyDraw` says in `details`). */
function divergence(v: Extract<VerifyResult, { ok: false }>): HTMLElement {
  const d = v.details;
  const rows: [string, HTMLElement | string][] = [[t().detailCode, el('code', { class: 'code', 'data-testid': 'divergence-code' }, v.code)]];
  if (v.position !== undefined) rows.push([t().detailPosition(v.position + 1), '']);
  if (v.code === 'REGISTER_CHANGED') {
    if (typeof d['recordedSize'] === 'number' && typeof d['size'] === 'number' && d['recordedSize'] !== d['size']) rows.push(['', t().detailRowsWas(d['recordedSize'], d['size'])]);
    if (Array.isArray(d['removed']) && d['removed'].length > 0) rows.push([t().detailRemoved, list(d['removed'])]);
    if (Array.isArray(d['changed']) && d['changed'].length > 0) rows.push([t().detailChanged, list(d['changed'])]);
    if (Array.isArray(d['newlySelected']) && d['newlySelected'].length > 0) rows.push([t().detailNewly, list(d['newlySelected'])]);
  } else {
    const shown = (x: unknown): string => (typeof x === 'object' && x !== null && 'id' in x ? t().selectedItem(String((x as { id: unknown }).id)) : typeof x === 'string' ? x : JSON.stringify(x));
    if ('recorded' in d && !Array.isArray(d['recorded'])) rows.push([t().detailRecorded, el('code', {}, shown(d['recorded']))]);
    if ('recomputed' in d && !Array.isArray(d['recomputed'])) rows.push([t().detailRecomputed, el('code', {}, shown(d['recomputed']))]);
    if (Array.isArray(d['path'])) rows.push([say('位置', 'at'), el('code', {}, (d['path'] as unknown[]).join('.'))]);
  }
  return factTable(rows);
}

function digestPanel(answer: Verdict): HTMLElement {
  const published = answer.record.register.digest;
  const computed = answer.computed;
  const same = 'digest' in computed && computed.digest === published && computed.size === answer.record.register.size;
  return el('section', { class: 'card' },
    el('h3', {}, t().digestTitle),
    factTable([
      [t().digestPublished, el('code', { class: 'hex' }, `${published} · ${formatCount(answer.record.register.size)}`)],
      [t().digestComputed, 'digest' in computed
        ? el('code', { class: 'hex', 'data-testid': 'computed-digest' }, `${computed.digest} · ${formatCount(computed.size)}`)
        : el('span', {}, t().digestNone, el('code', { class: 'code' }, computed.code), ' ', say(computed.messageZh, computed.messageEn))],
    ]),
    'digest' in computed ? el('p', { class: same ? 'good' : 'bad', 'data-testid': 'digest-verdict' }, same ? `✓ ${t().digestSame}` : `✗ ${t().digestDiffers}`) : null,
  );
}

function provenancePanel(answer: Verdict): HTMLElement {
  const v = answer.verdict;
  const r = answer.record;
  const lines: string[] = [];
  if (v.ok) {
    const o = r.seedOrigin;
    if (v.provenance.seedOrigin === 'dice' && o?.method === 'dice') lines.push(t().provenanceDice(o.digits));
    else if (v.provenance.seedOrigin === 'contributions' && o?.method === 'contributions') lines.push(t().provenanceContributions(o.contributions.length));
    else if (v.provenance.seedOrigin === 'beacon' && o?.method === 'beacon') lines.push(t().provenanceBeacon(o.source, o.round));
    else lines.push(t().provenanceNone);
    lines.push(v.provenance.commitment === 'checked' ? t().provenanceCommitment : t().provenanceNoCommitment);
  }
  return el('section', { class: 'card', 'data-testid': 'provenance' },
    el('h3', {}, t().provenanceTitle),
    v.ok ? el('p', { class: 'muted' }, `seedOrigin: ${v.provenance.seedOrigin} · commitment: ${v.provenance.commitment}`) : null,
    ...lines.map((line) => el('p', {}, line)),
    el('p', { class: 'note' }, t().notProven),
  );
}

/** The whole answer of a verification, in the current language. */
export function renderVerdict(answer: Verdict): HTMLElement[] {
  const v = answer.verdict;
  const r = answer.record;
  const banner = el('div', { class: `verdict ${v.ok ? 'ok' : 'bad'}`, 'data-testid': 'verdict' },
    el('div', { class: 'verdict-word' }, v.ok ? t().verdictOk : t().verdictBad),
    el('div', { class: 'verdict-text' }, v.ok ? t().verdictOkText : t().verdictBadText),
    v.ok ? null : el('div', { class: 'verdict-message', 'data-testid': 'divergence' }, say(v.messageZh, v.messageEn)),
  );
  const facts = factTable([
    [t().factLabel, r.label],
    [t().factSeed, el('code', { class: 'hex' }, r.seed)],
    [t().factOrigin, originText(r)],
    [t().factCommitment, r.seedCommitment === null ? '—' : el('code', { class: 'hex' }, r.seedCommitment.hash)],
    [t().factRows, formatCount(answer.reading.rows)],
    [t().factEligible, formatCount(r.register.eligible)],
    [t().factSelected, formatCount(r.selected.length)],
    [t().factHistory, formatCount(answer.historySize)],
    [t().factFormat, `${answer.reading.format ?? '?'}${answer.reading.encoding === undefined ? '' : ` · ${answer.reading.encoding}`}`],
    [t().factPasses, String(answer.passes)],
  ]);
  return [
    banner,
    v.ok ? el('span') : el('section', { class: 'card' }, divergence(v)),
    digestPanel(answer),
    provenancePanel(answer),
    el('section', { class: 'card' }, facts),
    el('section', { class: 'card' }, el('h3', {}, t().chartTitle), el('p', { class: 'muted' }, r.spec.weights === undefined ? t().chartHelp : t().chartWeighted), ticketChart(r)),
  ];
}

export function verifyView(): HTMLElement {
  const record = fileInput('verify-record', (x) => x.recordFile, { accept: '.json,application/json' });
  const register = fileInput('verify-register', (x) => x.registerFile, { accept: '.csv,.txt,.json,.jsonl,.ndjson,.xlsx' });
  const history = fileInput('verify-history', (x) => x.historyFile, { optional: true, accept: '.json,application/json' });
  const progress = progressBar();
  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'verify-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'verify-button' }, text((x) => x.verifyButton));
  button.addEventListener('click', () => {
    const [r] = record.files();
    const [g] = register.files();
    const [h] = history.files();
    if (r === undefined || g === undefined) {
      show(result, () => el('p', { class: 'bad' }, t().fileNeeded(r === undefined ? t().recordFile : t().registerFile)));
      return;
    }
    button.disabled = true;
    progress.reset();
    progress.busy(true);
    show(result, () => null);
    call<VerifyDrawAnswer>('verifyDraw', { record: r, register: g, history: h }, progress.update)
      .then((answer) => show(result, () => (isProblems(answer) ? renderProblems(answer) : renderVerdict(answer))))
      .catch((error: unknown) => show(result, () => renderError(error)))
      .finally(() => {
        button.disabled = false;
        progress.busy(false);
      });
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.verifyIntro)),
    el('div', { class: 'inputs' }, record.node, register.node, history.node),
    el('div', { class: 'actions' }, button),
    progress.node,
    result,
  );
}
