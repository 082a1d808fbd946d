import type { Inspector } from '../../src/models/inspector.js';

/** A synthetic inspector (names are placeholders, never real people). */
export function inspector(id: string, extra: Partial<Omit<Inspector, 'id'>> = {}): Inspector {
  return {
    id,
    name: `人员${id}`,
    department: '市场监管局',
    expertise: [],
    status: 'active',
    isExpert: false,
    certificate: { number: `Z-${id}`, validFrom: '2020-01-01', validTo: '2027-12-31' },
    ...extra,
  };
}
