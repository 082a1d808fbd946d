/**
 * Writes test/vectors/draw/outcomes.json — known answers of 查询本单位 (docs/spec.md §7.8) — from the cases of
 * test/vectors/draw/cases.json: each case is drawn again (and must reproduce its vector), then a few entities are
 * asked about: the first and last drawn, the three undrawn register entities with the smallest tickets and the one
 * with the largest (with their rows, and the first of them also without), and an id in no register. A query
 * `{ id, withRow: true }` passes the entity's register row (from cases.json) as `entity`; `withRow: false` the id alone.
 * Run: npx tsx test/draw/make-outcome-vectors.ts (only when intentionally changing outputs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkEntityOutcome, computeTicket, drawTargets, seedFromDice, type DrawRecord, type DrawSpec, type EntityOutcomeQuery, type PastInspection } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';

export interface DrawCase {
  readonly name: string;
  readonly input: { readonly register: string; readonly spec: DrawSpec; readonly dice: string; readonly history: readonly PastInspection[] };
  readonly expected: { readonly seed: string; readonly selected: DrawRecord['selected'] };
}
export interface DrawCases {
  readonly registers: Readonly<Record<string, readonly Entity[]>>;
  readonly cases: readonly DrawCase[];
}
export interface OutcomeVector {
  readonly case: string;
  readonly query: { readonly id: string; readonly withRow: boolean };
  readonly expected: {
    readonly id: string;
    readonly ticket: string;
    readonly selected: boolean;
    readonly strata: readonly { readonly stratum: string | null; readonly verdict: string; readonly cutoffTicket: string | null; readonly inclusionProbability: string | null }[];
  };
}

/** The record of a case, drawn again; throws if it no longer reproduces the case's vector. */
export function recordOf(cases: DrawCases, c: DrawCase): DrawRecord {
  const seed = seedFromDice(c.input.dice);
  const { record } = drawTargets(cases.registers[c.input.register]!, c.input.spec, { seed, history: c.input.history });
  if (record.seed !== c.expected.seed || JSON.stringify(record.selected) !== JSON.stringify(c.expected.selected)) throw new Error(`case ${c.name} no longer reproduces cases.json`);
  return record;
}

/** The query of a vector, its row taken from the case's register. */
export function queryOf(cases: DrawCases, c: DrawCase, q: OutcomeVector['query']): EntityOutcomeQuery {
  if (!q.withRow) return { id: q.id };
  const e = cases.registers[c.input.register]!.find((x) => x.id === q.id)!;
  return { id: q.id, entity: e as unknown as Record<string, unknown> };
}

/** The queries asked of one case. */
export function queriesOf(cases: DrawCases, c: DrawCase, record: DrawRecord): OutcomeVector['query'][] {
  const register = cases.registers[c.input.register]!;
  const drawn = new Set(record.selected.map((s) => s.id));
  const undrawn = register.filter((e) => !drawn.has(e.id.normalize('NFC')))
    .map((e) => ({ e, t: computeTicket(record.seed, record.label, e.id) }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .map((x) => x.e);
  const out: OutcomeVector['query'][] = [];
  if (record.selected.length > 0) {
    out.push({ id: record.selected[0]!.id, withRow: false });
    if (record.selected.length > 1) out.push({ id: record.selected.at(-1)!.id, withRow: false });
  }
  for (const e of undrawn.slice(0, 3)) out.push({ id: e.id, withRow: true });
  if (undrawn.length > 0) out.push({ id: undrawn[0]!.id, withRow: false });
  if (undrawn.length > 3) out.push({ id: undrawn.at(-1)!.id, withRow: true });
  out.push({ id: 'ABSENT-0001', withRow: false });
  return out;
}

/** The expected fields of one answer. */
export function expectedOf(record: DrawRecord, query: EntityOutcomeQuery): OutcomeVector['expected'] {
  const o = checkEntityOutcome(record, query);
  return {
    id: o.id,
    ticket: o.ticket,
    selected: o.selected,
    strata: o.strata.map((s) => ({ stratum: s.stratum, verdict: s.verdict, cutoffTicket: s.cutoffTicket, inclusionProbability: s.inclusionProbability })),
  };
}

/** Reads cases.json. */
export function readCases(): DrawCases {
  return JSON.parse(readFileSync(new URL('../vectors/draw/cases.json', import.meta.url), 'utf8')) as DrawCases;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const cases = readCases();
  const vectors: OutcomeVector[] = [];
  for (const c of cases.cases) {
    const record = recordOf(cases, c);
    for (const query of queriesOf(cases, c, record)) vectors.push({ case: c.name, query, expected: expectedOf(record, queryOf(cases, c, query)) });
  }
  const doc = { algorithm: 'shuangsuiji-draw', version: 1, section: 'docs/spec.md §7.8', source: 'test/vectors/draw/cases.json', vectors };
  // One vector a line: small, and a change shows as the lines of the vectors it touches.
  const lines = vectors.map((v) => JSON.stringify(v));
  const head = JSON.stringify({ ...doc, vectors: [] }, null, 1).replace(/\[\]\n\}$/, '');
  writeFileSync(new URL('../vectors/draw/outcomes.json', import.meta.url), `${head}[\n${lines.join(',\n')}\n]\n}\n`);
  console.log(`wrote ${vectors.length} outcome vectors`);
}
