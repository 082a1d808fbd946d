// Issue 14 §3: two copies of the library (the ESM and CommonJS builds, two bundles) have two ShuangsuijiError
// classes; `instanceof` holds across them through a registered-symbol brand, and isShuangsuijiError too.
// scripts/smoke.sh checks the same on the packed tarball's real ESM and CommonJS builds.
import { describe, expect, it } from 'vitest';
import { ShuangsuijiError, isShuangsuijiError } from '../../src/errors.js';

describe('ShuangsuijiError across copies of the library', () => {
  it('instanceof and isShuangsuijiError recognise an error of another copy, and nothing without the brand', async () => {
    // A second, separately evaluated copy of the module (Vite keys modules by URL, query included).
    const url: string = '../../src/errors.ts?second-copy';
    const other = (await import(/* @vite-ignore */ url)) as typeof import('../../src/errors.js');
    expect(other.ShuangsuijiError).not.toBe(ShuangsuijiError);
    const foreign = new other.ShuangsuijiError('INVALID_DATE', '日期无效', 'invalid date', { path: ['date'] });
    const local = new ShuangsuijiError('INVALID_SIZE', '数量无效', 'invalid size');
    expect(foreign instanceof ShuangsuijiError).toBe(true);
    expect(local instanceof other.ShuangsuijiError).toBe(true);
    expect(isShuangsuijiError(foreign, 'INVALID_DATE')).toBe(true);
    expect(other.isShuangsuijiError(local, ['INVALID_SIZE'])).toBe(true);
    for (const value of [new Error('x'), { name: 'ShuangsuijiError', code: 'INVALID_DATE' }, null, 'ShuangsuijiError', Object.create(ShuangsuijiError.prototype)]) {
      expect(value instanceof ShuangsuijiError).toBe(false);
    }
    // The brand is not an enumerable property: JSON and spreading see the error as before.
    expect(Object.getOwnPropertySymbols({ ...local })).toEqual([]);
    expect(Object.getOwnPropertySymbols(local).length).toBe(1);
    expect(JSON.stringify(local)).not.toContain('shuangsuiji.error');
  });

  it('a subclass keeps the ordinary prototype check', () => {
    class Narrow extends ShuangsuijiError<'INVALID_DATE'> {}
    expect(new Narrow('INVALID_DATE', '甲', 'a') instanceof Narrow).toBe(true);
    expect(new ShuangsuijiError('INVALID_DATE', '甲', 'a') instanceof Narrow).toBe(false);
    expect(new Narrow('INVALID_DATE', '甲', 'a') instanceof ShuangsuijiError).toBe(true);
  });
});
