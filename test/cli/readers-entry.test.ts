// shuangsuiji/readers (issue 13 item 1): the entry point is built and exported like the others (types first), and
// every export carries TSDoc with an @example (docs/conventions.md), checked with the compiler API as for the
// main and testing entry points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('shuangsuiji/readers', () => {
  it('gives every export an @example', () => {
    const entry = join(root, 'src/readers/index.ts');
    const program = ts.createProgram([entry], {
      strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true,
    });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const exported = checker.getExportsOfModule(moduleSymbol);
    expect(exported.map((e) => e.getName())).toEqual(expect.arrayContaining(['readRegisterRows', 'readRegisterBlob', 'RegisterRowReader', 'TextEncodingName']));
    const missing = exported
      .filter((e) => !(e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e).getJsDocTags(checker).some((t) => t.name === 'example'))
      .map((e) => e.getName());
    expect(missing).toEqual([]);
  });

  it('is an entry of the build and of package.json exports, types first', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, Record<string, string>>> };
    const entry = pkg.exports['./readers']!;
    expect(Object.keys(entry['import']!)).toEqual(['types', 'module', 'node', 'default']);
    expect(Object.keys(entry['require']!)).toEqual(['types', 'default']);
    // Bundlers get the module tree (docs/bundling.md), Node one file.
    expect(entry['import']).toEqual({
      types: './dist/readers.d.ts', module: './dist/esm/readers/index.js', node: './dist/readers.js', default: './dist/esm/readers/index.js',
    });
    expect(readFileSync(join(root, 'tsup.config.ts'), 'utf8')).toContain("readers: 'src/readers/index.ts'");
  });

  it('uses nothing of Node (it runs in browsers)', () => {
    for (const file of ['index.ts', 'register-row-reader.ts', 'read-register-rows.ts', 'read-register-blob.ts', 'internals/text-decoding.ts', 'internals/csv-reader.ts', 'internals/json-rows.ts', 'internals/limits.ts', 'internals/file-signature.ts', 'internals/stream-chunks.ts']) {
      // Comment lines (TSDoc examples may show Node use) are skipped.
      const code = readFileSync(join(root, 'src/readers', file), 'utf8').split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line)).join('\n');
      expect(code, file).not.toMatch(/from\s+['"]node:|\bBuffer\b|\bprocess\./);
    }
  });
});
