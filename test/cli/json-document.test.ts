import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonDocument } from '../../src/cli/internals/json-document.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-json-doc-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readJsonDocument', () => {
  it('reads a JSON file, with or without BOM', async () => {
    expect(await readJsonDocument(file('a.json', '\uFEFF{"a":[1,"中"]}'))).toEqual({ ok: true, value: { a: [1, '中'] } });
    expect(await readJsonDocument(file('b.json', ' null '))).toEqual({ ok: true, value: null });
  });

  it('names missing files, folders, empty files and syntax errors with codes and lines', async () => {
    expect(await readJsonDocument(join(dir, 'nope.json'))).toMatchObject({ ok: false, problem: { code: 'FILE_UNREADABLE', messageEn: 'cannot read the file (ENOENT)' } });
    expect(await readJsonDocument(dir)).toMatchObject({ ok: false, problem: { code: 'FILE_UNREADABLE', messageEn: 'cannot read the file (EISDIR)' } });
    expect(await readJsonDocument(file('empty.json', '  \n'))).toMatchObject({ ok: false, problem: { code: 'JSON_SYNTAX' } });
    expect(await readJsonDocument(file('bad.json', '{\n"a": 1,\n"b": 2,\n}'))).toMatchObject({ ok: false, problem: { code: 'JSON_SYNTAX', line: 4 } });
    expect(await readJsonDocument(file('cut.json', '{\n"a": 1,\n"b": '))).toMatchObject({ ok: false, problem: { code: 'JSON_SYNTAX', line: 3 } });
    // Where V8 names no position, no line is guessed.
    expect(await readJsonDocument(file('token.json', '{\n"a": 1,\n"b": }'))).toMatchObject({ ok: false, problem: { code: 'JSON_SYNTAX', line: 0 } });
  });

  it('refuses nesting deeper than 64 levels before parsing, naming the line', async () => {
    const deep = `{"a":\n${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await readJsonDocument(file('deep.json', deep))).toMatchObject({ ok: false, problem: { code: 'JSON_TOO_DEEP', line: 2 } });
    // Brackets inside strings do not count; 64 levels are allowed.
    expect(await readJsonDocument(file('ok.json', `["${'['.repeat(100)}", ${'['.repeat(63)}${']'.repeat(63)}]`))).toMatchObject({ ok: true });
  });

  it('refuses a file over the size limit without reading it (a sparse 1 GB file)', async () => {
    const path = join(dir, 'huge.json');
    closeSync(openSync(path, 'w'));
    truncateSync(path, 1024 ** 3);
    const before = process.memoryUsage().rss;
    expect(await readJsonDocument(path)).toMatchObject({ ok: false, problem: { code: 'FILE_TOO_LARGE' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 ** 2);
    // The limit also holds while reading, for files whose size is not known in advance or that grow.
    expect(await readJsonDocument(file('small.json', `[${'1,'.repeat(100)}1]`), { bytes: 50 })).toMatchObject({ ok: false, problem: { code: 'FILE_TOO_LARGE' } });
  });

  it('refuses binary and non-UTF-8 files (an endless device is stopped at its first NUL byte)', async () => {
    expect(await readJsonDocument('/dev/zero')).toMatchObject({ ok: false, problem: { code: 'FILE_BINARY', line: 1 } });
    expect(await readJsonDocument(file('gbk.json', new Uint8Array([0x22, 0xc3, 0xfb, 0x22])))).toMatchObject({ ok: false, problem: { code: 'FILE_NOT_UTF8' } });
  });
});
