// Issue 11 §4, the command line: "the CLI never prints a stack trace, exits 2 on bad input and always prints JSON
// with --json". Every command is made to fail in every way we know of — bad JSON, records that are null, numbers,
// nested arrays or lack fields, registers of the wrong shape, unknown flags, missing files, folders, binary files,
// hostile sizes and depths — and must answer with a code and exit 2 (0 or 1 only where the input is a real record
// or register); with --json exactly one JSON document is printed. Property tests feed arbitrary JSON as each file.
import fc from 'fast-check';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_INTERNAL_ERROR, runCli, type CliIo } from '../../src/cli/run-cli.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { matchInspectors } from '../../src/match/match-inspectors.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';

interface Run {
  readonly code: number;
  /** Every stdout write, separately (with --json there must be exactly one). */
  readonly writes: readonly string[];
  readonly out: string;
  readonly err: string;
}

async function run(args: readonly string[], io: Partial<CliIo> = {}): Promise<Run> {
  const writes: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => writes.push(t), stderr: (t) => err.push(t), ...io }, '9.9.9');
  return { code, writes, out: writes.join('\n'), err: err.join('\n') };
}

/** A stack frame (`    at f (file:1:2)`) or the name of a JavaScript error anywhere in the output. */
const STACK = /^\s+at\s|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|Maximum call stack/m;

/** Asserts the output has no stack trace, and with --json is exactly one JSON document; returns it. */
function checked(r: Run, json: boolean): Record<string, unknown> | undefined {
  expect(r.out + r.err, 'stack trace or JS error name in the output').not.toMatch(STACK);
  if (!json) return undefined;
  expect(r.writes, 'one JSON document on stdout').toHaveLength(1);
  const doc = JSON.parse(r.writes[0]!) as Record<string, unknown>;
  expect(typeof doc['ok']).toBe('boolean');
  expect(doc['ok']).toBe(r.code === 0);
  if (r.code !== 0) expect(doc['code']).toMatch(/^[A-Z][A-Z0-9_]*$/);
  return doc;
}

/** Runs `args` as given and with --json: both exit `code`, neither prints a stack; returns the JSON document. */
async function bad(args: readonly string[], code = 2): Promise<Record<string, unknown>> {
  const text = await run(args);
  checked(text, false);
  expect(text.code, `${args.join(' ')}\n${text.out}\n${text.err}`).toBe(code);
  const json = await run([...args, '--json']);
  const doc = checked(json, true)!;
  expect(json.code, `${args.join(' ')} --json\n${json.out}`).toBe(code);
  return doc;
}

/** The codes of an INVALID_INPUT document (or its own code). */
function codes(doc: Record<string, unknown>): string[] {
  const problems = doc['problems'] as { code: string }[] | undefined;
  return problems === undefined ? [doc['code'] as string] : problems.map((p) => p.code);
}

let dir = '';
const at = (name: string): string => join(dir, name);
function write(name: string, content: string | Uint8Array): string {
  writeFileSync(at(name), content);
  return at(name);
}

const register = generateEntityRegister(20, { seed: 11 });
const { record } = drawTargets(register, { label: '健壮性', size: { count: 3 } }, { seed: seedFromDice('31415926535897932384') });
const inspectors = generateInspectorRegister(12, { seed: 4 });
const targets = record.selected.map((s) => ({ id: s.id }));
const matched = matchInspectors(targets, inspectors, { seed: seedFromDice('27182818284590452353').seed, label: '健壮性-匹配', date: '2026-03-02', department: inspectors[0]!.department });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-robust-'));
  write('record.json', JSON.stringify(record));
  write('register.json', JSON.stringify(register));
  write('register.jsonl', register.map((e) => JSON.stringify(e)).join('\n'));
  const rows = toEntityExportRows(register);
  const header = Object.keys(rows[0]!);
  write('register.csv', [header.join(','), ...rows.map((r) => header.map((h) => JSON.stringify((r as Record<string, string>)[h] ?? '')).join(','))].join('\n'));
  write('match.json', JSON.stringify(matched.record));
  write('inspectors.json', JSON.stringify(inspectors));
  write('targets.json', JSON.stringify(targets));
  // A PNG header (0x89 is not UTF-8) and a ZIP header (ASCII, then NUL bytes).
  write('binary.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]));
  write('zip.bin', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
  // 名称 in GBK, as Excel in Chinese locales saves "CSV".
  write('gbk.csv', new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x41, 0x0a]));
  // A record file of 1 GB (sparse: no disk, no time to write).
  closeSync(openSync(at('huge.json'), 'w'));
  truncateSync(at('huge.json'), 1024 ** 3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the three commands succeed on good input (the baseline of the failures below)', () => {
  it('verify, digest and seed exit 0 with one JSON document', async () => {
    for (const args of [
      ['verify', at('record.json'), at('register.csv')],
      ['verify', at('record.json'), at('register.json')],
      ['verify', at('record.json'), at('register.jsonl')],
      ['verify', at('match.json'), at('inspectors.json'), '--targets', at('targets.json')],
      ['digest', at('register.json')],
      ['seed', '--dice', '31415926535897932384'],
      ['--version'],
      ['--help'],
      ['help', 'verify'],
    ]) {
      const r = await run([...args, '--json']);
      expect(r.code, `${args.join(' ')}: ${r.out}`).toBe(0);
      checked(r, true);
    }
  });
});

describe('verify: a bad record file exits 2 with a code, never a stack trace', () => {
  const cases: [string, string | (() => string), string[]][] = [
    ['invalid JSON', '{"algorithm": "shuangsuiji-draw",', ['JSON_SYNTAX']],
    ['null', 'null', ['RECORD_UNKNOWN']],
    ['a number', '42', ['RECORD_UNKNOWN']],
    ['a string', '"shuangsuiji-draw"', ['RECORD_UNKNOWN']],
    ['a nested array', '[[[1, [2]]]]', ['RECORD_UNKNOWN']],
    ['an empty file', '', ['JSON_SYNTAX']],
    ['only the algorithm', '{"algorithm": "shuangsuiji-draw"}', ['RECORD_MALFORMED']],
    ['selected: [null]', () => JSON.stringify({ ...record, selected: [null] }), ['RECORD_MALFORMED']],
    ['selected: a string', () => JSON.stringify({ ...record, selected: 'A' }), ['RECORD_MALFORMED']],
    ['no register', () => JSON.stringify({ ...record, register: undefined }), ['RECORD_MALFORMED']],
    ['register: null', () => JSON.stringify({ ...record, register: null }), ['RECORD_MALFORMED']],
    ['spec: a number', () => JSON.stringify({ ...record, spec: 7 }), ['RECORD_MALFORMED']],
    ['10,000 nested arrays', `{"algorithm":"shuangsuiji-draw","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, ['JSON_TOO_DEEP']],
    ['a match record that is only its algorithm', '{"algorithm": "shuangsuiji-match"}', ['UNSUPPORTED_ALGORITHM']],
    ['a match record without assignments', () => JSON.stringify({ ...matched.record, assignments: undefined }), ['RECORD_MALFORMED']],
  ];
  for (const [name, content, expected] of cases) {
    it(name, async () => {
      const file = write(`record-${name.replace(/\W+/g, '-')}.json`, typeof content === 'string' ? content : content());
      const isMatch = name.startsWith('a match');
      const extra = isMatch ? ['--targets', at('targets.json')] : [];
      const doc = await bad(['verify', file, isMatch ? at('inspectors.json') : at('register.csv'), ...extra]);
      expect(codes(doc)).toEqual(expected);
    });
  }

  it('a missing file, a folder, a binary file, a 1 GB file and an endless device', async () => {
    expect(codes(await bad(['verify', at('nope.json'), at('register.csv')]))).toEqual(['FILE_UNREADABLE']);
    expect(codes(await bad(['verify', dir, at('register.csv')]))).toEqual(['FILE_UNREADABLE']);
    expect(codes(await bad(['verify', at('binary.bin'), at('register.csv')]))).toEqual(['FILE_NOT_UTF8']);
    expect(codes(await bad(['verify', at('zip.bin'), at('register.csv')]))).toEqual(['FILE_BINARY']);
    expect(codes(await bad(['verify', at('huge.json'), at('register.csv')]))).toEqual(['FILE_TOO_LARGE']);
    expect(codes(await bad(['verify', '/dev/zero', at('register.csv')]))).toEqual(['FILE_BINARY']);
  });
});

describe('verify and digest: a bad register exits 2 with a code', () => {
  const cases: [string, string, string | Uint8Array, string[]][] = [
    ['JSON null', 'json', 'null', ['JSON_NOT_ARRAY']],
    ['a JSON number', 'json', '5', ['JSON_NOT_ARRAY']],
    ['a nested array', 'json', '[[[1]]]', ['ROW_NOT_OBJECT']],
    ['[null]', 'json', '[null]', ['ROW_NOT_OBJECT']],
    ['invalid JSON', 'json', '[\n{"id": }]', ['JSON_SYNTAX']],
    ['a trailing comma', 'json', '[\n1,\n]', ['JSON_SYNTAX', 'ROW_NOT_OBJECT']],
    ['huge depth', 'json', `[${'['.repeat(200_000)}${']'.repeat(200_000)}]`, ['JSON_TOO_DEEP']],
    ['a deep JSON Lines row', 'jsonl', `{"id":"A","x":${'['.repeat(70)}${']'.repeat(70)}}`, ['JSON_TOO_DEEP']],
    ['JSON Lines of null, a number and an array', 'jsonl', 'null\n1\n[1]', ['ROW_NOT_OBJECT', 'ROW_NOT_OBJECT', 'ROW_NOT_OBJECT']],
    ['an empty CSV', 'csv', '', ['CSV_EMPTY']],
    ['a CSV header of 1025 columns', 'csv', `${Array.from({ length: 1025 }, (_, i) => `c${i}`).join(',')}\n${','.repeat(1024)}\n`, ['TOO_MANY_FIELDS']],
    // The header is refused, so nothing after it is read as rows (A,B is not taken for the header).
    ['a CSV header cell over 65,534 bytes', 'csv', `${'名'.repeat(30_000)}\nA,B\n1,2\n`, ['CSV_CELL_TOO_LONG']],
    ['a JSON Lines row of 1025 keys', 'jsonl', JSON.stringify(Object.fromEntries(Array.from({ length: 1025 }, (_, i) => [`k${i}`, i]))), ['TOO_MANY_FIELDS']],
    ['an object, then more JSON', 'json', `{"a": 1}\n${'[1, 2], '.repeat(1000)}`, ['JSON_NOT_ARRAY']],
    // Issue 13: GBK is read (as GB18030): 名称 is the name column, and row "A" lacks an identifier and a kind.
    ['a GBK CSV', 'csv', new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x41, 0x0a]), ['MISSING_FIELD', 'MISSING_FIELD', 'MISSING_IDENTIFIER']],
    ['a binary file (PNG)', 'csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), ['FILE_BINARY']],
    ['a binary file with NUL bytes', 'csv', new Uint8Array([0x41, 0x42, 0x0a, 0x43, 0x00, 0x00]), ['FILE_BINARY']],
    ['a binary file without a line break', 'csv', new Uint8Array([0x9a, 0x41, 0xe3, 0x02, 0xf7, 0x81, 0x10, 0xc4]), ['FILE_BINARY']],
    ['text neither UTF-8 nor GB18030', 'csv', new Uint8Array([0x41, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]), ['FILE_ENCODING_UNKNOWN']],
  ];
  for (const [name, ext, content, expected] of cases) {
    it(name, async () => {
      const file = write(`register-${name.replace(/\W+/g, '-')}.${ext}`, content);
      // File problems are listed as they are found, row problems batch by batch: compare as sets.
      expect(codes(await bad(['digest', file])).sort()).toEqual(expected);
      expect(codes(await bad(['verify', at('record.json'), file])).sort()).toEqual(expected);
    });
  }

  it('a missing file, a folder and an endless device', async () => {
    for (const file of [at('nope.csv'), dir]) {
      expect(codes(await bad(['digest', file]))).toEqual(['FILE_UNREADABLE']);
      expect(codes(await bad(['verify', at('record.json'), file]))).toEqual(['FILE_UNREADABLE']);
    }
    expect(codes(await bad(['digest', '/dev/zero']))).toEqual(['FILE_BINARY']);
  });

  it('a file with a problem on every line keeps 1000 problems and counts them all', async () => {
    const file = write('many-bad.jsonl', 'null\n'.repeat(3000));
    const doc = await bad(['digest', file]);
    expect(doc['problems']).toHaveLength(1000);
    expect(doc['problemCount']).toBe(3000);
  });
});

describe('verify: bad history, targets and facts files exit 2', () => {
  it('history that is not an array, too deep, binary or missing', async () => {
    const v = (history: string): Promise<Record<string, unknown>> => bad(['verify', at('record.json'), at('register.csv'), history]);
    expect(codes(await v(write('history-null.json', 'null')))).toEqual(['HISTORY_NOT_ARRAY']);
    expect(codes(await v(write('history-object.json', '{"a": 1}')))).toEqual(['HISTORY_NOT_ARRAY']);
    expect(codes(await v(write('history-deep.json', `[${'['.repeat(100)}${']'.repeat(100)}]`)))).toEqual(['JSON_TOO_DEEP']);
    expect(codes(await v(at('zip.bin')))).toEqual(['FILE_BINARY']);
    expect(codes(await v(at('nope.json')))).toEqual(['FILE_UNREADABLE']);
  });

  it('targets and facts of the wrong shape', async () => {
    const m = (...args: string[]): Promise<Record<string, unknown>> => bad(['verify', at('match.json'), at('inspectors.json'), ...args]);
    expect(codes(await m('--targets', write('targets-null.json', 'null')))).toEqual(['TARGETS_NOT_ARRAY']);
    expect(codes(await m('--targets', at('nope.json')))).toEqual(['FILE_UNREADABLE']);
    expect(codes(await m('--targets', at('huge.json')))).toEqual(['FILE_TOO_LARGE']);
    expect(codes(await m(write('facts-array.json', '[]'), '--targets', at('targets.json')))).toEqual(['FACTS_NOT_OBJECT']);
    expect(codes(await m(write('facts-typo.json', '{"conflict": []}'), '--targets', at('targets.json')))).toEqual(['INVALID_MATCH_OPTIONS']);
    expect(codes(await m())).toEqual(['TARGETS_MISSING']);
  });
});

describe('usage errors exit 2 with USAGE_ERROR (--json) or the help page', () => {
  const cases: string[][] = [
    ['verify', at('record.json'), at('register.csv'), '--bogus'],
    ['verify', at('record.json')],
    ['verify', at('record.json'), at('register.csv'), 'a', 'b'],
    ['verify', at('record.json'), at('register.csv'), '--dice', '123'],
    ['verify', at('record.json'), at('register.csv'), '--targets'],
    ['digest'],
    ['digest', at('register.csv'), '--lang', 'fr'],
    ['digest', at('register.csv'), at('register.json')],
    ['seed'],
    ['seed', '--dice'],
    ['seed', '123', '--dice', '31415926535897932384'],
    ['frobnicate'],
    ['-x'],
    [],
  ];
  for (const args of cases) {
    it(args.join(' ') || '(no arguments)', async () => {
      const doc = await bad(args);
      expect(doc).toMatchObject({ ok: false, code: 'USAGE_ERROR' });
      expect(typeof doc['messageZh']).toBe('string');
      expect(typeof doc['messageEn']).toBe('string');
    });
  }

  it('library errors of option values keep their codes', async () => {
    expect(codes(await bad(['seed', '--dice', '12345']))).toEqual(['SEED_TOO_WEAK']);
    expect(codes(await bad(['seed', '--dice', '31415926535897932384', '--salt', '']))).toEqual(['EMPTY_SALT']);
    expect(codes(await bad(['digest', at('register.csv'), '--expect', 'abc']))).toEqual(['INVALID_EXPECTED_DIGEST']);
  });
});

describe('the top-level guard', () => {
  it('turns an unexpected exception into INTERNAL_ERROR, exit 3, one JSON document and no stack trace', async () => {
    // A writer that fails (stderr closed under the command): the seed command writes its short-salt warning there.
    const failing = { stderr: () => { throw new TypeError('stderr is closed'); } };
    const json = await run(['seed', '--dice', '31415926535897932384', '--salt', 'abc', '--json'], failing);
    expect(json.code).toBe(EXIT_INTERNAL_ERROR);
    expect(json.writes).toHaveLength(1);
    const doc = JSON.parse(json.writes[0]!) as Record<string, unknown>;
    expect(doc).toMatchObject({ ok: false, code: 'INTERNAL_ERROR', error: { name: 'TypeError', message: 'stderr is closed' } });
    expect(doc['messageEn']).toMatch(/internal error .*bug.*report/);
    expect(json.out).not.toMatch(/^\s+at\s/m);
    // In text mode the message goes to stderr; when even that fails, the exit code still says it.
    const lines: string[] = [];
    let calls = 0;
    const once = { stderr: (t: string) => { if (calls++ === 0) throw new RangeError('first write fails'); lines.push(t); } };
    const text = await run(['seed', '--dice', '31415926535897932384', '--salt', 'abc', '--lang', 'en'], once);
    expect(text.code).toBe(EXIT_INTERNAL_ERROR);
    expect(lines.join('\n')).toMatch(/^Error: \[INTERNAL_ERROR\] shuangsuiji internal error \(RangeError: first write fails\)/);
    expect(lines.join('\n')).not.toMatch(/^\s+at\s/m);
    const silent = await run(['seed', '--dice', '31415926535897932384', '--salt', 'abc'], { stderr: () => { throw new Error('gone'); } });
    expect(silent.code).toBe(EXIT_INTERNAL_ERROR);
  });
});

describe('property: arbitrary files and arguments never crash the command line', () => {
  const exitOf = (r: Run): number => r.code;

  it('any JSON value as the record file: exit 2 (1 at most for a record that parses), one JSON document', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), async (value) => {
        const file = write(`any-record-${n++ % 8}.json`, JSON.stringify(value));
        const r = await run(['verify', file, at('register.csv'), '--json']);
        checked(r, true);
        expect(exitOf(r)).toBe(2);
      }),
      { numRuns: 60 },
    );
  });

  it('a valid record with any one field replaced by any JSON value or removed: never an internal error', async () => {
    const original = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    // Every path into the record (objects and arrays), so mutations reach nested fields too.
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      if (path.length > 0) paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(original, []);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }), async (path, replacement) => {
        const mutated = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
        let parent: Record<string | number, unknown> = mutated;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (replacement === undefined) {
          if (Array.isArray(parent)) parent.splice(last as number, 1);
          else delete parent[last];
        } else parent[last] = replacement;
        const file = write(`mutated-${n++ % 8}.json`, JSON.stringify(mutated));
        const r = await run(['verify', file, at('register.csv'), '--json']);
        const doc = checked(r, true)!;
        expect(doc['code'], JSON.stringify(doc)).not.toBe('INTERNAL_ERROR');
        const same = JSON.stringify(mutated) === JSON.stringify(original);
        // Dropping the seed's origin or commitment (null) leaves a valid record with a bare seed: it verifies,
        // and the output must then say that no origin / no commitment was checked.
        const stripped = path.length === 1 && (path[0] === 'seedOrigin' || path[0] === 'seedCommitment') && replacement === null;
        if (stripped && r.code === 0) {
          const provenance = doc['provenance'] as { seedOrigin: string; commitment: string };
          expect(path[0] === 'seedOrigin' ? provenance.seedOrigin : provenance.commitment).toBe('none');
        } else expect(same ? [0] : [1, 2]).toContain(r.code);
      }),
      { numRuns: 150 },
    );
  });

  it('any JSON value as a JSON or JSON Lines register, and as history: never an internal error', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom('json', 'jsonl'), async (value, ext) => {
        const text = ext === 'json' ? JSON.stringify(value) : Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(value);
        const file = write(`any-register-${n++ % 8}.${ext}`, text);
        const digest = await run(['digest', file, '--json']);
        checked(digest, true);
        expect([0, 2]).toContain(digest.code);
        const verify = await run(['verify', at('record.json'), file, '--json']);
        const doc = checked(verify, true)!;
        expect(doc['code']).not.toBe('INTERNAL_ERROR');
        expect([1, 2]).toContain(verify.code);
        const history = await run(['verify', at('record.json'), at('register.csv'), write(`any-history-${n % 8}.json`, JSON.stringify(value)), '--json']);
        const h = checked(history, true)!;
        expect(h['code']).not.toBe('INTERNAL_ERROR');
        // The record was drawn with no history: an empty array is the right one.
        expect(JSON.stringify(value) === '[]' ? [0] : [1, 2]).toContain(history.code);
      }),
      { numRuns: 60 },
    );
  });

  it('any JSON value as match targets or facts: never an internal error', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), async (value, asFacts) => {
        const file = write(`any-match-${n++ % 8}.json`, JSON.stringify(value));
        const args = asFacts
          ? ['verify', at('match.json'), at('inspectors.json'), file, '--targets', at('targets.json'), '--json']
          : ['verify', at('match.json'), at('inspectors.json'), '--targets', file, '--json'];
        const r = await run(args);
        const doc = checked(r, true)!;
        expect(doc['code'], JSON.stringify(doc)).not.toBe('INTERNAL_ERROR');
        expect([0, 1, 2]).toContain(r.code);
      }),
      { numRuns: 60 },
    );
  });

  it('any arguments: exit 0, 1 or 2, and with --json exactly one JSON document', async () => {
    const word = fc.oneof(
      fc.constantFrom('verify', 'digest', 'seed', 'help', '--help', '-h', '--version', '-v', '--lang', 'en', 'zh', '--en', '--progress', '--no-progress',
        '--expect', '--dice', '--salt', '--targets', '--lang=fr', '--expect=', '-', '--', '31415926535897932384', 'record.json', 'register.csv', 'nope.json'),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), fc.boolean(), async (words, json) => {
        // Names of the fixture files resolve inside the temporary folder.
        const args = words.map((w) => (/\.(json|csv)$/.test(w) ? at(w) : w));
        const r = await run(json ? [...args, '--json'] : args);
        checked(r, json);
        expect([0, 1, 2]).toContain(r.code);
      }),
      { numRuns: 150 },
    );
  });
});
