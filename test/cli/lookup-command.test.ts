// `shuangsuiji lookup <record.json> <id> [--entity <row.json>]` — 查询本单位 (docs/spec.md §7.8).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { computeTicket } from '../../src/draw/compute-ticket.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { makeRegister } from '../draw/fixtures.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const seed = seedFromDice('31415926535897932384');
const register = makeRegister(60, 'L', 2);
const { record, selected } = drawTargets(register, { label: '2026-第一批', size: { count: 8 }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } }, { seed });
const drawn = new Set(selected.map((s) => s.id));
// An undrawn active entity whose ticket is past its stratum's cut-off.
const undrawn = register.find((e) => e.status === 'active' && !drawn.has(e.id))!;
let dir = '';
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-lookup-'));
  writeFileSync(file('record.json'), JSON.stringify(record));
  writeFileSync(file('row.json'), JSON.stringify(undrawn));
  writeFileSync(file('bad-row.json'), JSON.stringify({ ...undrawn, status: 'alive' }));
  const tampered = JSON.parse(JSON.stringify(record));
  tampered.selected[1].ticket = computeTicket(seed, 'another label', tampered.selected[1].id);
  writeFileSync(file('tampered.json'), JSON.stringify(tampered));
  const missing = JSON.parse(JSON.stringify(record));
  delete missing.strata;
  writeFileSync(file('malformed.json'), JSON.stringify(missing));
  writeFileSync(file('not-json.json'), '{ "format": ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shuangsuiji lookup', () => {
  it('answers for a drawn entity (exit 0), in text and JSON', async () => {
    const id = selected[0]!.id;
    const text = await run(['lookup', file('record.json'), id]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`查询本单位：${id}`);
    expect(text.out).toContain('结果：被抽中');
    expect(text.out).toContain(computeTicket(seed, record.label, id));
    const json = await run(['lookup', file('record.json'), id, '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out);
    expect(doc.ok).toBe(true);
    expect(doc.outcome).toMatchObject({ id, selected: true, strata: [{ verdict: 'selected', stratum: selected[0]!.stratum }] });
  });

  it('answers for an undrawn entity with its row: its stratum, in plain words (exit 0)', async () => {
    const zh = await run(['lookup', file('record.json'), undrawn.id, '--entity', file('row.json')]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('结果：未被抽中');
    expect(zh.out).toContain('您的号码大于本层最后一个入选号码，因此未被抽中');
    const en = await run(['lookup', file('record.json'), undrawn.id, '--entity', file('row.json'), '--lang', 'en']);
    expect(en.out).toContain('so you were not drawn');
    const json = JSON.parse((await run(['lookup', file('record.json'), undrawn.id, '--entity', file('row.json'), '--json'])).out);
    expect(json.outcome.strata).toHaveLength(1);
    expect(json.outcome.strata[0]).toMatchObject({ stratum: undrawn.regionCode, verdict: 'not-selected' });
    // Without the row: every stratum, listed.
    const all = await run(['lookup', file('record.json'), undrawn.id]);
    expect(all.code).toBe(0);
    expect(all.out).toContain('各层（按 regionCode 分层）');
  });

  it('refuses to answer from a record whose tickets are not its ids\' tickets (exit 1)', async () => {
    const text = await run(['lookup', file('tampered.json'), undrawn.id]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('SELECTION_DIFFERS');
    const json = JSON.parse((await run(['lookup', file('tampered.json'), undrawn.id, '--json'])).out);
    expect(json).toMatchObject({ ok: false, code: 'SELECTION_DIFFERS', path: ['selected', 1, 'ticket'] });
  });

  it('reports bad input with exit 2: not JSON, a malformed record, a bad id, a bad row', async () => {
    const cases: [string[], string, string][] = [
      [['lookup', file('not-json.json'), 'X'], 'not-json.json', ''],
      [['lookup', file('malformed.json'), 'X'], 'malformed.json', 'RECORD_MALFORMED'],
      [['lookup', file('record.json'), ' X'], '', 'INVALID_ID'],
      [['lookup', file('record.json'), undrawn.id, '--entity', file('bad-row.json')], 'bad-row.json', 'INVALID_ENTITY'],
      [['lookup', file('record.json'), undrawn.id, '--entity', file('absent.json')], 'absent.json', ''],
    ];
    for (const [args, where, code] of cases) {
      const text = await run(args);
      expect(text.code, args.join(' ')).toBe(2);
      expect(text.err).toContain(where);
      const json = JSON.parse((await run([...args, '--json'])).out);
      expect(json.ok).toBe(false);
      expect(json.code).toBe('INVALID_INPUT');
      if (code !== '') expect(json.problems[0].code).toBe(code);
    }
    const malformed = JSON.parse((await run(['lookup', file('malformed.json'), 'X', '--json'])).out);
    expect(malformed.problems[0].path).toEqual(['strata']);
  });

  it('has a help page, and refuses wrong arguments (exit 2)', async () => {
    const help = await run(['lookup', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('查询本单位');
    expect((await run(['help', 'lookup', '--lang', 'en'])).out).toContain('Entity lookup');
    expect((await run(['--help'])).out).toContain('shuangsuiji lookup');
    expect((await run(['lookup', file('record.json')])).code).toBe(2);
    expect((await run(['lookup', file('record.json'), 'A', 'B'])).code).toBe(2);
    expect((await run(['lookup', file('record.json'), 'A', '--spec', 'x.json'])).code).toBe(2);
    expect((await run(['verify', file('record.json'), 'r.csv', '--entity', 'x.json'])).code).toBe(2);
  });
});
