/**
 * 现场抽取 — the ceremony of a department: the register loaded in public (its digest and row count shown large), the
 * dice digits typed as they are read out, the seed shown, the draw, and the record and the drawn list downloaded.
 * The same worker operations as verification: the register digest, `seedFromDice`, `drawTargetsAsync`.
 */
import type { DrawRecord, DrawSeed } from '../../src/draw/draw-record.js';
import { ticketChart } from '../charts.js';
import { call } from '../rpc.js';
import { download, el, fileInput, formatCount, isProblems, live, progressBar, renderError, renderProblems, show, t, text } from '../ui.js';
import type { ProblemReport } from '../protocol.js';
import { field } from './seed.js';

type DigestAnswer = ProblemReport | { readonly kind: 'digest'; readonly digest: string; readonly size: number };
type DrawAnswer = ProblemReport | { readonly kind: 'drawn'; readonly record: DrawRecord; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[]; readonly population: number };

/** A cell of the drawn list: quoted when needed, and made inert when a spreadsheet would read it as a formula. */
function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** The drawn list as `shuangsuiji draw` writes drawn.csv: UTF-8 with BOM (for Excel), CRLF. */
export function drawnCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const DEFAULT_SPEC = `{
  "label": "示例市市场监管局 2026 年第一批",
  "size": { "count": 20 }
}`;

const SHOWN = 50;

export function ceremonyView(): HTMLElement {
  const register = fileInput('ceremony-register', (x) => x.registerFile, { accept: '.csv,.txt,.json,.jsonl,.ndjson,.xlsx' });
  const progress = progressBar();
  const digestOut = live(() => null, 'div', { 'data-testid': 'ceremony-digest' });
  const loadButton = el('button', { class: 'primary', 'data-testid': 'ceremony-load' }, text((x) => x.ceremonyLoad));
  loadButton.addEventListener('click', () => {
    const [file] = register.files();
    if (file === undefined) {
      show(digestOut, () => el('p', { class: 'bad' }, t().fileNeeded(t().registerFile)));
      return;
    }
    loadButton.disabled = true;
    progress.reset();
    progress.busy(true);
    call<DigestAnswer>('digest', { register: file }, progress.update)
      .then((answer) => show(digestOut, () => (isProblems(answer) ? renderProblems(answer) : el('div', { class: 'card step' },
        el('div', { class: 'muted' }, t().ceremonyDigest),
        el('div', { class: 'huge-hex', 'data-testid': 'ceremony-digest-value' }, answer.digest),
        el('div', { class: 'muted', style: 'margin-top:8px' }, t().ceremonyRows),
        el('div', { class: 'big', 'data-testid': 'ceremony-rows' }, formatCount(answer.size)),
      ))))
      .catch((error: unknown) => show(digestOut, () => renderError(error)))
      .finally(() => {
        loadButton.disabled = false;
        progress.busy(false);
      });
  });

  const spec = el('textarea', { id: 'ceremony-spec', 'data-testid': 'ceremony-spec', rows: '6', spellcheck: 'false' });
  spec.value = DEFAULT_SPEC;
  const dice = field('ceremony-dice', (x) => x.diceDigits, { inputmode: 'numeric', class: 'dice-input' });
  const count = live(() => t().diceCount(dice.input.value.replace(/\D/g, '').length), 'span', { class: 'muted' });
  dice.input.addEventListener('input', () => show(count, () => t().diceCount(dice.input.value.replace(/\D/g, '').length)));
  const salt = field('ceremony-salt', (x) => x.saltLabel);
  const commitment = field('ceremony-commitment', (x) => x.commitmentLabel, { class: 'hex' });
  const seedOut = live(() => null, 'div', { 'data-testid': 'ceremony-seed' });
  const seedButton = el('button', { class: 'secondary', 'data-testid': 'ceremony-seed-button' }, text((x) => x.ceremonySeedButton));
  const seedArgs = (): Record<string, string> => ({
    method: 'dice',
    digits: dice.input.value,
    ...(salt.input.value === '' ? {} : { salt: salt.input.value }),
    ...(commitment.input.value.trim() === '' ? {} : { commitment: commitment.input.value.trim() }),
  });
  seedButton.addEventListener('click', () => {
    show(seedOut, () => null);
    call<{ seed: DrawSeed; commitmentMatches?: boolean }>('seed', seedArgs())
      .then((answer) => show(seedOut, () => el('div', { class: 'card step' },
        el('div', { class: 'huge-hex', 'data-testid': 'ceremony-seed-value' }, answer.seed.seed),
        answer.commitmentMatches === undefined ? null : el('p', { class: answer.commitmentMatches ? 'good' : 'bad' }, answer.commitmentMatches ? `✓ ${t().commitmentOk}` : `✗ ${t().commitmentBad}`),
      )))
      .catch((error: unknown) => show(seedOut, () => renderError(error)));
  });

  const drawOut = live(() => null, 'div', { class: 'result', 'data-testid': 'ceremony-result' });
  const drawButton = el('button', { class: 'primary', 'data-testid': 'ceremony-draw' }, text((x) => x.ceremonyDrawButton));
  drawButton.addEventListener('click', () => {
    const [file] = register.files();
    if (file === undefined) {
      show(drawOut, () => el('p', { class: 'bad' }, t().fileNeeded(t().registerFile)));
      return;
    }
    let specValue: unknown;
    try {
      specValue = JSON.parse(spec.value);
    } catch {
      show(drawOut, () => renderProblems({ kind: 'problems', count: 1, problems: [{ file: 'spec', line: 0, code: 'JSON_SYNTAX', messageZh: '抽取规则不是有效的 JSON', messageEn: 'the draw spec is not valid JSON' }] }));
      return;
    }
    drawButton.disabled = true;
    progress.reset();
    progress.busy(true);
    const { digits, salt: s, commitment: c } = seedArgs();
    call<DrawAnswer>('draw', { register: file, spec: JSON.stringify(specValue), digits, ...(s === undefined ? {} : { salt: s }), ...(c === undefined ? {} : { commitment: c }) }, progress.update)
      .then((answer) => show(drawOut, () => {
        if (isProblems(answer)) return renderProblems(answer);
        const recordText = `${JSON.stringify(answer.record, null, 2)}\n`;
        const rows = answer.rows.slice(0, SHOWN);
        return [
          el('div', { class: 'verdict ok' }, el('div', { class: 'big', 'data-testid': 'ceremony-count' }, t().ceremonyDrawn(answer.rows.length, answer.population))),
          el('div', { class: 'actions' },
            el('button', { class: 'primary', 'data-testid': 'download-record', onclick: () => download('draw-record.json', recordText, 'application/json') }, t().ceremonyDownloadRecord),
            el('button', { class: 'secondary', 'data-testid': 'download-drawn', onclick: () => download('drawn.csv', drawnCsv(answer.header, answer.rows), 'text/csv') }, t().ceremonyDownloadDrawn)),
          el('section', { class: 'card' },
            el('table', { class: 'list' },
              el('thead', {}, el('tr', {}, ...[t().colIndex, t().colId, t().colName, t().colStratum, t().colTicket].map((h) => el('th', {}, h)))),
              el('tbody', {}, ...rows.map((r) => el('tr', {}, el('td', {}, r[0]!), el('td', {}, el('code', {}, r[1]!)), el('td', {}, r[2]!), el('td', {}, r[4]!), el('td', {}, el('code', {}, `${r[3]!.slice(0, 16)}…`)))))),
            answer.rows.length > SHOWN ? el('p', { class: 'muted' }, t().ceremonyShown(SHOWN)) : null),
          el('section', { class: 'card' }, el('h3', {}, t().chartTitle), ticketChart(answer.record)),
        ];
      }))
      .catch((error: unknown) => show(drawOut, () => renderError(error)))
      .finally(() => {
        drawButton.disabled = false;
        progress.busy(false);
      });
  });

  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.ceremonyIntro)),
    el('h3', {}, text((x) => x.ceremonyStep1)),
    el('div', { class: 'inputs' }, register.node),
    el('div', { class: 'actions' }, loadButton),
    progress.node,
    digestOut,
    el('h3', { style: 'margin-top:18px' }, text((x) => x.ceremonyStep2)),
    el('label', { class: 'field', for: 'ceremony-spec' }, el('span', {}, text((x) => x.ceremonySpecHelp)), spec),
    el('h3', { style: 'margin-top:18px' }, text((x) => x.ceremonyStep3)),
    dice.node, count,
    el('div', { class: 'fields', style: 'margin-top:10px' }, salt.node, commitment.node),
    el('h3', { style: 'margin-top:18px' }, text((x) => x.ceremonyStep4)),
    el('div', { class: 'actions' }, seedButton),
    seedOut,
    el('h3', { style: 'margin-top:18px' }, text((x) => x.ceremonyStep5)),
    el('div', { class: 'actions' }, drawButton),
    drawOut,
  );
}
