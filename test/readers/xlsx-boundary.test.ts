// The workbook reader stays out of the core library and runs in browsers: src/index.ts (and shuangsuiji/testing)
// never reach src/readers/xlsx or fflate through their imports, and the reader uses no Node-only API.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Every source file reachable from `entry` through static relative imports and re-exports, and the packages named. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // Comments (TSDoc examples import the reader by a path relative to the repository) are not imports.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    // `import type` / `export type` are erased by the compiler: they reach no code (src/error-code.ts names XlsxCode).
    for (const match of text.matchAll(/(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = match[1] ?? match[2]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      pending.push(target);
    }
  }
  return { files, packages };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('the workbook reader is not part of the core', () => {
  it('src/index.ts and src/testing/index.ts never import it or fflate', () => {
    for (const entry of ['src/index.ts', 'src/testing/index.ts']) {
      const { files, packages } = reach(entry);
      expect(files.size).toBeGreaterThan(10);
      const readers = [...files].map((f) => relative(root, f)).filter((f) => f.startsWith('src/readers/xlsx'));
      expect([entry, readers, packages.has('fflate')]).toEqual([entry, [], false]);
    }
  });

  it('the command line does load it', () => {
    const { files, packages } = reach('src/cli/main.ts');
    expect([...files].some((f) => relative(root, f) === join('src', 'readers', 'xlsx', 'index.ts'))).toBe(true);
    expect(packages.has('fflate')).toBe(true);
  });

  it('uses no Node-only API (it runs in browsers), and only fflate as a package', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src', 'readers', 'xlsx'))) {
      const code = readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join('\n');
      if (/from\s+['"]node:|require\(|\bBuffer\b|\bprocess\.|\bsetImmediate\b/.test(code)) offenders.push(relative(root, file));
      for (const m of code.matchAll(/from\s+['"]([^'".][^'"]*)['"]/g)) if (m[1] !== 'fflate') offenders.push(`${relative(root, file)}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
