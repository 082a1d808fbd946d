/** 历史审计 — several draws over one register: how often each entity was drawn against what the designs expect. */
import { inclusionScatter, repeatChart } from '../charts.js';
import { call } from '../rpc.js';
import { el, fileInput, isProblems, live, progressBar, renderError, renderProblems, say, show, t, text } from '../ui.js';
import type { HistoryAnswer } from '../worker/ops.js';

function renderHistory(answer: Extract<HistoryAnswer, { kind: 'history' }>): HTMLElement[] {
  return [
    el('div', { class: `verdict ${answer.significantCount === 0 ? 'ok' : 'bad'}`, 'data-testid': 'history-summary' },
      el('div', { class: 'verdict-text' }, say(answer.summaryZh, answer.summaryEn)),
      el('div', { class: 'muted' }, t().historySignificant(answer.significantCount))),
    el('section', { class: 'card' }, el('h3', {}, t().historyRepeatTitle),
      answer.repeat === null ? el('p', { class: 'muted' }, t().historyNoRepeat) : repeatChart(answer.repeat)),
    el('section', { class: 'card' }, el('h3', {}, t().historyScatterTitle), inclusionScatter(answer.bins)),
  ];
}

export function historyView(): HTMLElement {
  const records = fileInput('history-records', (x) => x.historyRecords, { multiple: true, accept: '.json,application/json' });
  const register = fileInput('history-register', (x) => x.registerFile, { accept: '.csv,.txt,.json,.jsonl,.ndjson,.xlsx' });
  const progress = progressBar();
  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'history-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'history-button' }, text((x) => x.historyButton));
  button.addEventListener('click', () => {
    const files = records.files();
    const [g] = register.files();
    if (files.length === 0 || g === undefined) {
      show(result, () => el('p', { class: 'bad' }, t().fileNeeded(files.length === 0 ? t().historyRecords : t().registerFile)));
      return;
    }
    button.disabled = true;
    progress.reset();
    progress.busy(true);
    call<HistoryAnswer>('history', { records: files, register: g }, progress.update)
      .then((answer) => show(result, () => (isProblems(answer) ? renderProblems(answer) : renderHistory(answer))))
      .catch((error: unknown) => show(result, () => renderError(error)))
      .finally(() => {
        button.disabled = false;
        progress.busy(false);
      });
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.historyIntro)),
    el('div', { class: 'inputs' }, records.node, register.node),
    el('div', { class: 'actions' }, button),
    progress.node,
    result,
  );
}
