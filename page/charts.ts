/**
 * Pictures of the page, drawn as SVG by hand (no chart library): the drawn tickets of each stratum against its
 * cut-off, and for a history of draws, how often entities were drawn against what the designs expect. Floats are
 * used for drawing only; nothing here decides anything.
 */
import type { DrawRecord } from '../src/draw/draw-record.js';
import { t } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

/** A ticket (64 hex digits, a 256-bit integer) as a fraction of 2^256, to 52 bits: for drawing only. */
export function ticketFraction(ticket: string): number {
  return parseInt(ticket.slice(0, 13), 16) / 2 ** 52;
}

/** A short decimal for an axis or a label: enough digits for its size, never an exponent above 1e-6. */
export function shortNumber(x: number): string {
  if (x === 0) return '0';
  if (x < 1e-6) return x.toExponential(1);
  const digits = Math.min(8, Math.max(2, Math.ceil(-Math.log10(x)) + 1));
  return x.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
}

/** The end of an axis just beyond `x` (1, 2 or 5 times a power of ten, at most 1) and its tick step. */
function niceAxis(x: number): { readonly end: number; readonly step: number } {
  if (x >= 0.5) return { end: 1, step: 0.2 };
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5]) if (m * p >= x) return { end: m * p, step: m === 2 ? p / 2 : p * (m / 5) };
  return { end: 10 * p, step: 2 * p };
}

interface StratumRow {
  readonly stratum: string | null;
  readonly name: string;
  readonly fractions: number[];
  readonly population: number;
  readonly selected: number;
}

function strataOf(record: DrawRecord): StratumRow[] {
  const rows = new Map<string, StratumRow>();
  const key = (s: string | null): string => (s === null ? '\u0000all' : s);
  for (const s of record.strata) rows.set(key(s.stratum), { stratum: s.stratum, name: s.stratum === null ? t().chartAll : s.stratum === '' ? t().chartMissing : s.stratum, fractions: [], population: s.population, selected: s.selected });
  for (const s of record.selected) {
    let row = rows.get(key(s.stratum));
    if (row === undefined) {
      row = { stratum: s.stratum, name: s.stratum ?? t().chartAll, fractions: [], population: 0, selected: 0 };
      rows.set(key(s.stratum), row);
    }
    row.fractions.push(ticketFraction(s.ticket));
  }
  return [...rows.values()];
}

/**
 * The ticket picture of a draw record: one axis per stratum, the drawn tickets as dots, the cut-off (the largest
 * drawn ticket) and where the sampling fraction puts it on average (k/(N+1) for the k-th smallest of N uniform
 * tickets). Each axis is zoomed to show its cut-off. `mark`: a ticket to point at (查询本单位), with its stratum.
 */
export function ticketChart(record: DrawRecord, mark?: { readonly ticket: string; readonly stratum: string | null | undefined }): SVGSVGElement | HTMLElement {
  const weighted = record.spec.weights !== undefined;
  const rows = strataOf(record).filter((r) => r.population > 0 || r.fractions.length > 0);
  const width = 680, left = 16, right = 664, rowHeight = 78, emptyHeight = 26, top = 8;
  // A stratum that drew nothing has no cut-off: one line of text, no axis.
  const heightOf = (row: StratumRow): number => (row.fractions.length === 0 ? emptyHeight : rowHeight);
  const height = top + Math.max(rowHeight, rows.reduce((sum, row) => sum + heightOf(row), 0));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart', 'data-testid': 'ticket-chart' });
  chart.append(svg('title', {}, t().chartTitle));
  if (rows.length === 0) {
    chart.append(svg('text', { x: left, y: 30, class: 'chart-label' }, t().chartNoStrata));
    return chart;
  }
  let y0 = top;
  rows.forEach((row) => {
    const rowTop = y0;
    y0 += heightOf(row);
    if (row.fractions.length === 0) {
      chart.append(svg('text', { x: left, y: rowTop + 14, class: 'chart-label' }, `${t().chartStratum(row.name)} · ${t().chartLegend(row.selected, row.population)}`));
      return;
    }
    const axisY = rowTop + 44;
    const cutoff = row.fractions.length > 0 ? Math.max(...row.fractions) : 0;
    const expected = row.population > 0 ? row.selected / (row.population + 1) : 0;
    const axis = weighted ? { end: 1, step: 0.2 } : niceAxis(Math.max(cutoff, expected, 1e-12) * 1.25);
    const range = axis.end;
    const x = (f: number): number => left + ((right - left) * Math.min(f, range)) / range;
    const g = svg('g', { class: 'stratum' });
    const markHere = mark !== undefined && (mark.stratum === undefined || mark.stratum === row.stratum);
    g.append(svg('text', { x: left, y: rowTop + 14, class: 'chart-label' }, `${t().chartStratum(row.name)} · ${t().chartLegend(row.selected, row.population)}`));
    if (!weighted && row.fractions.length > 0) g.append(svg('rect', { x: left, y: axisY - 14, width: x(cutoff) - left, height: 28, class: 'chart-taken' }));
    g.append(svg('line', { x1: left, y1: axisY, x2: right, y2: axisY, class: 'chart-axis' }));
    const ticks = Math.round(range / axis.step);
    for (let k = 0; k <= ticks; k++) {
      const v = k * axis.step;
      g.append(svg('line', { x1: x(v), y1: axisY - 3, x2: x(v), y2: axisY + 3, class: 'chart-axis' }));
      g.append(svg('text', { x: x(v), y: axisY + 26, class: 'chart-tick', 'text-anchor': k === 0 ? 'start' : k === ticks ? 'end' : 'middle' }, shortNumber(v)));
    }
    // Many drawn tickets: an even sample of at most 1500 dots says as much and keeps the page light.
    const step = Math.max(1, Math.ceil(row.fractions.length / 1500));
    const dots = svg('g', { class: 'chart-dots' });
    for (let k = 0; k < row.fractions.length; k += step) dots.append(svg('circle', { cx: x(row.fractions[k]!), cy: axisY, r: 3.2 }));
    g.append(dots);
    if (!weighted && row.fractions.length > 0) {
      g.append(svg('line', { x1: x(expected), y1: axisY - 18, x2: x(expected), y2: axisY + 14, class: 'chart-expected' }, svg('title', {}, `${t().chartExpected} ${shortNumber(expected)}`)));
      g.append(svg('line', { x1: x(cutoff), y1: axisY - 20, x2: x(cutoff), y2: axisY + 14, class: 'chart-cutoff' }, svg('title', {}, `${t().chartCutoff} ${shortNumber(cutoff)}`)));
      const anchor = x(cutoff) > right - 120 ? 'end' : 'start';
      g.append(svg('text', { x: x(cutoff) + (anchor === 'start' ? 4 : -4), y: axisY - 20, class: 'chart-note', 'text-anchor': anchor }, `${t().chartCutoff} ${shortNumber(cutoff)}`));
    }
    if (mark !== undefined && markHere) {
      const f = ticketFraction(mark.ticket);
      const mx = x(f);
      const beyond = f > range;
      g.append(svg('path', { d: `M ${mx} ${axisY + 4} l -6 10 l 12 0 z`, class: 'chart-you' }));
      // Above the axis, clear of the tick labels; a ticket past the zoomed axis is pointed at from its end.
      g.append(svg('text', { x: beyond ? right : mx, y: axisY - 10, class: 'chart-you-label', 'text-anchor': beyond || mx > right - 60 ? 'end' : 'middle' }, `${t().chartYou} ${shortNumber(f)}${beyond ? ' →' : ''}`));
    }
    chart.append(g);
  });
  return chart;
}

/** One class of a repeat-distribution breakdown: entities drawn `category` times, observed and expected. */
export interface RepeatClass {
  readonly category: string;
  readonly observed: number;
  readonly expected: number;
}

/** Bars of how many entities were drawn 0, 1, 2 … times: observed (filled) against expected (outlined). */
export function repeatChart(classes: readonly RepeatClass[]): SVGSVGElement {
  const sorted = [...classes].sort((a, b) => parseInt(a.category, 10) - parseInt(b.category, 10));
  const width = 680, height = 240, left = 56, bottom = 200, top = 16;
  const max = Math.max(1, ...sorted.map((c) => Math.max(c.observed, c.expected)));
  const band = (width - left - 16) / Math.max(1, sorted.length);
  const y = (v: number): number => bottom - ((bottom - top) * v) / max;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart', 'data-testid': 'repeat-chart' });
  chart.append(svg('line', { x1: left, y1: bottom, x2: width - 16, y2: bottom, class: 'chart-axis' }));
  chart.append(svg('text', { x: 8, y: top + 4, class: 'chart-tick' }, String(Math.round(max))));
  chart.append(svg('text', { x: 8, y: bottom, class: 'chart-tick' }, '0'));
  sorted.forEach((c, i) => {
    const x0 = left + i * band + band * 0.15;
    const w = band * 0.35;
    chart.append(svg('rect', { x: x0, y: y(c.observed), width: w, height: bottom - y(c.observed), class: 'bar-observed' }, svg('title', {}, `${c.observed}`)));
    chart.append(svg('rect', { x: x0 + w, y: y(c.expected), width: w, height: bottom - y(c.expected), class: 'bar-expected' }, svg('title', {}, shortNumber(c.expected))));
    chart.append(svg('text', { x: x0 + w, y: bottom + 18, class: 'chart-tick', 'text-anchor': 'middle' }, t().historyTimes(c.category)));
    chart.append(svg('text', { x: x0 + w / 2, y: y(c.observed) - 4, class: 'chart-note', 'text-anchor': 'middle' }, String(c.observed)));
  });
  return chart;
}

/**
 * Each entity as a point (times expected, times drawn); entities on one spot form one bubble, its area growing with
 * their number (written beside it). The dashed line is "drawn as often as expected".
 */
export function inclusionScatter(points: readonly { readonly expected: number; readonly observed: number; readonly n: number }[]): SVGSVGElement {
  const width = 680, height = 330, left = 64, right = 650, top = 20, bottom = 270;
  const maxX = Math.max(1e-9, ...points.map((p) => p.expected));
  const maxY = Math.max(1, ...points.map((p) => p.observed));
  const xSpan = maxX * 1.25;
  const { end: xEnd, step: xStep } = xSpan > 1 ? { end: Math.ceil(xSpan), step: Math.max(1, Math.ceil(Math.ceil(xSpan) / 5)) } : niceAxis(xSpan);
  const yEnd = maxY + 0.5;
  const x = (v: number): number => left + ((right - left) * v) / xEnd;
  const y = (v: number): number => bottom - ((bottom - top) * v) / yEnd;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart', 'data-testid': 'inclusion-scatter' });
  chart.append(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'chart-axis' }));
  chart.append(svg('line', { x1: left, y1: bottom, x2: left, y2: top, class: 'chart-axis' }));
  const diagonalEnd = Math.min(xEnd, yEnd);
  chart.append(svg('line', { x1: x(0), y1: y(0), x2: x(diagonalEnd), y2: y(diagonalEnd), class: 'chart-expected' }));
  for (let k = 0; k * xStep <= xEnd + 1e-12; k++) {
    chart.append(svg('text', { x: x(k * xStep), y: bottom + 16, class: 'chart-tick', 'text-anchor': 'middle' }, shortNumber(k * xStep)));
  }
  for (let k = 0; k <= maxY; k++) chart.append(svg('text', { x: left - 8, y: y(k) + 4, class: 'chart-tick', 'text-anchor': 'end' }, String(k)));
  chart.append(svg('text', { x: (left + right) / 2, y: height - 20, class: 'chart-label', 'text-anchor': 'middle' }, t().historyExpected));
  chart.append(svg('text', { x: 16, y: (top + bottom) / 2, class: 'chart-label', 'text-anchor': 'middle', transform: `rotate(-90 16 ${(top + bottom) / 2})` }, t().historyObserved));
  const bins = new Map<string, { x: number; y: number; n: number }>();
  for (const p of points) {
    const bx = Math.round(x(p.expected) / 3) * 3;
    const key = `${bx}:${p.observed}`;
    const bin = bins.get(key);
    if (bin === undefined) bins.set(key, { x: bx, y: y(p.observed), n: p.n });
    else bin.n += p.n;
  }
  const total = Math.max(1, ...[...bins.values()].map((b) => b.n));
  const dots = svg('g', { class: 'chart-dots' });
  for (const b of bins.values()) {
    const r = 3 + 13 * Math.sqrt(b.n / total);
    dots.append(svg('circle', { cx: b.x, cy: b.y, r }, svg('title', {}, `${b.n}`)));
    dots.append(svg('text', { x: b.x + r + 4, y: b.y + 4, class: 'chart-note' }, `${b.n}`));
  }
  chart.append(dots);
  return chart;
}
