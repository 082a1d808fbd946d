/**
 * Builds the verification page (issue 15) into ONE self-contained HTML file, dist/page/shuangsuiji-page.html:
 * page/worker.ts is bundled first (esbuild, IIFE, minified) and inlined as a string into page/main.ts, which creates
 * the worker from a Blob URL of it (a page opened from disk may not load a worker script from file:// in
 * Chromium); the main bundle and the minified CSS are inlined into page/index.html. No file is loaded at run time
 * and the page's Content-Security-Policy forbids every network request.
 *
 * Run after tsup (which empties dist/): `npx tsx scripts/build-page.ts`. Prints the size, raw and gzipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'page', 'shuangsuiji-page.html');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const common: BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  // Chromium-based browsers of the last few years (the ones offices use).
  target: ['chrome100'],
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // The library and its dependencies must not pull in anything of Node: a `node:` import fails the build.
  external: [],
};

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({ ...common, entryPoints: [join(root, entry)], define });
  const file = result.outputFiles?.[0];
  if (file === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

/** Text that is safe inside an inline `<script>` or `<style>` element. */
function inlineSafe(code: string, tag: 'script' | 'style'): string {
  // `</script` (any case) would end the element early; `<!--` could start an HTML comment state in scripts.
  const closing = new RegExp(`</(${tag})`, 'gi');
  const safe = code.replace(closing, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (new RegExp(`</${tag}`, 'i').test(safe)) throw new Error(`cannot inline: </${tag} remains`);
  return safe;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const workerCode = await bundle('page/worker.ts');
  const mainCode = await bundle('page/main.ts', { __WORKER_CODE__: JSON.stringify(workerCode) });
  const css = await build({ bundle: true, write: false, minify: true, charset: 'utf8', logLevel: 'warning', entryPoints: [join(root, 'page/styles.css')] });
  const style = css.outputFiles?.[0]?.text ?? '';
  const template = readFileSync(join(root, 'page', 'index.html'), 'utf8');
  for (const mark of ['/*__STYLE__*/', '/*__SCRIPT__*/', '__VERSION__']) {
    if (!template.includes(mark)) throw new Error(`page/index.html lacks ${mark}`);
  }
  // Replacement functions: `$` in the code must not be read as a replacement pattern.
  const html = template
    .replace('__VERSION__', () => version)
    .replace('/*__STYLE__*/', () => inlineSafe(style.trim(), 'style'))
    .replace('/*__SCRIPT__*/', () => inlineSafe(mainCode.trim(), 'script'));
  if (/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html)) throw new Error('the page refers to a network resource');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  const raw = Buffer.byteLength(html);
  const gzipped = gzipSync(html, { level: 9 }).length;
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  console.log(`page: ${out.slice(root.length + 1)} ${(raw / 1024).toFixed(1)} KiB, gzipped ${(gzipped / 1024).toFixed(1)} KiB (worker ${(Buffer.byteLength(workerCode) / 1024).toFixed(1)} KiB) in ${ms} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
