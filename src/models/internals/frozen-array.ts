import * as z from 'zod';

/**
 * `z.array(item)` whose output is frozen — in place of `z.array(item).readonly()`, because zod's `readonly()`
 * freezes its input even when the array check failed, and freezing a typed array throws a TypeError: a
 * `Uint8Array` in a list field must be a validation issue, never a crash. Options: `min` elements.
 */
export function frozenArray<T extends z.ZodType>(item: T, options: { readonly min?: number } = {}) {
  const array = options.min === undefined ? z.array(item) : z.array(item).min(options.min);
  return array.transform((value): readonly z.output<T>[] => Object.freeze(value));
}

/** The frozen empty list, as the default of an optional list field. */
export const EMPTY_LIST: readonly never[] = /* @__PURE__ */ Object.freeze([]);
