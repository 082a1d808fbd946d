// Issue 11 §4 for the models, the testing generators and the error helpers: every exported function, given any
// value, returns its documented result or throws a ShuangsuijiError with a code (see ./never-crash.ts).
import { describe, expect, it } from 'vitest';
import * as errors from '../../src/errors.js';
import * as models from '../../src/models/index.js';
import * as testing from '../../src/testing/index.js';
import { expectValidCalls, neverCrash, type AnyFunction, type Call } from './never-crash.js';

const entities = testing.generateEntityRegister(4, { seed: 7 });
const inspectors = testing.generateInspectorRegister(3, { seed: 7 });
const items = testing.generateItemList({ seed: 7 });
const code = entities[0]!.creditCode!;

const VALID_CALLS: Record<string, Call> = {
  computeUsccCheckCharacter: [code.slice(0, 17)],
  isValidUscc: [code],
  parseUscc: [code],
  parseEntityRegister: [testing.toEntityExportRows(entities), { unknownFields: 'error' }],
  parseInspectorRegister: [testing.toInspectorExportRows(inspectors)],
  parseItemList: [items],
  parseSpotCheckPlans: [[]],
  generateBrokenEntityRows: [{ seed: 3 }],
  generateBrokenInspectorRows: [{ seed: 3 }],
  generateEntityRegister: [3, { seed: 3 }],
  generateInspectorRegister: [3, { seed: 3 }],
  generateItemList: [{ seed: 3 }],
  toEntityExportRows: [entities],
  toInspectorExportRows: [inspectors],
  isShuangsuijiError: [new errors.ShuangsuijiError('INVALID_ARGUMENT', '甲', 'a'), 'INVALID_ARGUMENT'],
};

const exported = [...Object.entries(models), ...Object.entries(testing), ['isShuangsuijiError', errors.isShuangsuijiError]]
  .filter(([name, v]) => typeof v === 'function' && !/Schema$/.test(name as string)) as [string, AnyFunction][];

describe('models, testing and error helpers never crash (issue 11 §4)', () => {
  it('every exported function has a valid call here, and it succeeds', async () => {
    await expectValidCalls(exported, VALID_CALLS);
  });
  it('arbitrary argument tuples and mutations of valid calls give a result or a ShuangsuijiError', async () => {
    await neverCrash(exported, VALID_CALLS, { arbitrary: 300, mutations: 1000 });
  });
});
