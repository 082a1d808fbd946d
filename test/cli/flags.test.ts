// Issue 13 item 6: the flag parser is node:util parseArgs (strict), with every flag and behaviour of the
// hand-written one it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../src/cli/internals/flags.js';
import { runCli } from '../../src/cli/run-cli.js';

function refused(argv: string[]): string {
  try {
    parseFlags(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseFlags', () => {
  it('reads every flag of the hand-written parser, in both spellings of a value', () => {
    const f = parseFlags(['verify', 'r.json', 'reg.csv', '--targets', 't.json', '--expect=abc', '--dice', '1 2', '--salt', '-x', '--json', '--en', '--progress', '-h', '-v']);
    expect(f).toMatchObject({
      positional: ['verify', 'r.json', 'reg.csv'], targets: 't.json', expect: 'abc', dice: '1 2', salt: '-x', json: true, language: 'en',
      progress: true, help: true, version: true,
    });
    expect(f.given).toEqual(['targets', 'expect', 'dice', 'salt', 'progress']);
    expect(parseFlags(['--no-progress']).progress).toBe(false);
    expect(parseFlags([]).progress).toBeUndefined();
    // The last of --lang/--en and of --progress/--no-progress wins, as before.
    expect(parseFlags(['--lang', 'en', '--lang=zh']).language).toBe('zh');
    expect(parseFlags(['--lang=zh', '--en']).language).toBe('en');
    expect(parseFlags(['--progress', '--no-progress']).progress).toBe(false);
    expect(parseFlags(['--expect', 'a', '--expect', 'b']).expect).toBe('b');
    // Values may start with one dash, and "-" alone is an argument.
    expect(parseFlags(['--targets', '-']).targets).toBe('-');
    expect(parseFlags(['digest', '-']).positional).toEqual(['digest', '-']);
    expect(parseFlags(['--expect=']).expect).toBe('');
  });

  it('reads the reading options of issue 13', () => {
    const f = parseFlags(['digest', 'r.csv', '--encoding', 'gb18030', '--headers', 'a=name,b=address', '--headers=c=id', '--headers-file', 'm.json', '--ignore-columns', '备注', '--ignore-columns=x,y']);
    expect(f).toMatchObject({ encoding: 'gb18030', headers: ['a=name,b=address', 'c=id'], headersFile: 'm.json', ignoreColumns: ['备注', 'x,y'] });
    expect(f.given).toEqual(['encoding', 'headers', 'headers', 'headers-file', 'ignore-columns', 'ignore-columns']);
  });

  it('refuses unknown options, missing values, values for switches, values starting with --, and --', () => {
    expect(refused(['verify', '--bogus'])).toBe('--bogus');
    expect(refused(['-x'])).toBe('-x');
    expect(refused(['--json=yes'])).toBe('--json=yes');
    expect(refused(['--targets'])).toBe('--targets');
    expect(refused(['--targets', '--json'])).toBe('--targets');
    expect(refused(['--lang', 'fr'])).toBe('--lang=fr');
    expect(refused(['--lang=fr'])).toBe('--lang=fr');
    expect(refused(['--'])).toBe('--');
    expect(refused(['-5'])).toBe('-5');
  });

  it('never throws anything but a UsageError, whatever the arguments', () => {
    const word = fc.oneof(
      fc.constantFrom('--json', '--lang', 'en', '--en', '--progress', '--no-progress', '--targets', '--expect', '--dice', '--salt', '--encoding',
        '--headers', '--headers-file', '--ignore-columns', '--help', '-h', '-v', '-hv', '-', '--', '--x=', '--=', '=', 'a=b'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          const f = parseFlags(argv);
          // Everything that is not an option is a positional argument, in order.
          expect(f.positional.every((p) => argv.includes(p))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('usage errors of the command', () => {
  it('exit 2 naming the argument, with USAGE_ERROR under --json', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['digest', 'r.csv', '--encodng', 'gbk'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err[0]!.split('\n')[0]).toBe('无法识别的参数：--encodng');
    const json: string[] = [];
    expect(await runCli(['digest', 'r.csv', '--headers', '--json'], { stdout: (t) => json.push(t), stderr: () => {} })).toBe(2);
    expect(JSON.parse(json[0]!)).toMatchObject({ ok: false, code: 'USAGE_ERROR', messageEn: 'unrecognised argument: --headers' });
    // An option of another command is a usage error of this one.
    expect(await runCli(['seed', '--dice', '31415926535897932384', '--encoding', 'gbk'], { stdout: () => {}, stderr: () => {} })).toBe(2);
  });
});
