import type * as z from 'zod';
import { ShuangsuijiError } from '../../errors.js';

/**
 * The elements of `list` as `schema` reads them, or `INVALID_ARGUMENT` at the first bad element's path: the
 * export helpers write only what the parsers would read back, never a crash on a malformed argument.
 */
export function checkedList<T>(list: unknown, schema: z.ZodType<T>, whatZh: string, whatEn: string): T[] {
  if (!Array.isArray(list)) throw new ShuangsuijiError('INVALID_ARGUMENT', `${whatZh}须为数组`, `the ${whatEn} must be an array`, { path: [] });
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const element: unknown = list[i];
    const proto = typeof element === 'object' && element !== null ? Object.getPrototypeOf(element) : undefined;
    // Plain objects only (zod's readonly() would try to freeze a typed array and throw a TypeError).
    if (proto !== Object.prototype && proto !== null) {
      throw new ShuangsuijiError('INVALID_ARGUMENT', `第 ${i} 个${whatZh}须为普通对象`, `${whatEn} ${i} must be a plain object`, { path: [i] });
    }
    const parsed = schema.safeParse(element);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ShuangsuijiError('INVALID_ARGUMENT', `第 ${i} 个${whatZh}无效：${issue.message}`, `${whatEn} ${i} is invalid: ${issue.message}`, { path: [i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))] });
    }
    out.push(parsed.data);
  }
  return out;
}
