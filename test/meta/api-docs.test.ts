// The API docs are written for users (issue 14 §4): every export of the three public entry points carries an
// @group naming its domain — the sections of the typedoc module pages, in typedoc.json's groupOrder — and every
// function users call documents each of its parameters with @param (exported functions, function-valued
// constants and function types, class constructors and public methods, methods and function-valued properties of
// exported interfaces); a parameter named `options` comes last and each optional property of its type has a
// @defaultValue. Checked with the compiler API, following re-exports to the declarations. typedoc.json's
// `requiredToBeDocumented` (Parameter) makes `npx typedoc` refuse an undocumented parameter too; this test names
// the file and says which rule is broken.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const toPosix = (path: string): string => path.split(sep).join('/');

/** The groups, in the order users see them; the entry point each may appear in. */
const GROUPS = ['Models', 'Calendar', 'Draw', 'Match', 'Workflow', 'Audit', 'Errors', 'CLI readers', 'Node', 'Testing'] as const;
type Group = (typeof GROUPS)[number];

const ENTRY_POINTS: Readonly<Record<string, readonly Group[]>> = {
  'src/index.ts': ['Models', 'Calendar', 'Draw', 'Match', 'Workflow', 'Audit', 'Errors'],
  'src/readers/index.ts': ['CLI readers'],
  'src/cli/node/index.ts': ['Node'],
  'src/testing/index.ts': ['Testing'],
};

/** The group of a declaration follows from its file: one group per domain folder; the error module is "Errors". */
function groupOfFile(file: string): Group | undefined {
  const folder = /^src\/([a-z]+)\//.exec(file)?.[1];
  const byFolder: Readonly<Record<string, Group>> = {
    models: 'Models', calendar: 'Calendar', draw: 'Draw', match: 'Match', workflow: 'Workflow', audit: 'Audit',
    readers: 'CLI readers', testing: 'Testing', cli: 'Node',
  };
  if (folder !== undefined) return byFolder[folder];
  return /^src\/errors?(-[a-z-]+)?\.ts$/.test(file) ? 'Errors' : undefined;
}

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
};

interface Report {
  /** One line per broken rule: `file: name — what is missing`. */
  readonly problems: string[];
  /** Every callable checked for @param, as `Name` or `Owner.member`. */
  readonly callables: string[];
  /** Every export checked for @group. */
  readonly exports: string[];
}

/** The JSDoc comment nodes of a declaration (a variable's are on its statement). */
function docsOf(node: ts.Node): readonly ts.JSDoc[] {
  const holder = ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) ? node.parent.parent : node;
  return ts.getJSDocCommentsAndTags(holder).filter((d): d is ts.JSDoc => ts.isJSDoc(d) && d.parent === holder);
}

function tagsOf(node: ts.Node): readonly ts.JSDocTag[] {
  return docsOf(node).flatMap((doc) => doc.tags ?? []);
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return '';
  return typeof comment === 'string' ? comment : comment.map((part) => part.getText()).join('');
}

type Parameterised = ts.SignatureDeclarationBase;

/** Checks one signature's parameters against the @param tags of `docHolder`. */
function checkParams(
  where: string,
  signature: Parameterised,
  docHolder: ts.Node,
  checker: ts.TypeChecker,
  report: Report,
): void {
  const documented = new Map<string, string>();
  for (const tag of tagsOf(docHolder)) {
    if (ts.isJSDocParameterTag(tag)) documented.set(tag.name.getText(), commentText(tag.comment).replace(/^\s*-\s*/, '').trim());
  }
  const names: string[] = [];
  signature.parameters.forEach((parameter, index) => {
    if (!ts.isIdentifier(parameter.name)) {
      report.problems.push(`${where} — parameter ${index + 1} is destructured: give it a name and an @param`);
      return;
    }
    const name = parameter.name.text;
    if (name === 'this') return;
    names.push(name);
    const text = documented.get(name);
    if (text === undefined) report.problems.push(`${where} — no @param for \`${name}\``);
    else if (text === '') report.problems.push(`${where} — @param \`${name}\` says nothing`);
    if (name === 'options') {
      if (index !== signature.parameters.length - 1) report.problems.push(`${where} — \`options\` is not the last parameter`);
      checkOptionDefaults(`${where} (options)`, checker.getTypeAtLocation(parameter), checker, report);
    }
  });
  for (const name of documented.keys()) {
    if (!names.includes(name)) report.problems.push(`${where} — @param \`${name}\` names no parameter`);
  }
}

/** Each optional property of an options type, where it is declared in our sources, has a @defaultValue. */
function checkOptionDefaults(where: string, type: ts.Type, checker: ts.TypeChecker, report: Report): void {
  const objectType = checker.getNonNullableType(type);
  if (!(objectType.flags & ts.TypeFlags.Object) && !objectType.isIntersection()) return;
  for (const property of checker.getPropertiesOfType(objectType)) {
    if (!(property.flags & ts.SymbolFlags.Optional)) continue;
    const declaration = property.declarations?.[0];
    if (declaration === undefined || declaration.getSourceFile().isDeclarationFile) continue; // e.g. a lib type's members
    if (!tagsOf(declaration).some((tag) => tag.tagName.text === 'defaultValue')) {
      report.problems.push(`${where} — option \`${property.getName()}\` has no @defaultValue`);
    }
  }
}

function memberName(member: ts.ClassElement | ts.TypeElement): string {
  if (ts.isConstructorDeclaration(member)) return 'constructor';
  if (ts.isCallSignatureDeclaration(member)) return '(call)';
  const name = member.name;
  if (name === undefined) return '(anonymous)';
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) ? name.text : name.getText();
}

function isPublicClassMember(member: ts.ClassElement): boolean {
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
  return !(member.name !== undefined && ts.isPrivateIdentifier(member.name));
}

/** The function type a type node stands for, when it is one (`(a: A) => B`, possibly parenthesised or optional). */
function functionTypeOf(node: ts.TypeNode | undefined): ts.FunctionTypeNode | undefined {
  let current = node;
  while (current !== undefined && ts.isParenthesizedTypeNode(current)) current = current.type;
  return current !== undefined && ts.isFunctionTypeNode(current) ? current : undefined;
}

/** Every callable of one exported declaration, with the node whose comment must document its parameters. */
function checkCallables(name: string, where: string, declaration: ts.Declaration, checker: ts.TypeChecker, report: Report): void {
  const check = (label: string, signature: Parameterised, holder: ts.Node): void => {
    report.callables.push(label);
    checkParams(`${where}: ${label}`, signature, holder, checker, report);
  };
  if (ts.isFunctionDeclaration(declaration)) {
    // With overloads, users see the overload signatures, not the implementation.
    const symbol = declaration.name === undefined ? undefined : checker.getSymbolAtLocation(declaration.name);
    const overloads = (symbol?.declarations ?? []).filter((d) => ts.isFunctionDeclaration(d) && d.body === undefined);
    if (declaration.body !== undefined && overloads.length > 0) return;
    check(name, declaration, declaration);
  } else if (ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer;
    if (init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) check(name, init, declaration);
  } else if (ts.isTypeAliasDeclaration(declaration)) {
    const fn = functionTypeOf(declaration.type);
    if (fn !== undefined) check(name, fn, declaration);
  } else if (ts.isClassDeclaration(declaration)) {
    for (const member of declaration.members) {
      if (!isPublicClassMember(member)) continue;
      if (ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) {
        if (ts.isMethodDeclaration(member) && member.body !== undefined && declaration.members.some((m) => m !== member && ts.isMethodDeclaration(m) && memberName(m) === memberName(member) && m.body === undefined)) continue;
        if (member.parameters.length > 0 || tagsOf(member).some(ts.isJSDocParameterTag)) check(`${name}.${memberName(member)}`, member, member);
      }
    }
  } else if (ts.isInterfaceDeclaration(declaration)) {
    for (const member of declaration.members) {
      if (ts.isMethodSignature(member) || ts.isCallSignatureDeclaration(member)) {
        check(`${name}.${memberName(member)}`, member, member);
      } else if (ts.isPropertySignature(member)) {
        const fn = functionTypeOf(member.type);
        if (fn !== undefined) check(`${name}.${memberName(member)}`, fn, member);
      }
    }
  }
}

function checkEntryPoints(program: ts.Program, base: string, entries: Readonly<Record<string, readonly Group[]>>): Report {
  const checker = program.getTypeChecker();
  const report: Report = { problems: [], callables: [], exports: [] };
  const seen = new Set<ts.Declaration>();
  for (const [entry, allowed] of Object.entries(entries)) {
    const source = program.getSourceFile(join(base, entry));
    if (source === undefined) {
      report.problems.push(`${entry} — entry point not found`);
      continue;
    }
    const moduleSymbol = checker.getSymbolAtLocation(source);
    for (const exported of moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.getName();
      report.exports.push(`${entry}:${name}`);
      for (const declaration of symbol.declarations ?? []) {
        const file = toPosix(relative(base, declaration.getSourceFile().fileName));
        const where = `${file}: ${name}`;
        if (!file.startsWith('src/')) continue;
        const groups = tagsOf(declaration).filter((tag) => tag.tagName.text === 'group').map((tag) => commentText(tag.comment).trim());
        const expected = groupOfFile(file);
        if (docsOf(declaration).length === 0) report.problems.push(`${where} — no TSDoc comment`);
        else if (groups.length === 0) report.problems.push(`${where} — no @group (expected @group ${expected ?? '?'})`);
        else if (groups.length > 1) report.problems.push(`${where} — more than one @group: ${groups.join(', ')}`);
        else if (!(GROUPS as readonly string[]).includes(groups[0]!)) report.problems.push(`${where} — @group ${groups[0]} is not one of ${GROUPS.join(', ')}`);
        else if (expected === undefined) report.problems.push(`${where} — ${file} belongs to no domain folder: add it to groupOfFile`);
        else if (groups[0] !== expected) report.problems.push(`${where} — @group ${groups[0]}, but ${file} is in ${expected}`);
        else if (!allowed.includes(groups[0] as Group)) report.problems.push(`${where} — @group ${groups[0]} is not a group of ${entry} (${allowed.join(', ')})`);
        if (seen.has(declaration)) continue;
        seen.add(declaration);
        checkCallables(name, file, declaration, checker, report);
      }
    }
  }
  return report;
}

describe('API docs (typedoc) for users', () => {
  const program = ts.createProgram(Object.keys(ENTRY_POINTS).map((entry) => join(root, entry)), compilerOptions);
  const report = checkEntryPoints(program, root, ENTRY_POINTS);

  it('groups every export of the three entry points by domain and documents every parameter', () => {
    expect(report.problems).toEqual([]);
  });

  it('looked at the public surface (not an empty walk)', () => {
    for (const name of ['src/index.ts:drawTargets', 'src/index.ts:ShuangsuijiError', 'src/readers/index.ts:RegisterRowReader', 'src/testing/index.ts:generateEntityRegister']) {
      expect(report.exports).toContain(name);
    }
    for (const name of ['drawTargets', 'ShuangsuijiError.constructor', 'RegisterRowReader.constructor', 'WorkCalendar.addWorkdays', 'AuditDrawFunction', 'ReadRegisterOptions.onProblem', 'generateEntityRegister', 'readRegisterRows']) {
      expect(report.callables).toContain(name);
    }
  });

  it('orders the groups in typedoc.json as users see them, one entry point per group', () => {
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[]; groupOrder: string[]; requiredToBeDocumented: string[] };
    expect(config.groupOrder.slice(0, GROUPS.length)).toEqual([...GROUPS]);
    expect([...config.entryPoints].sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
    expect(config.requiredToBeDocumented).toContain('Parameter');
  });

  it('catches a missing @param, a stale @param, a missing or wrong @group and an option without a default', () => {
    const files: Record<string, string> = {
      '/virtual/src/index.ts': "export { add, Options, Thing, lonely } from './draw/fixture.js';\n",
      '/virtual/src/draw/fixture.ts': [
        '/** Options.\n * @group Draw\n */',
        'export interface Options {\n  /** documented. @defaultValue 1 */\n  readonly a?: number;\n  /** not. */\n  readonly b?: number;\n}',
        '/**\n * Adds.\n * @param a - the first\n * @param c - not a parameter\n * @group Draw\n */',
        'export function add(a: number, b: number, options?: Options): number { return a + b + (options?.a ?? 0); }',
        '/**\n * A thing.\n * @group Calendar\n */',
        'export class Thing {\n  /** Makes one. */\n  constructor(size: number) { void size; }\n}',
        '/** No group. */',
        'export const lonely = 1;',
      ].join('\n'),
    };
    const host = ts.createCompilerHost(compilerOptions);
    const original = { getSourceFile: host.getSourceFile.bind(host), fileExists: host.fileExists.bind(host), readFile: host.readFile.bind(host) };
    host.fileExists = (file) => file in files || original.fileExists(file);
    host.directoryExists = (dir) => Object.keys(files).some((file) => file.startsWith(`${dir}/`)) || ts.sys.directoryExists(dir);
    host.readFile = (file) => files[file] ?? original.readFile(file);
    host.getSourceFile = (file, language) => {
      const text = files[file];
      return text === undefined ? original.getSourceFile(file, language) : ts.createSourceFile(file, text, language, true);
    };
    const fixture = ts.createProgram(['/virtual/src/index.ts'], compilerOptions, host);
    const { problems, callables } = checkEntryPoints(fixture, '/virtual', { 'src/index.ts': ['Draw', 'Calendar'] });
    expect(callables).toEqual(['add', 'Thing.constructor']);
    expect(problems).toEqual([
      'src/draw/fixture.ts: add — no @param for `b`',
      'src/draw/fixture.ts: add — no @param for `options`',
      'src/draw/fixture.ts: add (options) — option `b` has no @defaultValue',
      'src/draw/fixture.ts: add — @param `c` names no parameter',
      'src/draw/fixture.ts: Thing — @group Calendar, but src/draw/fixture.ts is in Draw',
      'src/draw/fixture.ts: Thing.constructor — no @param for `size`',
      'src/draw/fixture.ts: lonely — no @group (expected @group Draw)',
    ]);
  });
});
