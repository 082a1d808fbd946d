/**
 * A detached copy of untrusted JSON-shaped input, made before a schema reads it.
 *
 * Why: zod 4's `.readonly()` freezes the value it was given when the parse fails (so a failed parse would freeze
 * the caller's own objects: an input mutated), and throws a `TypeError` on a typed array where an array or an
 * object was expected. Parsing a private copy keeps the caller's input untouched and every failure a coded
 * problem. The copy also bounds what a schema walks: nesting deeper than {@link MAX_INPUT_DEPTH} and cycles are
 * refused before any recursion (a recursive schema such as the 定向 `anyOf` conditions would otherwise overflow
 * the stack), and shared sub-objects are copied once (no blow-up on a graph with many paths).
 *
 * Only JSON data is copied: plain objects (own enumerable string keys; `__proto__` stays an own key), dense
 * arrays, strings, finite or non-finite numbers (the schema judges them), booleans, `null` and `undefined`.
 * Anything else — `Date`, `Map`, typed arrays, boxed values, class instances, functions, symbols, BigInts,
 * sparse arrays — is refused with `NOT_PLAIN_DATA` and its path: such values are never valid in a task, a
 * result, a plan, a register row or a notice.
 *
 * (The same guard belongs in `src/internals/zod-issues.ts`, shared by every domain; it lives here until then.)
 *
 * @module
 */
import type { DataIssue, IssuePath } from '../../errors.js';

/** The deepest nesting accepted in workflow and audit input (the real shapes need fewer than 20 levels). */
export const MAX_INPUT_DEPTH = 64;

/** A copy, or the first reason there is none. */
export type Detached = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: DataIssue<DetachIssueCode> };

/** The codes of {@link detach}'s refusals. */
export type DetachIssueCode = 'NOT_PLAIN_DATA' | 'INPUT_TOO_DEEP' | 'INPUT_CYCLIC';

function kindOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  if (Array.isArray(value)) return 'sparse array';
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? 'object with a custom prototype' : tag;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

class Refusal {
  constructor(readonly issue: DataIssue<DetachIssueCode>) {}
}

/** Copies `value` (see the module notes); never throws, never mutates `value`. */
export function detach(value: unknown, path: IssuePath = []): Detached {
  // Copies of objects already copied, with the height of their subtree (shared sub-objects are copied once).
  const done = new Map<object, unknown>();
  const heights = new Map<object, number>();
  const active = new Set<object>();
  const at: (string | number)[] = [...path];
  let height = 0; // height of the subtree last copied (0 for a leaf)
  const refuse = (code: DetachIssueCode, zh: string, en: string): never => {
    throw new Refusal({ code, path: [...at], messageZh: zh, messageEn: en });
  };
  const copy = (node: unknown, depth: number): unknown => {
    const type = typeof node;
    if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || node === null) {
      height = 0;
      return node;
    }
    if (type !== 'object') return refuse('NOT_PLAIN_DATA', `应为 JSON 数据，收到 ${kindOf(node)}`, `expected JSON data, got a ${kindOf(node)}`);
    const object = node as object;
    const seen = done.get(object);
    if (seen !== undefined) {
      height = heights.get(object)!;
      if (depth + height > MAX_INPUT_DEPTH) refuse('INPUT_TOO_DEEP', `嵌套超过 ${MAX_INPUT_DEPTH} 层`, `nested deeper than ${MAX_INPUT_DEPTH} levels`);
      return seen;
    }
    if (active.has(object)) refuse('INPUT_CYCLIC', '数据中存在循环引用', 'the data refers back to itself (a cycle)');
    if (depth >= MAX_INPUT_DEPTH) refuse('INPUT_TOO_DEEP', `嵌套超过 ${MAX_INPUT_DEPTH} 层`, `nested deeper than ${MAX_INPUT_DEPTH} levels`);
    active.add(object);
    let own = 0;
    let out: unknown;
    if (Array.isArray(object)) {
      const length = object.length;
      const list: unknown[] = new Array<unknown>(length);
      for (let i = 0; i < length; i++) {
        at.push(i);
        if (!(i in object)) refuse('NOT_PLAIN_DATA', '数组中有空位（稀疏数组）', 'the array has a hole (a sparse array)');
        list[i] = copy(object[i], depth + 1);
        at.pop();
        if (height + 1 > own) own = height + 1;
      }
      out = list;
    } else if (isPlainObject(object)) {
      const record: Record<string, unknown> = {};
      for (const key of Object.keys(object)) {
        at.push(key);
        const child = copy((object as Record<string, unknown>)[key], depth + 1);
        at.pop();
        // `__proto__` stays an own key (an assignment would set the prototype and drop the value).
        if (key === '__proto__') Object.defineProperty(record, key, { value: child, enumerable: true, writable: true, configurable: true });
        else record[key] = child;
        if (height + 1 > own) own = height + 1;
      }
      out = record;
    } else {
      refuse('NOT_PLAIN_DATA', `应为 JSON 数据，收到 ${kindOf(node)}`, `expected JSON data, got a ${kindOf(node)}`);
    }
    active.delete(object);
    done.set(object, out);
    heights.set(object, own);
    height = own;
    return out;
  };
  try {
    return { ok: true, value: copy(value, 0) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, issue: error.issue };
    throw error;
  }
}
