/**
 * The page tests' browser and fixtures: Debian's Chromium (`/usr/bin/chromium`, installed by scripts/test.sh when
 * missing — never a downloaded browser) driven by playwright-core, the built page opened from disk (file://), and
 * synthetic registers (shuangsuiji/testing generators) written to a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Entity } from '../../src/models/entity.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';

export const root = join(import.meta.dirname, '..', '..');
export const PAGE = join(root, 'dist', 'page', 'shuangsuiji-page.html');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The launch options of the brief: headless, no sandbox (containers), nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launch(): Promise<Browser> {
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run npx tsx scripts/build-page.ts first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (scripts/test.sh does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Requests the page made that are not the page itself, a blob: or a data: URL (there must be none). */
export interface OpenPage {
  readonly page: Page;
  readonly network: string[];
  readonly errors: string[];
}

/** Opens the built page from disk in a fresh context, at `view` (the hash of a tab). */
export async function openPage(browser: Browser, view = 'verify'): Promise<OpenPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const network: string[] = [];
  const errors: string[] = [];
  const url = pathToFileURL(PAGE).href;
  page.on('request', (request) => {
    const u = request.url();
    if (!u.startsWith('blob:') && !u.startsWith('data:') && u.split('#')[0] !== url) network.push(u);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${url}#${view}`);
  return { page, network, errors };
}

/** Where screenshots go when asked for (`SHUANGSUIJI_PAGE_SHOTS=/folder`); never into the repository by default. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['SHUANGSUIJI_PAGE_SHOTS'];
  if (dir === undefined || dir === '') return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A temporary folder for the fixture files, removed by `cleanup`. */
export function tempFolder(): { readonly dir: string; readonly file: (name: string, content: string | Uint8Array) => string; readonly cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-page-'));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The register as a CSV export with Chinese headers (as a department's spreadsheet exports it). */
export function registerCsv(entities: readonly Entity[]): string {
  const rows = toEntityExportRows(entities);
  const header = Object.keys(rows[0] ?? { 统一社会信用代码: '' });
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
