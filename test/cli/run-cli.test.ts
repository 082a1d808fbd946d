import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';
import { toInspectorExportRows } from '../../src/testing/to-inspector-export-rows.js';
import { matchInspectors } from '../../src/match/match-inspectors.js';

function csv(rows: readonly Record<string, string>[]): string {
  const header = Object.keys(rows[0]!);
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir = '';
const register = generateEntityRegister(300, { seed: 7 });
const { record } = drawTargets(register, { label: '2026-市场监管-第一批', size: { ratio: 0.05 } }, { seed: seedFromDice('31415926535897932384') });

const inspectors = generateInspectorRegister(40, { seed: 3 });
const matchTargets = record.selected.map((s) => {
  const e = register.find((r) => r.id === s.id)!;
  return { id: e.id, ...(e.supervisingUnit ? { supervisingUnit: e.supervisingUnit } : {}) };
});
const department = inspectors[0]!.department;
const conflict = { inspectorId: inspectors.find((i) => i.department === department)!.id, entityId: matchTargets[0]!.id, ground: 'interest' as const };
const matched = matchInspectors(matchTargets, inspectors, {
  seed: seedFromDice('27182818284590452353').seed, label: '2026-第一批-匹配', date: '2026-03-02', department, conflicts: [conflict],
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-cli-'));
  writeFileSync(join(dir, 'match.json'), JSON.stringify(matched.record));
  writeFileSync(join(dir, 'inspectors.csv'), csv(toInspectorExportRows(inspectors)));
  writeFileSync(join(dir, 'targets.json'), JSON.stringify(matchTargets));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify({ conflicts: [conflict] }));
  writeFileSync(join(dir, 'no-facts.json'), JSON.stringify({}));
  writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
  const rows = toEntityExportRows(register);
  writeFileSync(join(dir, 'register.csv'), '\uFEFF' + csv(rows));
  writeFileSync(join(dir, 'register.json'), JSON.stringify(register));
  writeFileSync(join(dir, 'register.jsonl'), register.map((e) => JSON.stringify(e)).join('\n') + '\n');
  // One selected entity's row changed in a field the draw reads: the draw must no longer reproduce.
  const selectedId = record.selected[0]!.id;
  const tampered = register.map((e) => (e.id === selectedId ? { ...e, supervisingUnit: `${e.supervisingUnit ?? ''}（改）` } : e));
  writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
  // Broken CSV: a bad credit code on data line 3 and an unterminated quote at the end.
  const lines = csv(rows.slice(0, 5)).split('\r\n');
  const badCode = lines[2]!.replace(/[0-9A-Y]{18}/, '91350100M000100Y4A');
  writeFileSync(join(dir, 'broken.csv'), [lines[0], lines[1], badCode, lines[3], '"unterminated,x', ''].join('\r\n'));
});

describe('shuangsuiji verify', () => {
  it('verifies a draw against the register as CSV (BOM, Chinese headers), JSON and JSON Lines', async () => {
    for (const file of ['register.csv', 'register.json', 'register.jsonl']) {
      const { code, out } = await run(['verify', join(dir, 'record.json'), join(dir, file)]);
      expect(code, out).toBe(0);
      expect(out).toContain('核验通过');
    }
  });

  it('prints English with --lang en and machine-readable JSON with --json', async () => {
    const en = await run(['verify', join(dir, 'record.json'), join(dir, 'register.csv'), '--lang', 'en']);
    expect(en.out).toContain('Verified');
    const json = await run(['verify', join(dir, 'record.json'), join(dir, 'register.csv'), '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true });
  });

  it('exits 1 and names the problem when a row of the register changed', async () => {
    const { code, out } = await run(['verify', join(dir, 'record.json'), join(dir, 'tampered.json'), '--json']);
    expect(code).toBe(1);
    const verdict = JSON.parse(out) as { ok: boolean; code: string };
    expect(verdict.ok).toBe(false);
    expect(verdict.code).toBe('REGISTER_CHANGED');
  });

  it('exits 2 and reports malformed input by line number without crashing', async () => {
    const { code, err } = await run(['verify', join(dir, 'record.json'), join(dir, 'broken.csv')]);
    expect(code).toBe(2);
    expect(err).toMatch(/第 3 行/);
    expect(err).toMatch(/CSV_UNTERMINATED_QUOTE|CSV_FIELD_COUNT/);
  });

  it('verifies a match record against the inspector register, targets and recusal facts', async () => {
    expect(matched.record.algorithm).toBe('shuangsuiji-match');
    const ok = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'facts.json'), '--targets', join(dir, 'targets.json')]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain('核验通过');
    // Dropping the declared conflict changes the recusal digest: the match no longer reproduces.
    const changed = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'no-facts.json'), '--targets', join(dir, 'targets.json'), '--json']);
    expect(changed.code).toBe(1);
    expect((JSON.parse(changed.out) as { code: string }).code).toBe('RECUSALS_DIGEST_MISMATCH');
    const noTargets = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv')]);
    expect(noTargets.code).toBe(2);
    expect(noTargets.err).toContain('TARGETS_MISSING');
  });

  it('answers --help, --version and usage errors', async () => {
    expect((await run(['--version'])).out).toBe('9.9.9');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('shuangsuiji verify');
    expect((await run(['verify'])).code).toBe(2);
    expect((await run(['verify', 'a', 'b', '--bogus'])).code).toBe(2);
    const missing = await run(['verify', join(dir, 'nope.json'), join(dir, 'register.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('FILE_UNREADABLE');
  });
});
