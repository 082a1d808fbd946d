/** Tiny synthetic registers for the draw tests (no real names). */
import type { Entity } from '../../src/models/entity.js';

const KINDS = ['enterprise', 'individual-business', 'farmer-cooperative', 'other'] as const;
const STATUSES = ['active', 'active', 'active', 'active', 'active', 'deregistered', 'revoked'] as const;
const RISK = ['A', 'B', 'C', 'D', undefined] as const;
const REGIONS = ['410102', '410103', '410105', '410202', '350100'];
const SCALES = ['大型', '中型', '小型', '微型'];

/** A deterministic register of `n` entities; `prefix` varies the ids. Some ids are Chinese. */
export function makeRegister(n: number, prefix = 'E', salt = 1): Entity[] {
  let x = (salt * 2654435761) >>> 0;
  const next = (m: number): number => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % m; };
  const out: Entity[] = [];
  for (let i = 0; i < n; i++) {
    const chinese = i % 9 === 4;
    const risk = RISK[next(5)];
    const e: Record<string, unknown> = {
      id: chinese ? `${prefix}测试商户${i}号` : `${prefix}${String(i).padStart(4, '0')}`,
      name: `测试对象${i}`,
      kind: KINDS[next(4)],
      status: STATUSES[next(7)],
      lists: next(6) === 0 ? ['abnormal-operations'] : next(10) === 0 ? ['serious-violations'] : [],
      tags: next(3) === 0 ? ['食品'] : next(4) === 0 ? ['特种设备', '食品'] : [],
      complaintCount: next(4) === 0 ? next(8) : 0,
      regionCode: REGIONS[next(5)],
      scale: SCALES[next(4)],
    };
    if (risk !== undefined) e['riskClass'] = risk;
    if (next(2) === 0) e['industry'] = next(2) === 0 ? 'F5211' : 'H6210';
    out.push(e as unknown as Entity);
  }
  return out;
}

/** A plain active entity. */
export function entity(id: string, extra: Partial<Entity> = {}): Entity {
  return { id, name: `对象${id}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0, ...extra } as Entity;
}

/** Fisher–Yates with a fixed LCG (test-only ordering). */
export function shuffled<T>(items: readonly T[], salt: number): T[] {
  const a = [...items];
  let x = (salt * 747796405 + 1) >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = (x >>> 8) % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
