/**
 * Issue 12 §1, the CLI side: `shuangsuiji verify` of a match record shows the fact rows that name no target or
 * inspector of the match (counts and paths), in text and in JSON, whether or not the record verifies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { matchInspectors } from '../../src/match/match-inspectors.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';
import { toInspectorExportRows } from '../../src/testing/to-inspector-export-rows.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function csv(rows: readonly Record<string, string>[]): string {
  const header = Object.keys(rows[0]!);
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
}

const inspectors = generateInspectorRegister(12, { seed: 5 });
const department = inspectors[0]!.department;
const someone = inspectors.find((i) => i.department === department && !i.isExpert)!.id;
const targets = [{ id: 'Caf\u00e9-001' }, { id: 'T-002' }];
const facts = {
  conflicts: [
    { inspectorId: someone, entityId: 'Cafe\u0301-001', ground: 'interest' }, // NFD spelling: matches
    { inspectorId: someone, entityId: 'T-0002', ground: 'interest' }, // a typo: names nobody here
  ],
  history: [{ inspectorId: 'ZZ-404', entityId: 'T-002', date: '2025-01-01' }],
};
const matched = matchInspectors(targets, inspectors, {
  seed: '31415926535897932384', label: 'cli-unmatched', date: '2025-07-01', department, ...facts, conflicts: facts.conflicts as never,
});
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-unmatched-'));
  writeFileSync(join(dir, 'match.json'), JSON.stringify(matched.record));
  writeFileSync(join(dir, 'inspectors.csv'), csv(toInspectorExportRows(inspectors)));
  writeFileSync(join(dir, 'targets.json'), JSON.stringify(targets));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
  writeFileSync(join(dir, 'fewer-facts.json'), JSON.stringify({ ...facts, conflicts: facts.conflicts.slice(1) }));
});

describe('shuangsuiji verify (match record): facts naming no target or inspector', () => {
  it('the library reports them: one conflict (a typo) and one history row', () => {
    expect(matched.unmatchedFacts.counts).toEqual({ conflicts: 1, relatives: 0, recusalRequests: 0, history: 1 });
    expect(matched.unmatchedFacts.facts.map((f) => f.path)).toEqual([['conflicts', 1], ['history', 0]]);
  });

  it('shows their count, lists and paths in the text output', async () => {
    const zh = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'facts.json'), '--targets', join(dir, 'targets.json')]);
    expect(zh.code, zh.out + zh.err).toBe(0);
    expect(zh.out).toContain('未匹配检查对象或人员的回避信息: 2 (conflicts 1, history 1): conflicts.1, history.0');
    const en = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'facts.json'), '--targets', join(dir, 'targets.json'), '--lang', 'en']);
    expect(en.out).toContain('facts naming no target or inspector: 2 (conflicts 1, history 1): conflicts.1, history.0');
  });

  it('gives every one in the JSON output, also when the record does not reproduce', async () => {
    const json = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'facts.json'), '--targets', join(dir, 'targets.json'), '--json', '--lang', 'en']);
    expect(json.code).toBe(0);
    const verdict = JSON.parse(json.out) as Record<string, unknown>;
    expect(verdict['facts naming no target or inspector']).toEqual(JSON.parse(JSON.stringify(matched.unmatchedFacts)));
    // Without the matching (NFD-spelled) conflict the recusals differ: exit 1, and the unmatched facts are still shown.
    const fewer = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'fewer-facts.json'), '--targets', join(dir, 'targets.json'), '--json', '--lang', 'en']);
    expect(fewer.code).toBe(1);
    const v2 = JSON.parse(fewer.out) as Record<string, unknown>;
    expect(v2['code']).toBe('RECUSALS_DIGEST_MISMATCH');
    expect((v2['facts naming no target or inspector'] as { total: number }).total).toBe(2);
  });
});
