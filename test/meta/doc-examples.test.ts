// Every ```ts block under an @example tag in src/ must compile (docs/conventions.md: "an @example that runs"),
// and so must every ```ts block of README.md and of the pages of docs/zh/ and docs/en/.
// All blocks are typechecked in ONE in-memory program: each block becomes a virtual module in which
// 'shuangsuiji', 'shuangsuiji/testing' and 'shuangsuiji/readers' resolve (through `paths`) to their entry points in src/.
// A block that imports nothing from the library gets a header importing every public name, so short
// snippets may use the library's names directly; a block that has its own import must import all it uses.
// A Markdown block may be preceded (blank lines allowed) by a comment that readers of the page do not see,
//   <!-- ts-check context:
//   declare const register: readonly import('shuangsuiji').Entity[];
//   -->
// whose lines are put before the block's code: declarations of what the snippet takes as given.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Known failures, by source file and documented name, in files another change is editing (src/models/
 * parse-entity-register.ts, parse-inspector-register.ts, parse-item-list.ts, register-parse-options.ts,
 * *-headers.ts), so that the check holds everywhere else meanwhile. Fix the example, then delete its entry:
 * the last test fails while an entry no longer fails. Empty means every example compiles.
 */
const PENDING: readonly { readonly file: string; readonly name: string; readonly why: string }[] = [];

const root = join(import.meta.dirname, '..', '..');
const toPosix = (path: string): string => path.split(sep).join('/');

const ENTRY_POINTS = { shuangsuiji: 'src/index.ts', 'shuangsuiji/testing': 'src/testing/index.ts', 'shuangsuiji/readers': 'src/readers/index.ts' } as const;

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'], // as tsconfig.json: no DOM, so examples do not lean on browser-only globals
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
  paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, [join(root, file)]])),
};

interface Example {
  /** Source file, relative to the repository root. */
  readonly file: string;
  /** 1-based line in `file` of the first line of code in the block. */
  readonly line: number;
  /** The declaration the comment documents (`Outer.member` for members). */
  readonly name: string;
  readonly code: string;
  /** Lines put before `code` (the `ts-check context` comment of a Markdown block). */
  readonly context?: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'internals') out.push(...sourceFiles(path));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function declarationName(node: ts.Node, sf: ts.SourceFile): string | undefined {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.map((d) => d.name.getText(sf)).join(', ');
  }
  const name = (node as { name?: ts.Node }).name;
  if (name !== undefined && ts.isIdentifier(name)) return name.text;
  if (name !== undefined) return name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return undefined;
}

/** The dotted name of the innermost declaration whose leading trivia holds the comment at [start, end). */
function ownerOf(sf: ts.SourceFile, start: number, end: number): string {
  let found = '(file)';
  const visit = (node: ts.Node, prefix: string): void => {
    const name = declarationName(node, sf);
    if (node.pos <= start && end <= node.getStart(sf) && name !== undefined) {
      found = prefix + name;
      return;
    }
    if (node.pos <= start && end <= node.end) {
      const next = name !== undefined && !ts.isVariableStatement(node) ? `${prefix}${name}.` : prefix;
      ts.forEachChild(node, (child) => visit(child, next));
    }
  };
  ts.forEachChild(sf, (child) => visit(child, ''));
  return found;
}

function extractExamples(path: string): Example[] {
  const text = readFileSync(path, 'utf8');
  const file = toPosix(relative(root, path));
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const examples: Example[] = [];
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const start = match.index;
    const firstLine = sf.getLineAndCharacterOfPosition(start).line + 1;
    const lines = match[0].split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, '').replace(/\s*\*\/$/, ''));
    let inExample = false;
    let fence: { line: number; ts: boolean; code: string[] } | undefined;
    lines.forEach((line, i) => {
      if (fence !== undefined) {
        if (/^\s*```\s*$/.test(line)) {
          if (inExample && fence.ts) {
            const name = ownerOf(sf, start, start + match[0].length);
            examples.push({ file, line: fence.line, name, code: fence.code.join('\n') });
          }
          fence = undefined;
        } else fence.code.push(line);
        return;
      }
      const tag = /^\s*@(\w+)/.exec(line);
      if (tag !== null) inExample = tag[1] === 'example';
      const open = /^\s*```(\w*)\s*$/.exec(line);
      if (open !== null) fence = { line: firstLine + i + 1, ts: open[1] === 'ts' || open[1] === 'typescript', code: [] };
    });
  }
  return examples;
}

/** README.md and every page of docs/zh/ and docs/en/, whose ```ts blocks are typechecked too. */
function markdownFiles(): string[] {
  const pages = ['docs/zh', 'docs/en'].flatMap((dir) =>
    readdirSync(join(root, dir)).filter((entry) => entry.endsWith('.md')).sort().map((entry) => join(root, dir, entry)));
  return [join(root, 'README.md'), ...pages];
}

/** The ```ts blocks of a Markdown page, each named after the heading it stands under. */
function extractMarkdownExamples(path: string): Example[] {
  const file = toPosix(relative(root, path));
  const lines = readFileSync(path, 'utf8').split('\n');
  const examples: Example[] = [];
  let heading = '(top)';
  let context: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (open !== null) {
      const fence = open[1]!;
      const close = new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end]!)) end++;
      const language = open[2]!;
      if (language === 'ts' || language === 'typescript') {
        examples.push({ file, line: i + 2, name: heading, code: lines.slice(i + 1, end).join('\n'), ...(context === undefined ? {} : { context: context.join('\n') }) });
      }
      context = undefined;
      i = end;
      continue;
    }
    if (/^<!--\s*ts-check context:\s*$/.test(line)) {
      let end = i + 1;
      while (end < lines.length && !/^\s*-->\s*$/.test(lines[end]!)) end++;
      context = lines.slice(i + 1, end);
      i = end;
      continue;
    }
    const title = /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (title !== null) heading = title[1]!;
    if (line.trim() !== '') context = undefined; // the context comment must stand right before its block
  }
  return examples;
}

/** Names a block declares or imports at its top level (the header must not import them again). */
function topLevelNames(code: string): { names: Set<string>; importsLibrary: boolean } {
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  let importsLibrary = false;
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (from in ENTRY_POINTS) importsLibrary = true;
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else {
      const name = (statement as { name?: ts.Node }).name;
      if (name !== undefined && ts.isIdentifier(name)) names.add(name.text);
    }
  }
  return { names, importsLibrary };
}

function publicNames(host: ts.CompilerHost): Map<string, string[]> {
  const files = Object.values(ENTRY_POINTS).map((entry) => join(root, entry));
  const program = ts.createProgram(files, compilerOptions, host);
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  for (const [moduleName, entry] of Object.entries(ENTRY_POINTS)) {
    const sf = program.getSourceFile(join(root, entry))!;
    const symbol = checker.getSymbolAtLocation(sf)!;
    result.set(moduleName, checker.getExportsOfModule(symbol).map((s) => s.getName()).sort());
  }
  return result;
}

interface Checked {
  readonly examples: readonly Example[];
  /** One per diagnostic, the line being that of the diagnostic in the source file. */
  readonly failures: readonly { readonly example: Example; readonly message: string }[];
}

function checkExamples(): Checked {
  const examples = [
    ...sourceFiles(join(root, 'src'))
      .filter((path) => !toPosix(relative(root, path)).startsWith('src/cli/'))
      .flatMap(extractExamples),
    ...markdownFiles().flatMap(extractMarkdownExamples),
  ];

  const baseHost = ts.createCompilerHost(compilerOptions, true);
  baseHost.getCurrentDirectory = () => root;
  // The public names are read by a first, small program over the two entry points (no type checking);
  // its parsed files are cached and reused by the single program that typechecks every example.
  const cache = new Map<string, ts.SourceFile | undefined>();
  const realGetSourceFile = baseHost.getSourceFile.bind(baseHost);
  baseHost.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!cache.has(fileName)) cache.set(fileName, realGetSourceFile(fileName, languageVersion, onError, shouldCreate));
    return cache.get(fileName);
  };
  const names = publicNames(baseHost);

  const virtualDir = join(root, '__doc_examples__');
  const virtual = new Map<string, { example: Example; text: string; headerLines: number }>();
  examples.forEach((example, index) => {
    const context = example.context === undefined ? [] : example.context.split('\n');
    const { importsLibrary } = topLevelNames(example.code);
    const { names: declared } = topLevelNames([...context, example.code].join('\n'));
    const header: string[] = [];
    if (!importsLibrary) {
      const seen = new Set(declared);
      for (const [moduleName, exported] of names) {
        const imported = exported.filter((n) => !seen.has(n));
        imported.forEach((n) => seen.add(n));
        if (imported.length > 0) header.push(`import { ${imported.join(', ')} } from '${moduleName}';`);
      }
    }
    header.push('export {};', ...context);
    const base = example.file.replace(/\//g, '__').replace(/\.(ts|md)$/, '');
    const fileName = toPosix(join(virtualDir, `${String(index).padStart(3, '0')}-${base}-L${example.line}.ts`));
    virtual.set(fileName, { example, text: `${header.join('\n')}\n${example.code}\n`, headerLines: header.length });
  });

  const host: ts.CompilerHost = {
    ...baseHost,
    getCurrentDirectory: () => root,
    fileExists: (fileName) => virtual.has(toPosix(fileName)) || baseHost.fileExists(fileName),
    readFile: (fileName) => virtual.get(toPosix(fileName))?.text ?? baseHost.readFile(fileName),
    getSourceFile: (fileName, languageVersion, onError, shouldCreate) => {
      const v = virtual.get(toPosix(fileName));
      if (v !== undefined) return ts.createSourceFile(fileName, v.text, languageVersion, true);
      return baseHost.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    },
  };
  const program = ts.createProgram([...virtual.keys()], compilerOptions, host);

  const failures: { example: Example; message: string }[] = [];
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const d of global) {
    failures.push({
      example: { file: '(program)', line: 0, name: '-', code: '' },
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    });
  }
  for (const [fileName, { example, headerLines }] of virtual) {
    const sf = program.getSourceFile(fileName)!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of diagnostics) {
      const at = d.start === undefined ? -1 : sf.getLineAndCharacterOfPosition(d.start).line - headerLines;
      const line = at >= 0 ? example.line + at : example.line;
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n      ');
      failures.push({ example: { ...example, line }, message: `TS${d.code}: ${message}` });
    }
  }
  return { examples, failures };
}

const isPending = (example: Example): boolean =>
  PENDING.some((p) => p.file === example.file && p.name === example.name);
const describeFailure = ({ example, message }: Checked['failures'][number]): string =>
  `${example.file}:${example.line} (${example.name}): ${message}`;

describe('TSDoc @example blocks and the ```ts blocks of README.md and docs/', () => {
  let checked: Checked;
  beforeAll(() => {
    checked = checkExamples();
  });

  it('finds the examples', () => {
    expect(checked.examples.length).toBeGreaterThan(200);
    for (const example of checked.examples) expect(example.code.trim(), `${example.file}:${example.line}`).not.toBe('');
  });

  it('finds the ```ts blocks of README.md and of the pages of docs/zh/ and docs/en/', () => {
    const pages = markdownFiles().map((path) => toPosix(relative(root, path)));
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/zh/vendors.md', 'docs/en/vendors.md', 'docs/zh/auditors.md', 'docs/en/auditors.md']));
    const blocks = (file: string): number => checked.examples.filter((e) => e.file === file).length;
    expect(blocks('README.md')).toBeGreaterThanOrEqual(1);
    for (const page of ['vendors', 'auditors']) {
      expect(blocks(`docs/zh/${page}.md`), page).toBeGreaterThanOrEqual(2);
      expect(blocks(`docs/en/${page}.md`), page).toBeGreaterThanOrEqual(2);
    }
  });

  it('typecheck (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)', () => {
    const failures = checked.failures.filter((f) => !isPending(f.example)).map(describeFailure);
    expect(failures, `${failures.length} failing example diagnostics (file:line (name): diagnostic)`).toEqual([]);
  });

  it('lists in PENDING only examples that still fail', () => {
    const stale = PENDING.filter((p) => !checked.failures.some((f) => f.example.file === p.file && f.example.name === p.name));
    expect(stale.map((p) => `${p.file} (${p.name})`)).toEqual([]);
  });
});
