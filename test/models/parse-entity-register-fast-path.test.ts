/**
 * The fast path of parseEntityRegister: column resolution by key sequence, deferred duplicate search,
 * white-space handling and shared output values. Each case states the result an inline, row-by-row
 * reading gives (the behaviour before the fast path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityRegister } from '../../src/models/index.js';
import type { Entity } from '../../src/models/index.js';
import { generateEntityRegister, toEntityExportRows } from '../../src/testing/index.js';

function paths(result: ReturnType<typeof parseEntityRegister>): string[] {
  return result.success ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

function jsonRows(entities: readonly Entity[]): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(entities)) as Record<string, unknown>[];
}

describe('white space', () => {
  // Every character String.prototype.trim removes.
  const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

  it.each(SPACES.map((s) => [JSON.stringify(s), s]))('a cell of only %s is absent (required fields are reported missing)', (_, space) => {
    const code = generateEntityRegister(1, { seed: 3 })[0]!.creditCode!;
    const result = parseEntityRegister([{ creditCode: code, name: space + space, kind: '企业', industry: space, 名称: 'x' }]);
    // Before, characters such as U+2000 slipped past the "absent" check: the row vanished without an issue.
    expect(result.success).toBe(true);
    if (result.success) expect(result.data[0]).toEqual({ id: code, creditCode: code, name: 'x', kind: 'enterprise', status: 'active', lists: [], complaintCount: 0, tags: [] });
    expect(paths(parseEntityRegister([{ creditCode: code, name: space, kind: '企业' }]))).toEqual(['0.name:MISSING_FIELD']);
  });

  it('text is trimmed of any white space, and kept as given otherwise', () => {
    const code = generateEntityRegister(1, { seed: 4 })[0]!.creditCode!;
    for (const space of SPACES) {
      const result = parseEntityRegister([{ creditCode: `${space}${code}${space}`, name: `${space}名 称${space}`, kind: `企业${space}`, tags: `${space}a${space}、b` }]);
      expect(result.success && result.data[0]).toEqual({ id: code, creditCode: code, name: '名 称', kind: 'enterprise', status: 'active', lists: [], complaintCount: 0, tags: ['a', 'b'] });
    }
  });
});

describe('columns', () => {
  it('any key order, unknown columns ignored or reported, and many distinct key sets in one register', () => {
    const entities = generateEntityRegister(6000, { seed: 'shapes' });
    const rows = toEntityExportRows(entities);
    // Shuffle each row's keys (deterministically) and add a column of its own to every third row: far more
    // distinct key sequences than the reader caches.
    const shuffled = rows.map((row, i) => {
      const keys = Object.keys(row);
      for (let j = keys.length - 1; j > 0; j--) {
        const k = (i * 7919 + j * 104729) % (j + 1);
        [keys[j], keys[k]] = [keys[k]!, keys[j]!];
      }
      const out: Record<string, string> = {};
      for (const key of keys) out[key] = row[key]!;
      if (i % 3 === 0) out[`备注${i}`] = 'x';
      return out;
    });
    expect(parseEntityRegister(shuffled, { unknownFields: 'ignore' })).toEqual({ success: true, data: entities });
    const strict = parseEntityRegister(shuffled);
    expect(strict.success).toBe(false);
    if (!strict.success) {
      expect(strict.issues).toHaveLength(2000);
      expect(strict.issues.every((issue, n) => issue.code === 'UNKNOWN_FIELD' && issue.path[0] === 3 * n && issue.path[1] === `备注${3 * n}`)).toBe(true);
    }
  });

  it('columns are own enumerable keys only', () => {
    const [entity] = generateEntityRegister(1, { seed: 5 });
    const proto = { 备注: 'inherited', name: 'inherited name' };
    const row = Object.create(proto) as Record<string, unknown>;
    Object.assign(row, { creditCode: entity!.creditCode, kind: '企业' });
    Object.defineProperty(row, 'name', { value: 'own name', enumerable: true });
    Object.defineProperty(row, '联系电话', { value: '000', enumerable: false });
    const result = parseEntityRegister([row]);
    expect(result.success && result.data[0]!.name).toBe('own name');
  });
});

describe('duplicates in a large register (found after the last row)', () => {
  it('reports both rows, the first once, in the order of an inline check', () => {
    const rows = jsonRows(generateEntityRegister(5000, { seed: 'dups' }));
    const code10 = rows[10]!['creditCode'] as string;
    const id20 = rows[20]!['id'] as string;
    delete rows[4000]!['id'];
    rows[4000]!['creditCode'] = code10; // id defaults to the code: both tables repeat row 10
    rows[4000]!['kind'] = '外星企业';
    rows[4500]!['id'] = id20; // an explicit id repeating row 20's id (its own code stays unique)
    rows[4999]!['id'] = code10;
    rows[4999]!['creditCode'] = code10;
    rows[30] = 'not a row' as never;
    expect(paths(parseEntityRegister(rows))).toEqual([
      '10.id:DUPLICATE_ID', '10.creditCode:DUPLICATE_CREDIT_CODE',
      '20.id:DUPLICATE_ID',
      '30:ROW_NOT_OBJECT',
      '4000.id:DUPLICATE_ID', '4000.creditCode:DUPLICATE_CREDIT_CODE', '4000.kind:UNKNOWN_KIND',
      '4500.id:DUPLICATE_ID',
      '4999.id:DUPLICATE_ID', '4999.creditCode:DUPLICATE_CREDIT_CODE',
    ]);
  });

  it('property: the issues of a register are those of its rows parsed with the same duplicates found row by row', () => {
    const base = jsonRows(generateEntityRegister(3000, { seed: 'dup-property' }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2999), fc.nat(2999), fc.boolean()), { maxLength: 12 }), (copies) => {
        const rows = base.map((row) => ({ ...row }));
        for (const [from, to, idOnly] of copies) {
          if (idOnly) rows[to]!['id'] = rows[from]!['id'];
          else rows[to] = { ...rows[from]! };
        }
        // Reference: first row of each key, both rows reported, the first once per column, in row order.
        const expected: string[] = [];
        for (const column of ['id', 'creditCode'] as const) {
          const first = new Map<string, number>();
          const reported = new Set<number>();
          rows.forEach((row, index) => {
            const key = row[column] as string | undefined;
            if (key === undefined) return;
            const earlier = first.get(key);
            if (earlier === undefined) first.set(key, index);
            else {
              if (!reported.has(earlier)) {
                reported.add(earlier);
                expected.push(`${earlier}.${column}`);
              }
              expected.push(`${index}.${column}`);
            }
          });
        }
        const rowOf = (p: string): number => Number(p.split('.')[0]);
        const order = (p: string): number => rowOf(p) * 2 + (p.endsWith('.id') ? 0 : 1);
        expected.sort((a, b) => order(a) - order(b));
        const result = parseEntityRegister(rows);
        expect(result.success).toBe(expected.length === 0);
        const got = result.success ? [] : result.issues.map((i) => `${i.path.join('.')}`);
        expect(got).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe('output values', () => {
  it('entities, lists and tags are frozen plain values; equal lists may be shared', () => {
    const entities = generateEntityRegister(400, { seed: 'lists' });
    const result = parseEntityRegister(jsonRows(entities));
    expect(result).toEqual({ success: true, data: entities });
    if (!result.success) return;
    for (const entity of result.data) {
      expect(Object.getPrototypeOf(entity)).toBe(Object.prototype);
      expect(Object.isFrozen(entity) && Object.isFrozen(entity.lists) && Object.isFrozen(entity.tags)).toBe(true);
      expect(Object.values(entity)).not.toContain(undefined);
    }
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(entities);
  });
});
