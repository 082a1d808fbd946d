/**
 * The harness of the never-crash property tests (issue 11 §4): arbitrary values, mutations of a valid call (one
 * argument or one nested field replaced, deleted, or joined by an unknown key), and the check that a call either
 * returns (or resolves) or throws (rejects with) a ShuangsuijiError with a code and messages in both languages —
 * a code the export declares (issue 14 §3: ./declared-codes.ts), as is every issue or verdict code it returns.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { DECLARED, type Declared } from './declared-codes.js';

export type Call = readonly unknown[];
export type AnyFunction = (...args: unknown[]) => unknown;

const nasty = fc.constantFrom<unknown>(null, undefined, '', ' ', '\uD800', 0, -1, 1.5, NaN, Infinity, 1e15, 2 ** 32, 10n, [], {}, [null], { __proto__: null }, 'constructor', '__proto__', Symbol('s'), () => 1, new Date(0), new Map());
/** Arbitrary values, with every kind fast-check can make, and values known to break careless code. */
export const arbitrary = fc.oneof(nasty, fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }));

function paths(v: unknown, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (typeof v !== 'object' || v === null || depth > 6) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k], depth + 1))];
}

/** A copy of `args` with the `pick`-th path (modulo their number) replaced by `value`, deleted, or given an extra key. */
export function mutate(args: Call, pick: number, how: 'set' | 'delete' | 'extra', value: unknown): unknown[] {
  const copy = args.map((a) => structuredClone(a)) as unknown[];
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[pick % all.length]!;
  let parent = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'delete') { if (Array.isArray(parent)) parent.splice(last as number, 1); else delete parent[last]; }
  else if (how === 'extra' && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>)['unknownKey'] = value;
  else parent[last] = value;
  return copy;
}

/** The codes `name` declares in ./declared-codes.ts (`Barrel.name` and `WorkCalendar(…)#method` are looked up as `name`, `WorkCalendar#method`). */
export function declaredCodes(name: string): Declared {
  const key = name.replace(/^(calendar|workflow|audit)\./, '').replace(/^WorkCalendar[^#]*#/, 'WorkCalendar#');
  const declared = DECLARED[key];
  if (declared === undefined) throw new Error(`${name} declares no codes: add it to test/meta/declared-codes.ts`);
  return declared;
}

/** Why `code`, thrown by `name`, breaks its declaration; `undefined` when it is declared. */
export function undeclaredThrow(name: string, code: string): string | undefined {
  return (declaredCodes(name).throws as readonly string[]).includes(code) ? undefined : `${name} threw ${code}, which it does not declare`;
}

/**
 * Why a value returned by `name` breaks its declaration: a failed parse (`{ success: false, issues }`) or verdict
 * (`{ ok: false, code }`) whose codes are not all declared as returned codes; `undefined` otherwise.
 */
export function undeclaredReturn(name: string, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { success?: unknown; issues?: unknown; ok?: unknown; code?: unknown };
  const found = v.success === false && Array.isArray(v.issues) ? v.issues.map((i: { code?: unknown }) => i.code) : v.ok === false && typeof v.code === 'string' ? [v.code] : [];
  if (found.length === 0) return undefined;
  const returns = declaredCodes(name).returns ?? [];
  const bad = found.filter((code) => typeof code !== 'string' || !returns.includes(code));
  return bad.length === 0 ? undefined : `${name} returned ${bad.map(String).join(', ')}, which it does not declare`;
}

/** Calls `f`; any failure other than a well-formed ShuangsuijiError with a declared code fails the test. */
export async function settle(name: string, f: AnyFunction, args: readonly unknown[]): Promise<void> {
  let out: unknown;
  try {
    out = f(...args);
    if (out instanceof Promise) out = await out;
  } catch (error) {
    if (!isShuangsuijiError(error)) throw new Error(`${name}(${args.map((a) => typeof a).join(', ')}) threw ${String(error)}`);
    expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(error.messageZh.length).toBeGreaterThan(0);
    expect(error.messageEn.length).toBeGreaterThan(0);
    const undeclared = undeclaredThrow(name, error.code);
    if (undeclared !== undefined) throw new Error(`${undeclared}: ${error.messageEn}`);
    return;
  }
  const undeclared = undeclaredReturn(name, out);
  if (undeclared !== undefined) throw new Error(undeclared);
}

/** Runs both properties (arbitrary tuples, mutations of the valid call) for every exported function. */
export async function neverCrash(exported: readonly [string, AnyFunction][], validCalls: Readonly<Record<string, Call>>, runs: { arbitrary: number; mutations: number }): Promise<void> {
  for (const [name, f] of exported) {
    await fc.assert(fc.asyncProperty(fc.array(arbitrary, { maxLength: 4 }), async (args) => settle(name, f, args)), { numRuns: runs.arbitrary, seed: name.length * 7919 });
    const valid = validCalls[name]!;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom<'set' | 'delete' | 'extra'>('set', 'delete', 'extra'), arbitrary, async (pick, how, value) => settle(name, f, mutate(valid, pick, how, value))),
      { numRuns: runs.mutations, seed: name.length * 104729 },
    );
  }
}

/** Every exported function has a valid call in `validCalls` (new exports are covered), and each valid call succeeds. */
export async function expectValidCalls(exported: readonly [string, AnyFunction][], validCalls: Readonly<Record<string, Call>>): Promise<void> {
  for (const [name, f] of exported) {
    expect(validCalls, `no valid call for ${name}`).toHaveProperty(name);
    declaredCodes(name);
    await f(...validCalls[name]!);
  }
}
