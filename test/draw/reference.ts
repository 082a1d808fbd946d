/**
 * A deliberately naive second implementation of the draw, written from docs/spec.md alone: node:crypto for
 * SHA-256, BigInt for everything, the whole register in memory, plain sorting. It must agree with src/draw.
 */
import { createHash } from 'node:crypto';

type Row = Record<string, unknown> & { id: string; lists: readonly string[]; tags: readonly string[]; complaintCount: number; status: string; riskClass?: string };
type Rat = [bigint, bigint];

const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const u16 = (n: number): Buffer => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const u64 = (n: number): Buffer => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; };
const lp = (s: string): Buffer => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([u32(b.length), b]); };
const F = (s: string | undefined): Buffer => (s === undefined ? u16(0) : Buffer.concat([u16(Buffer.byteLength(s) + 1), Buffer.from(s, 'utf8')]));
const S = (set: readonly string[]): Buffer => {
  const items = [...new Set(set)].map((s) => Buffer.from(s, 'utf8')).sort(Buffer.compare);
  return Buffer.concat([u16(items.length), ...items.map((b) => Buffer.concat([u16(b.length + 1), b]))]);
};
const tagBlock = (t: string, j?: number): Buffer => { const b = Buffer.alloc(64); b.write(t, 'ascii'); if (j !== undefined) b[t.length] = j; return b; };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const R = (n: bigint, d: bigint): Rat => { const g = gcd(n, d) || 1n; return [n / g, d / g]; };

function dec(v: unknown): Rat {
  let s = typeof v === 'number' ? String(v) : String(v);
  let pct = false;
  if (s.endsWith('%')) { pct = true; s = s.slice(0, -1); }
  let r: Rat;
  if (s.includes('/')) { const [a, b] = s.split('/'); r = R(BigInt(a!), BigInt(b!)); }
  else {
    const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s)!;
    const frac = m[2] ?? '';
    const e = Number(m[3] ?? 0) - frac.length;
    r = e >= 0 ? R(BigInt(m[1]! + frac) * 10n ** BigInt(e), 1n) : R(BigInt(m[1]! + frac), 10n ** BigInt(-e));
  }
  return pct ? R(r[0], r[1] * 100n) : r;
}

export function refTicket(seedHex: string, label: string, id: string): string {
  const p = Buffer.concat([Buffer.from('shuangsuiji/ticket/v1', 'ascii'), Buffer.from([0]), Buffer.from(seedHex, 'hex'), lp(label)]);
  const padded = Buffer.concat([p, Buffer.alloc((64 - (p.length % 64)) % 64)]);
  return sha(padded, Buffer.from(id.normalize('NFC'), 'utf8')).toString('hex');
}

function rowBytes(e: Row): Buffer {
  const g = (k: string): string | undefined => e[k] as string | undefined;
  return Buffer.concat([F(e.id.normalize('NFC')), F(g('kind')), F(g('status')), F(g('riskClass')), F(g('industry')), F(g('scale')), F(g('regionCode')), F(g('registrationAuthority')), F(g('supervisingUnit')), S(e.lists), S(e.tags), u32(e.complaintCount)]);
}
export const refRowHash = (e: Row): string => sha(tagBlock('shuangsuiji/row/v1'), rowBytes(e)).toString('hex');

export function refRegisterDigest(rows: readonly Row[]): string {
  const MOD = 1n << 2048n;
  let acc = 0n;
  for (const e of rows) {
    const r = sha(tagBlock('shuangsuiji/row/v1'), rowBytes(e));
    const lanes = [r];
    for (let j = 1; j < 8; j++) lanes.push(sha(tagBlock('shuangsuiji/lane/v1', j), r));
    acc = (acc + BigInt('0x' + Buffer.concat(lanes).toString('hex'))) % MOD;
  }
  const a = Buffer.from(acc.toString(16).padStart(512, '0'), 'hex');
  return sha(Buffer.from('shuangsuiji/register/v1', 'ascii'), Buffer.from([0]), u64(rows.length), a).toString('hex');
}

/** The register sum A of §4.3 as 512 hex characters (shard summaries carry it, §13.3), naively with BigInt. */
export function refRegisterSum(rows: readonly Row[]): string {
  let acc = 0n;
  for (const e of rows) {
    const r = sha(tagBlock('shuangsuiji/row/v1'), rowBytes(e));
    const lanes = [r];
    for (let j = 1; j < 8; j++) lanes.push(sha(tagBlock('shuangsuiji/lane/v1', j), r));
    acc = (acc + BigInt('0x' + Buffer.concat(lanes).toString('hex'))) % (1n << 2048n);
  }
  return acc.toString(16).padStart(512, '0');
}

export interface RefHistory { entityId: string; date: string; department: string; item: string }
export function refHistoryDigest(h: readonly RefHistory[]): string {
  const enc = h.map((x) => Buffer.concat([F(x.entityId.normalize('NFC')), F(x.date), F(x.department), F(x.item)])).sort(Buffer.compare);
  return sha(Buffer.from('shuangsuiji/history/v1', 'ascii'), Buffer.from([0]), u32(enc.length), ...enc).toString('hex');
}

function holds(c: any, e: Row): boolean {
  if (c.op === 'anyOf') return c.conditions.some((x: unknown) => holds(x, e));
  const v = e[c.field];
  switch (c.op) {
    case 'in': return typeof v === 'string' && c.values.includes(v);
    case 'notIn': return !(typeof v === 'string' && c.values.includes(v));
    case 'startsWith': return typeof v === 'string' && v.startsWith(c.value);
    case 'hasAny': return c.values.some((x: string) => (v as string[]).includes(x));
    case 'hasAll': return c.values.every((x: string) => (v as string[]).includes(x));
    case 'hasNone': return !c.values.some((x: string) => (v as string[]).includes(x));
    case 'gte': return e.complaintCount >= c.value;
    case 'lte': return e.complaintCount <= c.value;
  }
  throw new Error('bad op');
}

function size(rule: any, n: number): number {
  if ('count' in rule) return rule.count;
  const [a, b] = dec(rule.ratio);
  const N = BigInt(n);
  const r = rule.rounding ?? 'up';
  const c = r === 'down' ? (N * a) / b : r === 'half-up' ? (2n * N * a + b) / (2n * b) : (N * a + b - 1n) / b;
  return Math.max(Number(c), rule.minimum ?? 0);
}

const cp = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export interface RefResult {
  registerDigest: string;
  exclusionDigest: string;
  eligible: number;
  excluded: number;
  strata: { stratum: string | null; population: number; requested: number; size: number; certain: number; selected: number; weightScale: string | null }[];
  selected: { id: string; ticket: string; stratum: string | null; inclusionProbability: string; rowHash: string }[];
}

/** The whole draw, naively. `spec` must be a normalised spec (as in a record). */
export function refDraw(rows: readonly Row[], spec: any, seedHex: string, history: readonly RefHistory[] = []): RefResult {
  const ex = spec.exclusion;
  const excludedIds = new Set<string>();
  if (ex) for (const h of history) {
    if (Number(h.date.slice(0, 4)) !== ex.year) continue;
    if (ex.departments !== 'any' && !ex.departments.includes(h.department)) continue;
    if (ex.items !== 'any' && !ex.items.includes(h.item)) continue;
    excludedIds.add(h.entityId.normalize('NFC'));
  }
  let eligible = 0, excluded = 0;
  const pop: Row[] = [];
  for (const e of rows) {
    if (!spec.population.statuses.includes(e.status) || !spec.population.filter.every((c: unknown) => holds(c, e))) continue;
    eligible++;
    const id = e.id.normalize('NFC');
    if (excludedIds.has(id) && (ex.riskClasses === 'all' || (e.riskClass !== undefined && ex.riskClasses.includes(e.riskClass)))) { excluded++; continue; }
    pop.push(e);
  }
  const st = spec.stratification;
  const key = (e: Row): string => (st ? (typeof e[st.field] === 'string' ? (e[st.field] as string) : '') : '*');
  const groups = new Map<string, Row[]>();
  for (const e of pop) { const k = key(e); groups.set(k, [...(groups.get(k) ?? []), e]); }
  // Per-stratum sizes: the normalised list [{ stratum, size }] (spec §6) or the object form users write.
  const sizeOf = new Map<string, any>(st?.allocation === 'per-stratum' ? (Array.isArray(st.sizes) ? st.sizes.map((x: any) => [x.stratum, x.size]) : Object.entries(st.sizes)) : []);
  for (const k of sizeOf.keys()) if (!groups.has(k)) groups.set(k, []);
  if (!st && !groups.has('*')) groups.set('*', []);
  const names = [...groups.keys()].sort(cp);
  const req = new Map<string, number>();
  if (!st) req.set('*', size(spec.size, pop.length));
  else if (st.allocation === 'per-stratum') for (const k of names) { const rule = sizeOf.get(k) ?? st.otherStrata; req.set(k, rule ? size(rule, groups.get(k)!.length) : 0); }
  else {
    const N = pop.length;
    let n = size(spec.size, N);
    if (n > N) { if (spec.shortfall === 'error') throw new Error('POPULATION_TOO_SMALL'); n = N; }
    const parts = names.map((k) => { const Nh = groups.get(k)!.length; return { k, Nh, q: N === 0 ? 0 : Math.floor((n * Nh) / N), rem: N === 0 ? 0 : (n * Nh) % N }; });
    let left = n - parts.reduce((s, p) => s + p.q, 0);
    for (const p of [...parts].sort((a, b) => b.rem - a.rem || b.Nh - a.Nh || cp(a.k, b.k))) if (left-- > 0) p.q++;
    for (const p of parts) req.set(p.k, p.q);
  }
  const weight = (e: Row): Rat => {
    const w = spec.weights;
    let r = dec(w.byRiskClass?.[e.riskClass ?? 'unclassified'] ?? w.default);
    for (const l of new Set(e.lists)) if (w.byList?.[l] !== undefined) { const f = dec(w.byList[l]); r = R(r[0] * f[0], r[1] * f[1]); }
    if (w.complaints) { const p = dec(w.complaints.perComplaint); const c = BigInt(Math.min(e.complaintCount, w.complaints.cap)); r = R(r[0] * (p[1] + p[0] * c), r[1] * p[1]); }
    return r;
  };
  const TWO = 1n << 256n;
  const strata: RefResult['strata'] = [];
  const chosen: RefResult['selected'] = [];
  for (const k of names) {
    const units = groups.get(k)!;
    const requested = req.get(k)!;
    if (requested > units.length && spec.shortfall === 'error') throw new Error('POPULATION_TOO_SMALL');
    const n = Math.min(requested, units.length);
    const withT = units.map((e) => ({ e, id: e.id.normalize('NFC'), t: refTicket(seedHex, spec.label, e.id) }));
    const tie = (a: { t: string; id: string }, b: { t: string; id: string }): number => (a.t < b.t ? -1 : a.t > b.t ? 1 : cp(a.id, b.id));
    let picked: { e: Row; id: string; t: string; p: string }[];
    let certainCount = 0;
    let weightScale: string | null = null;
    if (!spec.weights) {
      const g = gcd(BigInt(n), BigInt(units.length)) || 1n;
      const p = units.length === 0 ? '0/1' : `${BigInt(n) / g}/${BigInt(units.length) / g}`;
      picked = [...withT].sort(tie).slice(0, n).map((x) => ({ ...x, p }));
    } else {
      const ws = withT.map((x) => ({ ...x, w: weight(x.e) }));
      const certain = new Set<number>();
      let W: Rat = ws.reduce<Rat>((s, x) => R(s[0] * x.w[1] + x.w[0] * s[1], s[1] * x.w[1]), [0n, 1n]);
      const order = ws.map((_, i) => i).sort((i, j) => { const a = ws[i]!.w, b = ws[j]!.w; const l = a[0] * b[1], r = b[0] * a[1]; return l > r ? -1 : l < r ? 1 : 0; });
      // Remove whole weight groups while m·w ≥ W.
      let idx = 0;
      while (idx < order.length) {
        const m = n - certain.size;
        const w = ws[order[idx]!]!.w;
        if (m <= 0 || !(BigInt(m) * w[0] * W[1] >= W[0] * w[1])) break;
        while (idx < order.length && ws[order[idx]!]!.w[0] * w[1] === w[0] * ws[order[idx]!]!.w[1]) {
          certain.add(order[idx]!);
          W = R(W[0] * w[1] - w[0] * W[1], W[1] * w[1]);
          idx++;
        }
      }
      const m = n - certain.size;
      certainCount = certain.size;
      const scale: Rat = m <= 0 || W[0] === 0n ? [0n, 1n] : R(BigInt(m) * W[1], W[0]);
      weightScale = `${scale[0]}/${scale[1]}`;
      const lam = (i: number): Rat => (certain.has(i) ? [1n, 1n] : m <= 0 || W[0] === 0n ? [0n, 1n] : R(BigInt(m) * ws[i]!.w[0] * W[1], ws[i]!.w[1] * W[0]));
      const rest = ws.map((x, i) => ({ ...x, i, lam: lam(i) })).filter((x) => !certain.has(x.i) && x.lam[0] > 0n);
      const keyed = rest.map((x) => { const t = BigInt('0x' + x.t); return { ...x, kn: t * (x.lam[1] - x.lam[0]), kd: (TWO - t) * x.lam[0] }; });
      keyed.sort((a, b) => { const l = a.kn * b.kd, r = b.kn * a.kd; return l < r ? -1 : l > r ? 1 : tie(a, b); });
      picked = [
        ...[...certain].map((i) => ({ e: ws[i]!.e, id: ws[i]!.id, t: ws[i]!.t, p: '1/1' })),
        ...keyed.slice(0, Math.max(0, m)).map((x) => ({ e: x.e, id: x.id, t: x.t, p: `${x.lam[0]}/${x.lam[1]}` })),
      ];
    }
    strata.push({ stratum: st ? k : null, population: units.length, requested, size: n, certain: certainCount, selected: picked.length, weightScale });
    for (const x of picked) chosen.push({ id: x.id, ticket: x.t, stratum: st ? k : null, inclusionProbability: x.p, rowHash: refRowHash(x.e) });
  }
  chosen.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : cp(a.id, b.id)));
  return { registerDigest: refRegisterDigest(rows), exclusionDigest: refHistoryDigest(history), eligible, excluded, strata, selected: chosen };
}
