// Issue 16 §2, for Node programs: `shuangsuiji/node` (src/cli/node) digests, draws and verifies straight from a
// register file as the command does, with any number of worker threads giving the same results.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawFromFile, registerDigestOfFile, verifyDrawOfFile } from '../../src/cli/node/index.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { isShuangsuijiError } from '../../src/errors.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entities = generateEntityRegister(1500, { seed: 'node-entry' });
const exported = toEntityExportRows(entities);
const header = Object.keys(exported[0]!);
const file = join(dir, 'register.csv');
writeFileSync(file, [header.join(','), ...exported.map((r) => header.map((h) => (r as Record<string, string>)[h] ?? '').join(','))].join('\n') + '\n');
const seed = seedFromDice('27182818284590452353');
const spec = { label: '节点 第一批', size: { ratio: '1%' }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } } as const;

describe('shuangsuiji/node', () => {
  it('registerDigestOfFile, drawFromFile, verifyDrawOfFile: the library results over the rows, with 1 or 3 threads', async () => {
    const expected = drawTargets(entities, spec, { seed });
    for (const workers of [1, 3]) {
      expect(await registerDigestOfFile(file, { workers })).toEqual(registerDigest(entities));
      const drawn = await drawFromFile(file, spec, { seed }, { workers });
      expect(JSON.stringify(drawn.record)).toBe(JSON.stringify(expected.record));
      expect(await verifyDrawOfFile(expected.record, file, { workers })).toEqual({ ok: true, provenance: { seedOrigin: 'dice', commitment: 'none' } });
    }
  }, 120_000);

  it('a file with problems: REGISTER_FILE_INVALID with the lines; bad options: INVALID_OPTION', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${header.join(',')},备注\n${header.map(() => '').join(',')},x\n`);
    const error = await registerDigestOfFile(bad, { workers: 2 }).catch((e: unknown) => e);
    expect(isShuangsuijiError(error) && error.code).toBe('REGISTER_FILE_INVALID');
    expect(isShuangsuijiError(error) && (error.details?.['problems'] as { code: string; line: number }[])[0]).toMatchObject({ code: 'UNKNOWN_COLUMN', line: 1 });
    expect(await registerDigestOfFile(bad, { ignoreColumns: ['备注'], workers: 1 }).catch((e: unknown) => isShuangsuijiError(e) && e.code)).toBe('REGISTER_FILE_INVALID');
    for (const options of [{ workers: 0 }, { workers: 2.5 }, { threads: 2 }, { encoding: 'latin1' }, { headers: { 列: 1 } }, null]) {
      const e = await registerDigestOfFile(file, options as never).catch((x: unknown) => x);
      expect(isShuangsuijiError(e) && e.code).toBe('INVALID_OPTION');
    }
    const e = await verifyDrawOfFile(drawTargets(entities, spec, { seed }).record, file, { history: {} as never }).catch((x: unknown) => x);
    expect(isShuangsuijiError(e) && e.code).toBe('INVALID_OPTION');
  }, 60_000);
});
