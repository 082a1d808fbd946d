// `shuangsuiji page <folder>`: the built command (dist/cli.js) writes the built page and its README.txt, refuses to
// replace them without --force, refuses a "folder" that is a file, and — run from source, where no page was built —
// says PAGE_NOT_BUILT. Exit codes as the other commands: 0 written, 2 usage or files.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { PAGE, root, tempFolder } from './browser.js';

const CLI = join(root, 'dist', 'cli.js');
const tmp = tempFolder();
afterAll(() => tmp.cleanup());

function cli(args: readonly string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('shuangsuiji page (built command)', () => {
  it('writes the page and README.txt into a new folder, byte for byte the built page', () => {
    expect(existsSync(CLI)).toBe(true);
    const folder = join(tmp.dir, '公示');
    const run = cli(['page', folder, '--json']);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.out) as { ok: boolean; files: string[]; bytes: number };
    expect(answer.ok).toBe(true);
    expect(answer.files).toEqual([join(folder, 'shuangsuiji-page.html'), join(folder, 'README.txt')]);
    const written = readFileSync(join(folder, 'shuangsuiji-page.html'));
    expect(written.equals(readFileSync(PAGE))).toBe(true);
    expect(answer.bytes).toBe(written.length);
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    expect(readme).toContain('shuangsuiji-page.html');
    expect(readme).toContain('How a department publishes it');
  });

  it('never replaces the files without --force (OUTPUT_EXISTS, exit 2), and does with it', () => {
    const folder = join(tmp.dir, 'twice');
    expect(cli(['page', folder]).code).toBe(0);
    const again = cli(['page', folder, '--json']);
    expect(again.code).toBe(2);
    expect((JSON.parse(again.out) as { code: string }).code).toBe('OUTPUT_EXISTS');
    expect(cli(['page', folder, '--force']).code).toBe(0);
  });

  it('refuses a folder that is a file (OUTPUT_UNWRITABLE, exit 2) and prints Chinese by default', () => {
    const file = tmp.file('not-a-folder', 'x');
    const run = cli(['page', file]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('[OUTPUT_UNWRITABLE]');
    expect(run.err).toContain('错误');
  });

  it('is a usage error without a folder, with two, or with an option of another command (exit 2)', () => {
    expect(cli(['page']).code).toBe(2);
    expect(cli(['page', join(tmp.dir, 'a'), join(tmp.dir, 'b')]).code).toBe(2);
    expect(cli(['page', join(tmp.dir, 'c'), '--dice', '12345678901234567890']).code).toBe(2);
    expect(existsSync(join(tmp.dir, 'a'))).toBe(false);
  });

  it('has a help page in both languages', () => {
    expect(cli(['page', '--help']).out).toContain('shuangsuiji page <文件夹>');
    expect(cli(['page', '--help', '--lang', 'en']).out).toContain('shuangsuiji page <folder>');
  });
});

describe('shuangsuiji page (from source, no page built beside it)', () => {
  it('says PAGE_NOT_BUILT (exit 2) and writes nothing', async () => {
    const lines: string[] = [];
    const folder = join(tmp.dir, 'from-source');
    const code = await runCli(['page', folder, '--json'], { stdout: (t) => lines.push(t), stderr: (t) => lines.push(t) });
    expect(code).toBe(2);
    expect((JSON.parse(lines.join('\n')) as { code: string }).code).toBe('PAGE_NOT_BUILT');
    expect(existsSync(folder)).toBe(false);
  });
});
