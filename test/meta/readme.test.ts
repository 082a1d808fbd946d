// README.md is a hand-written front page that fits a screen (issue 14 §2); everything else lives in docs/zh/ and
// docs/en/, one page per audience in each language. This checks that the README stays small and names the two
// commands a newcomer needs, that its draw-and-verify example runs, that its command-line block is part of the
// procedure scripts/procedure.sh runs, that every relative link of README.md and docs/**/*.md reaches an existing
// file (and heading), and that every page has its counterpart in the other language. Its ```ts blocks, and those of
// docs/zh/ and docs/en/, are typechecked by test/meta/doc-examples.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const toPosix = (path: string): string => path.split(sep).join('/');

/** The most bytes README.md may hold: a front page of a few screens, not the manual. */
const README_MAX_BYTES = 12_000;
const LANGUAGES = ['zh', 'en'] as const;

/** Every Markdown page under docs/ (recursively), relative to the root, and README.md. */
function markdownPages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).sort().flatMap((entry) => {
      const path = `${dir}/${entry}`;
      if (statSync(join(root, path)).isDirectory()) return entry === 'api' ? [] : walk(path);
      return entry.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...walk('docs')];
}

/** The text of a page outside fenced code blocks and HTML comments (inline code is blanked too). */
function prose(text: string): string {
  return text
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/`[^`\n]*`/g, '``');
}

/** The fenced blocks of a page with the given info string (`ts`, `sh`, `sh procedure` …). */
function blocks(text: string, info: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) if (match[1]!.trim() === info) found.push(match[2]!);
  return found;
}

/** Shell commands of a block: continuation lines joined, comment and blank lines dropped, trailing comments cut. */
function commands(block: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of block.split('\n')) {
    const line = pending === '' ? raw : `${pending} ${raw.trim()}`;
    if (/\\\s*$/.test(line)) {
      pending = line.replace(/\s*\\\s*$/, '');
      continue;
    }
    pending = '';
    if (/^\s*(#|$)/.test(line)) continue;
    out.push(line.replace(/\s+#.*$/, '').trim());
  }
  return out;
}

/** A heading's anchor as GitHub makes it: rendered text, lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(page: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of prose(read(page)).matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const base = slug(match[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

describe('README', () => {
  const readme = read('README.md');

  it(`fits a screen: at most ${README_MAX_BYTES} bytes`, () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThanOrEqual(README_MAX_BYTES);
  });

  it('gives the demo and test commands and how to install, and .ci/run runs the same test command', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('npm install shuangsuiji');
    // CI installs as the README says (from the lockfile) and runs the same test command.
    expect(read('.ci/run')).toMatch(/^npm ci\b/m);
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('links every documentation page of both languages, and the specification', () => {
    for (const language of LANGUAGES) {
      for (const page of readdirSync(join(root, 'docs', language)).filter((f) => f.endsWith('.md'))) {
        expect(readme, `docs/${language}/${page}`).toContain(`](docs/${language}/${page}`);
      }
    }
    expect(readme).toContain('](docs/spec.md)');
  });

  it('has a complete draw-and-verify example with a size of { count: 30 }, and it runs', () => {
    const example = blocks(readme, 'ts').find((code) => code.includes('verifyDraw'));
    expect(example, 'a ```ts block calling verifyDraw').toBeDefined();
    expect(example).toContain('size: { count: 30 }');
    const entry = (file: string): string => `'${pathToFileURL(join(root, file)).href}'`;
    const code = example!
      .replace(/'shuangsuiji\/testing'/g, entry('src/testing/index.ts'))
      .replace(/'shuangsuiji'/g, entry('src/index.ts'));
    expect(code, 'the example imports only from shuangsuiji and shuangsuiji/testing').not.toMatch(/from '(?!file:)/);
    const dir = mkdtempSync(join(tmpdir(), 'readme-example-'));
    try {
      writeFileSync(join(dir, 'example.ts'), code);
      const output = execFileSync(process.execPath, ['--import', 'tsx', join(dir, 'example.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(output).toContain('30 true');
      expect(output).toContain('核验通过 / verified');
      expect(output).toContain('REGISTER_CHANGED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('shows command-line steps that are all commands of the procedure scripts/procedure.sh runs', () => {
    const procedure = blocks(read('docs/zh/departments.md'), 'sh procedure');
    expect(procedure).toHaveLength(1);
    const known = new Set(commands(procedure[0]!));
    const shown = blocks(readme, 'sh').flatMap(commands).filter((c) => c.startsWith('npx shuangsuiji '));
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(shown.filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('docs/', () => {
  const pages = markdownPages();

  it('finds the pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/spec.md', 'docs/zh/vendors.md', 'docs/en/auditors.md']));
  });

  it('every relative link of README.md and docs/**/*.md reaches an existing file (in README.md, a file, not a folder), and heading', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const match of prose(read(page)).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const link = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: …
        const [pathPart, anchor] = link.split('#', 2) as [string, string | undefined];
        const target = pathPart === '' ? page : toPosix(relative(root, join(root, dirname(page), decodeURIComponent(pathPart))));
        if (target.startsWith('..') || !existsSync(join(root, target))) {
          broken.push(`${page}: ${link} (no file ${target})`);
          continue;
        }
        // typedoc renders README.md (npm test: warnings are errors) and warns on a link to a folder.
        if (page === 'README.md' && statSync(join(root, target)).isDirectory()) broken.push(`${page}: ${link} (a folder: link a file)`);
        if (anchor !== undefined && target.endsWith('.md') && !anchors(target).has(decodeURIComponent(anchor))) {
          broken.push(`${page}: ${link} (no heading #${anchor} in ${target})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('has each page of docs/zh/ in docs/en/ and the other way round, each linking to its counterpart', () => {
    const list = (language: string): string[] => readdirSync(join(root, 'docs', language)).filter((f) => f.endsWith('.md')).sort();
    expect(list('zh')).toEqual(list('en'));
    expect(list('zh')).toEqual(expect.arrayContaining(['auditors.md', 'departments.md', 'vendors.md']));
    for (const page of list('zh')) {
      expect(read(`docs/zh/${page}`), `docs/zh/${page}`).toContain(`](../en/${page})`);
      expect(read(`docs/en/${page}`), `docs/en/${page}`).toContain(`](../zh/${page})`);
    }
  });

  it('gives the same command-line procedure in both languages', () => {
    const zh = blocks(read('docs/zh/departments.md'), 'sh procedure');
    const en = blocks(read('docs/en/departments.md'), 'sh procedure');
    expect(zh).toHaveLength(1);
    expect(en).toEqual(zh);
  });
});
