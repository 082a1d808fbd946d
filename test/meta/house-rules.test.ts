// Standing checks of the house rules (docs/conventions.md) that a reviewer would otherwise do by eye.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const files = sourceFiles(join(root, 'src')).map((path) => ({
  path: relative(root, path),
  // Comment lines are skipped so documentation may name what it forbids.
  code: readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n'),
}));

describe('house rules over src/', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('uses no ambient randomness or time', () => {
    const offenders = files.filter((f) =>
      /Math\.random|Date\.now\(|new Date\(\)|performance\.now|getRandomValues|randomUUID|toLocale(Date|Time)?String\(/.test(f.code),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('imports no node: modules outside the CLI (the core runs in browsers)', () => {
    const offenders = files.filter(
      (f) => !f.path.startsWith('src/cli/') && /from\s+['"]node:|require\(\s*['"]node:/.test(f.code),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('re-exports from barrels by name only (no export *)', () => {
    const offenders = files.filter((f) => /export\s+\*\s+from/.test(f.code));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
