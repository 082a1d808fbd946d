import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { checkSeedCommitment } from '../../src/draw/check-seed-commitment.js';
import { commitSeed } from '../../src/draw/commit-seed.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
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
const large = generateEntityRegister(10_250, { seed: 8 });
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
  // The same rows in reverse order, LF line ends and no BOM: the register digest does not depend on any of it.
  writeFileSync(join(dir, 'reversed.csv'), csv([...rows].reverse()).replace(/\r\n/g, '\n'));
  // More rows than one parse batch (5000), as JSON Lines.
  writeFileSync(join(dir, 'large.jsonl'), large.map((e) => JSON.stringify(e)).join('\n') + '\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    // A facts file the matcher refuses (a misspelled key) is bad input, named by file: exit 2, not a crash.
    writeFileSync(join(dir, 'typo-facts.json'), JSON.stringify({ conflict: [] }));
    const typo = await run(['verify', join(dir, 'match.json'), join(dir, 'inspectors.csv'), join(dir, 'typo-facts.json'), '--targets', join(dir, 'targets.json'), '--lang', 'en']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('typo-facts.json');
    expect(typo.err).toContain('INVALID_MATCH_OPTIONS');
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

describe('shuangsuiji digest', () => {
  const expected = registerDigest(register);

  it('prints the register digest and row count: equal to registerDigest and to the draw record, for CSV, JSON and JSON Lines', async () => {
    expect(expected.digest).toBe(record.register.digest);
    expect(expected.size).toBe(record.register.size);
    for (const file of ['register.csv', 'register.json', 'register.jsonl', 'reversed.csv']) {
      const { code, out, err } = await run(['digest', join(dir, file)]);
      expect(code, out + err).toBe(0);
      expect(out).toContain(`名录库摘要（register.digest）：${expected.digest}`);
      expect(out).toContain('名录库行数（register.size）：300');
      expect(out).toContain('请在产生种子之前公布');
    }
  });

  it('prints English with --lang en and { ok, digest, size } with --json', async () => {
    const en = await run(['digest', join(dir, 'register.csv'), '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toContain(`Register digest (register.digest): ${expected.digest}`);
    expect(en.out).toContain('Register rows (register.size): 300');
    const json = await run(['digest', join(dir, 'register.jsonl'), '--json']);
    expect(json.code).toBe(0);
    // Issue 13: every run also states what it read (format, encoding, which column fed which field).
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, digest: expected.digest, size: 300, format: 'jsonl', encoding: 'utf-8', bom: false });
    expect((JSON.parse(json.out) as { columns: unknown[] }).columns).toContainEqual({ column: 'creditCode', field: 'creditCode' });
  });

  it('streams registers larger than one batch to the same digest', async () => {
    const { code, out } = await run(['digest', join(dir, 'large.jsonl'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, ...registerDigest(large) });
  });

  it('--expect: exit 0 when the published digest matches, 1 with a clear message when it does not', async () => {
    const same = await run(['digest', join(dir, 'register.csv'), '--expect', record.register.digest.toUpperCase()]);
    expect(same.code, same.out + same.err).toBe(0);
    expect(same.out).toContain('名录库摘要与公布值一致');
    // An auditor holding the digest published before the draw, and a register one selected row of which changed.
    const zh = await run(['digest', join(dir, 'tampered.json'), '--expect', record.register.digest]);
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('名录库摘要与公布值不一致');
    expect(zh.out).toContain(`公布值：${record.register.digest}`);
    expect(zh.out).toContain('DIGEST_MISMATCH');
    const en = await run(['digest', join(dir, 'tampered.json'), '--expect', record.register.digest, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.out).toContain('The register digest DIFFERS from the published one');
    const json = await run(['digest', join(dir, 'tampered.json'), `--expect=${record.register.digest}`, '--json']);
    expect(json.code).toBe(1);
    const verdict = JSON.parse(json.out) as { ok: boolean; code: string; digest: string; size: number; expected: string };
    expect(verdict).toMatchObject({ ok: false, code: 'DIGEST_MISMATCH', size: 300, expected: record.register.digest });
    expect(verdict.digest).not.toBe(record.register.digest);
    const match = await run(['digest', join(dir, 'register.json'), '--expect', record.register.digest, '--json']);
    expect(JSON.parse(match.out)).toMatchObject({ ok: true, digest: record.register.digest, size: 300, expected: record.register.digest, format: 'json', encoding: 'utf-8' });
  });

  it('exits 2 and reports malformed input by line number, as verify does', async () => {
    const zh = await run(['digest', join(dir, 'broken.csv')]);
    expect(zh.code).toBe(2);
    expect(zh.out).toBe('');
    expect(zh.err).toMatch(/broken\.csv 第 3 行: \[USCC_CHECK_CHARACTER\]/);
    expect(zh.err).toMatch(/第 \d+ 行: \[CSV_UNTERMINATED_QUOTE\]/);
    const en = await run(['digest', join(dir, 'broken.csv'), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/broken\.csv line 3: \[USCC_CHECK_CHARACTER\]/);
    const json = await run(['digest', join(dir, 'broken.csv'), '--json']);
    expect(json.code).toBe(2);
    const result = JSON.parse(json.out) as { ok: boolean; code: string; problems: { line: number; code: string }[] };
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 3, code: 'USCC_CHECK_CHARACTER' }));
    // A register that cannot be read is a problem of the input, not a crash (for verify too).
    const missing = await run(['digest', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.csv: \[FILE_UNREADABLE\] 无法读取文件（ENOENT）/);
    const folder = await run(['digest', dir, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('[FILE_UNREADABLE] cannot read the file (EISDIR)');
    const verifyMissing = await run(['verify', join(dir, 'record.json'), join(dir, 'nope.jsonl'), '--json']);
    expect(verifyMissing.code).toBe(2);
    expect(JSON.parse(verifyMissing.out)).toMatchObject({ ok: false, code: 'INVALID_INPUT', problems: [{ code: 'FILE_UNREADABLE' }] });
  });

  it('exits 2 on a malformed --expect, a missing register, extra arguments or options of other commands', async () => {
    const badExpect = await run(['digest', join(dir, 'register.csv'), '--expect', 'abc']);
    expect(badExpect.code).toBe(2);
    expect(badExpect.err).toContain('INVALID_EXPECTED_DIGEST');
    expect((await run(['digest'])).code).toBe(2);
    expect((await run(['digest', join(dir, 'register.csv'), join(dir, 'register.json')])).code).toBe(2);
    expect((await run(['digest', join(dir, 'register.csv'), '--dice', '31415926535897932384'])).code).toBe(2);
  });
});

describe('shuangsuiji seed', () => {
  const digits = '31415926535897932384';
  const salt = 'k3v9-公证处-保密至揭晓-2026';

  it('prints the seed and its origin as seedFromDice makes them (zh by default, --lang en)', async () => {
    const expected = seedFromDice(digits);
    const zh = await run(['seed', '--dice', digits]);
    expect(zh.code, zh.err).toBe(0);
    expect(zh.out).toContain(`种子（seed）：${expected.seed}`);
    expect(zh.out).toContain(`种子来源（seedOrigin）：${JSON.stringify(expected.origin)}`);
    expect(zh.out).not.toContain('承诺');
    const en = await run(['seed', '--dice', digits, '--lang', 'en']);
    expect(en.out).toContain(`Seed (seed): ${expected.seed}`);
    // Digits read aloud in groups may be given with spaces.
    const grouped = await run(['seed', '--dice', '31415 92653 58979 32384', '--json']);
    expect(JSON.parse(grouped.out)).toEqual({ ok: true, seed: expected.seed, origin: expected.origin });
  });

  it('with --salt, prints the commitment that commitSeed makes and a draw accepts', async () => {
    const expected = seedFromDice(digits);
    const json = await run(['seed', '--dice', digits, '--salt', salt, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.out) as { ok: true; seed: string; commitment: { hash: string; salt: string } };
    expect(out).toEqual({ ok: true, seed: expected.seed, origin: expected.origin, commitment: { hash: commitSeed(expected.seed, { salt }), salt } });
    expect(checkSeedCommitment(out.seed, out.commitment.hash, { salt })).toBe(true);
    const drawn = drawTargets(register, { label: '承诺测试', size: { count: 3 } }, { seed: expected, commitment: out.commitment });
    expect(drawn.record.seedCommitment).toEqual(out.commitment);
    const zh = await run(['seed', '--dice', digits, '--salt', salt]);
    expect(zh.out).toContain(`种子承诺值（seedCommitment.hash）：${out.commitment.hash}`);
    expect(zh.err).toBe('');
    const en = await run(['seed', '--dice', digits, `--salt=${salt}`, '--lang', 'en']);
    expect(en.out).toContain(`Seed commitment (seedCommitment.hash): ${out.commitment.hash}`);
    // A short salt still works but is flagged.
    const short = await run(['seed', '--dice', digits, '--salt', 'abc']);
    expect(short.code).toBe(0);
    expect(short.err).toContain('盐只有 3 个字符');
  });

  it("exits 2 with the library's codes, in the chosen language", async () => {
    const weak = await run(['seed', '--dice', '12345']);
    expect(weak.code).toBe(2);
    expect(weak.err).toBe('错误：[SEED_TOO_WEAK] 骰子读数至少 20 位，收到 5 位');
    const weakEn = await run(['seed', '--dice', '12345', '--lang', 'en']);
    expect(weakEn.err).toBe('Error: [SEED_TOO_WEAK] at least 20 dice digits are needed, got 5');
    const json = await run(['seed', '--dice', '12345', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, code: 'SEED_TOO_WEAK' });
    const notDigits = await run(['seed', '--dice', '3141592653589793238x']);
    expect(notDigits.code).toBe(2);
    expect(notDigits.err).toContain('INVALID_DICE_DIGITS');
    const emptySalt = await run(['seed', '--dice', digits, '--salt', '']);
    expect(emptySalt.code).toBe(2);
    expect(emptySalt.err).toContain('EMPTY_SALT');
    expect((await run(['seed'])).code).toBe(2);
    expect((await run(['seed', digits])).code).toBe(2);
    expect((await run(['seed', '--dice'])).code).toBe(2);
    expect((await run(['seed', '--dice', digits, '--expect', record.register.digest])).code).toBe(2);
  });
});

describe('shuangsuiji help', () => {
  it('gives an overview of the procedure and a page per command, in Chinese and English', async () => {
    const overview = await run(['--help']);
    expect(overview.code).toBe(0);
    for (const command of ['digest', 'seed --dice', 'verify']) expect(overview.out).toContain(`shuangsuiji ${command}`);
    expect((await run(['--help', '--lang', 'en'])).out).toContain('Before the seed exists, publish the register digest');
    for (const command of ['digest', 'seed', 'verify']) {
      const zh = await run([command, '--help']);
      expect(zh.code).toBe(0);
      expect(zh.out).toMatch(new RegExp(`^用法：shuangsuiji ${command} `));
      const en = await run(['help', command, '--lang', 'en']);
      expect(en.code).toBe(0);
      expect(en.out).toMatch(new RegExp(`^Usage: shuangsuiji ${command} `));
    }
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令：frobnicate');
  });
});
