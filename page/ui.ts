/**
 * Small DOM helpers of the page: the language switch (every text comes from `texts.ts`; parts that show results
 * re-render themselves on a switch), an element builder, file drop zones, progress bars and the rendering of
 * coded problems.
 */
import type { PageProblem, ProblemReport, Progress } from './protocol.js';
import { CallError } from './rpc.js';
import { TEXTS, type Texts } from './texts.js';

export type Language = 'zh' | 'en';

let language: Language = 'zh';
const listeners: (() => void)[] = [];

/** The texts of the current language. */
export function t(): Texts {
  return TEXTS[language];
}

/** The current language. */
export function currentLanguage(): Language {
  return language;
}

/** Picks the library's message of the current language. */
export function say(zh: string, en: string): string {
  return language === 'zh' ? zh : en;
}

/** Switches the language and re-renders every text. */
export function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

/** Calls `render` now and after each language switch. */
export function onLanguage(render: () => void): void {
  listeners.push(render);
  render();
}

type Child = Node | string | null | undefined | false;

/** `<tag attrs>children</tag>`; attributes starting with `on` are listeners. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class') node.className = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A text node that follows the language (`pick` reads the current table). */
export function text(pick: (texts: Texts) => string): HTMLSpanElement {
  const span = el('span');
  onLanguage(() => {
    span.textContent = pick(t());
  });
  return span;
}

/** An element whose contents are rebuilt by `render` now and on each language switch. */
export function live(render: () => Child | Child[], tag: 'div' | 'span' = 'div', attrs: Record<string, unknown> = {}): HTMLElement {
  const node = el(tag, attrs);
  let current = render;
  const draw = (): void => {
    const out = current();
    node.replaceChildren(...(Array.isArray(out) ? out : [out]).filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  };
  onLanguage(draw);
  (node as HTMLElement & { rerender?: (r: () => Child | Child[]) => void }).rerender = (r) => {
    current = r;
    draw();
  };
  return node;
}

/** Replaces what a {@link live} element renders. */
export function show(node: HTMLElement, render: () => Child | Child[]): void {
  (node as HTMLElement & { rerender: (r: () => Child | Child[]) => void }).rerender(render);
}

/** A file input shown as a drop zone; `files()` gives the chosen files. */
export function fileInput(id: string, label: (texts: Texts) => string, options: { readonly optional?: boolean; readonly multiple?: boolean; readonly accept?: string } = {}): { readonly node: HTMLElement; readonly files: () => File[] } {
  const input = el('input', { type: 'file', id, 'data-testid': id, multiple: options.multiple === true, accept: options.accept, class: 'file-input' });
  const chosen = live(() => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return el('span', { class: 'muted' }, t().noFile);
    return files.map((f) => el('span', { class: 'file-name' }, `${f.name} · ${formatBytes(f.size)}`));
  }, 'div', { class: 'file-chosen' });
  input.addEventListener('change', () => show(chosen, () => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return el('span', { class: 'muted' }, t().noFile);
    return files.map((f) => el('span', { class: 'file-name' }, `${f.name} · ${formatBytes(f.size)}`));
  }));
  const zone = el('label', { class: 'drop', for: id },
    el('span', { class: 'drop-title' }, text(label), options.optional === true ? text((x) => x.optional) : null),
    el('span', { class: 'drop-hint' }, el('span', { class: 'button-like' }, text((x) => x.chooseFile)), ' ', text((x) => x.orDrop)),
    chosen,
    input,
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const dropped = event.dataTransfer?.files;
    if (dropped === undefined || dropped.length === 0) return;
    input.files = dropped;
    input.dispatchEvent(new Event('change'));
  });
  return { node: zone, files: () => [...(input.files ?? [])] };
}

/** Thousands separators, the same in both languages (digits only: no locale formatting). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1_048_576) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1_048_576).toFixed(1)} MiB`;
}

/** A progress bar and its line of text. */
export function progressBar(): { readonly node: HTMLElement; readonly update: (p: Progress) => void; readonly reset: () => void; readonly busy: (on: boolean) => void } {
  const bar = el('progress', { max: '1000', value: '0', 'data-testid': 'progress' });
  let last: Progress | undefined;
  const label = live(() => {
    if (last === undefined) return t().working;
    const rows = formatCount(last.rows);
    if (last.totalBytes !== undefined && last.totalBytes > 0) {
      const percent = `${Math.min(100, Math.floor((last.bytesRead * 100) / last.totalBytes))}%`;
      return t().readProgress(percent, rows, last.pass);
    }
    return t().readRows(rows, last.pass);
  }, 'div', { class: 'progress-text' });
  const node = el('div', { class: 'progress', hidden: true }, bar, label);
  return {
    node,
    update: (p) => {
      last = p;
      if (p.totalBytes !== undefined && p.totalBytes > 0) bar.value = Math.min(1000, Math.floor((p.bytesRead * 1000) / p.totalBytes));
      else bar.removeAttribute('value');
      show(label, () => {
        if (last === undefined) return t().working;
        const rows = formatCount(last.rows);
        if (last.totalBytes !== undefined && last.totalBytes > 0) return t().readProgress(`${Math.min(100, Math.floor((last.bytesRead * 100) / last.totalBytes))}%`, rows, last.pass);
        return t().readRows(rows, last.pass);
      });
    },
    reset: () => {
      last = undefined;
      bar.value = 0;
      show(label, () => t().working);
    },
    busy: (on) => {
      node.hidden = !on;
    },
  };
}

function problemLine(p: PageProblem): HTMLElement {
  const where = t().lineOf(p.file, p.line);
  const path = p.path !== undefined && p.path.length > 0 ? ` (${p.path.join('.')})` : '';
  return el('li', {}, el('span', { class: 'where' }, where), ' ', el('code', { class: 'code' }, p.code), ' ', say(p.messageZh, p.messageEn) + path);
}

/** The problems of the input, as the command line lists them (code, place, message). */
export function renderProblems(report: ProblemReport): HTMLElement {
  const shown = report.problems.slice(0, 50);
  return el('div', { class: 'problems', 'data-testid': 'problems' },
    el('p', { class: 'problems-title' }, t().problemsTitle(report.count)),
    el('ul', {}, ...shown.map(problemLine)),
    report.count > shown.length ? el('p', { class: 'muted' }, t().problemsMore(report.count - shown.length)) : null,
  );
}

/** A coded error of a call (a library refusal or an internal error). */
export function renderError(error: unknown): HTMLElement {
  const e = error instanceof CallError ? error : new CallError('INTERNAL_ERROR', String(error), String(error), undefined);
  const path = e.path !== undefined && e.path.length > 0 ? ` (${e.path.join('.')})` : '';
  return el('div', { class: 'problems', 'data-testid': 'error' },
    el('p', { class: 'problems-title' }, t().errorTitle),
    el('p', {}, el('code', { class: 'code' }, e.code), ' ', say(e.messageZh, e.messageEn) + path),
  );
}

/** A two-column table of facts. */
export function factTable(rows: readonly (readonly [string, Child])[]): HTMLElement {
  return el('table', { class: 'facts' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
}

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isProblems(value: unknown): value is ProblemReport {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'problems';
}
