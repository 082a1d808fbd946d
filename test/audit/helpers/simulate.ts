/**
 * Simulated registers and departments for the audit tests: a fair department (stratified simple random
 * sampling), and biased ones (a favoured set never drawn, one region drawn at twice the rate, a small pool
 * drawn over and over).
 */
import type { AuditDrawFunction, AuditEntity, HistoryDraw, RegisterSnapshot, StatedDesign } from '../../../src/audit/index.js';
import { sampleSize } from '../../../src/draw/index.js';
import type { Prng } from './prng.js';
import { createPrng, prngFromString } from './prng.js';

export const REGIONS = ['410402', '410403', '410404', '410411', '410421', '410422', '410423', '410425'] as const;
export const INDUSTRIES = ['批发和零售业', '制造业', '住宿和餐饮业', '建筑业', '租赁和商务服务业', '信息技术服务业'] as const;
export const RISK = ['A', 'B', 'C', 'D'] as const;
const RISK_WEIGHTS = [0.5, 0.35, 0.1, 0.05];

function pick<T>(prng: Prng, values: readonly T[]): T {
  return values[prng.int(values.length)] as T;
}

function entity(prng: Prng, serial: number): AuditEntity {
  const u = prng.next();
  let acc = 0;
  let risk: string = 'D';
  for (let i = 0; i < RISK.length; i++) {
    acc += RISK_WEIGHTS[i] as number;
    if (u < acc) {
      risk = RISK[i] as string;
      break;
    }
  }
  const region = pick(prng, REGIONS);
  return {
    id: `E${String(serial).padStart(6, '0')}`,
    riskClass: risk,
    regionCode: region,
    supervisingUnit: `${region}-所${1 + prng.int(3)}`,
    industry: pick(prng, INDUSTRIES),
  };
}

/** Yearly snapshots: `size` entities in the first year, then ~5% leave and ~5% join each year. */
export function simulateRegisters(seed: number, size: number, years: readonly number[]): RegisterSnapshot[] {
  const prng = createPrng(seed);
  let serial = 0;
  let current: AuditEntity[] = Array.from({ length: size }, () => entity(prng, serial++));
  return years.map((year, y) => {
    if (y > 0) {
      current = current.filter(() => prng.next() >= 0.05);
      while (current.length < size) current.push(entity(prng, serial++));
    }
    return { id: `S${year}`, entities: current };
  });
}

/** Takes the smallest `n` of `keys` (a partial selection over random keys). */
function smallestKeys(ids: readonly string[], keys: readonly number[], n: number): string[] {
  const order = ids.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number));
  return order.slice(0, n).map((i) => ids[i] as string);
}

function strata(population: readonly AuditEntity[], design: StatedDesign): Map<string, AuditEntity[]> {
  const map = new Map<string, AuditEntity[]>();
  for (const e of population) {
    const key = design.stratifyBy === undefined ? 'all' : (e[design.stratifyBy] as string);
    const list = map.get(key) ?? [];
    list.push(e);
    map.set(key, list);
  }
  return map;
}

function stratumSize(design: StatedDesign, key: string, size: number): number {
  if (design.sizes !== undefined) return design.sizes[key] ?? 0;
  const ratio = design.ratio ?? design.ratios?.[key] ?? 0;
  return ratio === 0 ? 0 : sampleSize(size, { ratio, rounding: design.rounding ?? 'up' });
}

/** A department's selection rule: given a stratum's eligible entities and a size, pick ids. */
export type Selector = (stratum: readonly AuditEntity[], n: number, prng: Prng) => string[];

/** Fair: simple random sampling without replacement. */
export const fairSelector: Selector = (stratum, n, prng) =>
  smallestKeys(stratum.map((e) => e.id), stratum.map(() => prng.next()), n);

/** Never draws the `favoured` ids (draws the stated number from the others). */
export function favouredNeverSelector(favoured: ReadonlySet<string>): Selector {
  return (stratum, n, prng) => fairSelector(stratum.filter((e) => !favoured.has(e.id)), n, prng);
}

/** Draws entities of `region` at `factor` times the chance (successive sampling with weights). */
export function regionFactorSelector(region: string, factor: number): Selector {
  // Efraimidis–Spirakis keys u^(1/w), largest first = successive sampling proportional to w.
  return (stratum, n, prng) =>
    smallestKeys(
      stratum.map((e) => e.id),
      stratum.map((e) => -Math.log(prng.next() || Number.MIN_VALUE) / (e.regionCode === region ? factor : 1)),
      n,
    );
}

/** Draws only from a fixed pool (the first `share` of each stratum by id) — the "same firms every year" system. */
export function poolSelector(share: number): Selector {
  return (stratum, n, prng) => {
    const sorted = [...stratum].sort((a, b) => (a.id < b.id ? -1 : 1));
    const pool = sorted.slice(0, Math.max(n, Math.ceil(sorted.length * share)));
    return fairSelector(pool, n, prng);
  };
}

/** One history: a draw per snapshot under `design`, selected by `selector`. */
export function simulateHistory(
  snapshots: readonly RegisterSnapshot[],
  design: StatedDesign,
  selector: Selector,
  seed: number,
): HistoryDraw[] {
  const prng = createPrng(seed);
  return snapshots.map((snapshot) => {
    const selectedIds: string[] = [];
    const byStratum = strata(snapshot.entities, design);
    for (const key of [...byStratum.keys()].sort()) {
      const members = byStratum.get(key) as AuditEntity[];
      selectedIds.push(...selector(members, stratumSize(design, key, members.length), prng));
    }
    const year = Number(snapshot.id.slice(1));
    return { label: `${year} 年度`, year, snapshotId: snapshot.id, selectedIds };
  });
}

/**
 * A simple weighted sampler for Monte-Carlo tests (successive sampling proportional to `weight` within each
 * stratum, via Efraimidis–Spirakis keys); deterministic in its seed string.
 */
export const successiveSampler: AuditDrawFunction = (population, design, seed) => {
  const prng = prngFromString(seed);
  const byStratum = strata(population, design);
  const out: string[] = [];
  for (const key of [...byStratum.keys()].sort()) {
    const members = byStratum.get(key) as AuditEntity[];
    out.push(
      ...smallestKeys(
        members.map((e) => e.id),
        members.map((e) => -Math.log(prng.next() || Number.MIN_VALUE) / (e.weight ?? 1)),
        stratumSize(design, key, members.length),
      ),
    );
  }
  return out;
};
