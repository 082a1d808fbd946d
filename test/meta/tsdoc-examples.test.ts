// Every public export carries TSDoc with an @example (docs/conventions.md); checked with the compiler API.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function exportsWithoutExample(entry: string): string[] {
  const program = ts.createProgram([join(root, entry)], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(root, entry))!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const tags = symbol.getJsDocTags(checker);
    if (!tags.some((tag) => tag.name === 'example')) missing.push(exported.getName());
  }
  return missing.sort();
}

describe('TSDoc', () => {
  it('gives every export of the main entry an @example', () => {
    expect(exportsWithoutExample('src/index.ts')).toEqual([]);
  });

  it('gives every export of shuangsuiji/testing an @example', () => {
    expect(exportsWithoutExample('src/testing/index.ts')).toEqual([]);
  });
});
