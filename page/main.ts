/**
 * The verification page: tabs for each view, the language switch, and the worker (created from its inlined code,
 * see `rpc.ts`). Built by `scripts/build-page.ts` into one self-contained HTML file.
 */
import { initWorker } from './rpc.js';
import { currentLanguage, el, setLanguage, text } from './ui.js';
import type { Texts } from './texts.js';
import { VIEWS } from './views/index.js';

declare const __WORKER_CODE__: string;

function start(): void {
  initWorker(__WORKER_CODE__);
  const root = document.getElementById('app');
  if (root === null) return;
  const panels = new Map<string, HTMLElement>();
  const tabs = new Map<string, HTMLButtonElement>();
  const select = (id: string): void => {
    for (const [key, panel] of panels) panel.hidden = key !== id;
    for (const [key, tab] of tabs) tab.setAttribute('aria-selected', String(key === id));
    if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  };
  const nav = el('nav', { class: 'tabs', role: 'tablist' });
  const main = el('main', {});
  for (const view of VIEWS) {
    const tab = el('button', { role: 'tab', class: 'tab', 'data-testid': `tab-${view.id}`, onclick: () => select(view.id) }, text(view.title as (x: Texts) => string));
    tabs.set(view.id, tab);
    nav.append(tab);
    const panel = el('section', { role: 'tabpanel', id: `view-${view.id}`, 'data-testid': `view-${view.id}` }, view.build());
    panels.set(view.id, panel);
    main.append(panel);
  }
  const switcher = el('button', { class: 'lang', 'data-testid': 'switch-language', onclick: () => setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh') }, text((x) => x.switchLanguage));
  root.replaceChildren(
    el('header', {}, el('div', { class: 'head-row' }, el('h1', {}, text((x) => x.title)), switcher), el('p', { class: 'subtitle' }, text((x) => x.subtitle)), nav),
    main,
    el('footer', {}, text((x) => x.footer)),
  );
  const wanted = location.hash.slice(1);
  select(VIEWS.some((v) => v.id === wanted) ? wanted : VIEWS[0]!.id);
}

start();
