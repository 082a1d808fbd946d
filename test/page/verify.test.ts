// 核验抽取 in a real browser: the built page opened from disk verifies a draw made in Node, names the first
// divergence of a tampered record or register, and reads a GB18030 register; it makes no network request.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { verifyDraw } from '../../src/draw/verify-draw.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { encodeGb18030 } from '../cli/gb18030.js';
import { xlsx } from '../readers/xlsx-fixture.js';
import { launch, openPage, registerCsv, screenshot, tempFolder } from './browser.js';

const register = generateEntityRegister(3000, { seed: 'page-verify' });
// Stratified with ratios: the verification reads the register twice.
const spec = {
  label: '示例市局 2026 年第一批（页面测试）',
  stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.01 }, B: { count: 8 }, C: { ratio: 0.1 }, D: { count: 5 } } },
  shortfall: 'take-all',
} as const;
const seed = seedFromDice('40271958360112847735');
const { record } = drawTargets(register, spec, { seed });
const tmp = tempFolder();
const recordPath = tmp.file('draw-record.json', JSON.stringify(record, null, 2));
const csvPath = tmp.file('检查对象名录库.csv', registerCsv(register));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  tmp.cleanup();
});

async function verify(files: { record: string; register: string; history?: string }) {
  const opened = await openPage(browser, 'verify');
  const { page } = opened;
  await page.setInputFiles('#verify-record', files.record);
  await page.setInputFiles('#verify-register', files.register);
  if (files.history !== undefined) await page.setInputFiles('#verify-history', files.history);
  await page.getByTestId('verify-button').click();
  await page.locator('[data-testid="verdict"], [data-testid="problems"], [data-testid="error"]').first().waitFor();
  return opened;
}

describe('核验抽取 (verify view)', () => {
  it('says 一致 for a record and the register it was drawn from, with the digest and provenance', async () => {
    expect(verifyDraw(record, register).ok).toBe(true);
    const { page, network, errors } = await verify({ record: recordPath, register: csvPath });
    const verdict = page.getByTestId('verdict');
    await expect(verdict.locator('.verdict-word').textContent()).resolves.toBe('一致');
    await expect(page.getByTestId('computed-digest').textContent()).resolves.toContain(record.register.digest);
    await expect(page.getByTestId('digest-verdict').textContent()).resolves.toContain('✓');
    await expect(page.getByTestId('provenance').textContent()).resolves.toContain('seedOrigin: dice');
    // Every stratum with a drawn ticket has its axis in the picture.
    await expect(page.locator('[data-testid="ticket-chart"] g.stratum').count()).resolves.toBe(record.strata.filter((s) => s.selected > 0).length);
    await screenshot(page, 'verify-ok');
    // The English switch changes the texts of the result too.
    await page.getByTestId('switch-language').click();
    await expect(verdict.locator('.verdict-word').textContent()).resolves.toBe('Consistent');
    await screenshot(page, 'verify-ok-en');
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says 不一致 and names the first divergence of a tampered record, as verifyDraw does', async () => {
    const tampered = JSON.parse(JSON.stringify(record)) as { seedOrigin: { digits: string } };
    tampered.seedOrigin.digits = '40271958360112847736';
    const expected = verifyDraw(tampered as unknown as typeof record, register);
    expect(expected.ok).toBe(false);
    const path = tmp.file('tampered-record.json', JSON.stringify(tampered));
    const { page } = await verify({ record: path, register: csvPath });
    await expect(page.getByTestId('verdict').locator('.verdict-word').textContent()).resolves.toBe('不一致');
    if (!expected.ok) {
      await expect(page.getByTestId('divergence-code').textContent()).resolves.toBe(expected.code);
      await expect(page.getByTestId('divergence').textContent()).resolves.toBe(expected.messageZh);
    }
    await page.context().close();
  });

  it('names the drawn entity that is missing from a changed register (REGISTER_CHANGED)', async () => {
    const gone = record.selected[5]!.id;
    const changed = register.filter((e) => e.id !== gone);
    const expected = verifyDraw(record, changed);
    expect(expected.ok ? 'ok' : expected.code).toBe('REGISTER_CHANGED');
    const path = tmp.file('changed.csv', registerCsv(changed));
    const { page } = await verify({ record: recordPath, register: path });
    await expect(page.getByTestId('divergence-code').textContent()).resolves.toBe('REGISTER_CHANGED');
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain(gone);
    await expect(page.getByTestId('digest-verdict').textContent()).resolves.toContain('✗');
    await screenshot(page, 'verify-register-changed');
    await page.context().close();
  });

  it('reads a GB18030 register (as Excel in Chinese locales saves CSV) and verifies it', async () => {
    const path = tmp.file('名录库-gb18030.csv', encodeGb18030(registerCsv(register)));
    const { page } = await verify({ record: recordPath, register: path });
    await expect(page.getByTestId('verdict').locator('.verdict-word').textContent()).resolves.toBe('一致');
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain('gb18030');
    await page.context().close();
  });

  it('reads an Excel workbook (.xlsx) and verifies it', async () => {
    const rows = toEntityExportRows(register);
    const header = Object.keys(rows[0]!);
    const book = xlsx({ sheets: [{ name: '检查对象名录库', rows: [header, ...rows.map((r) => header.map((h) => (r[h] === '' ? undefined : r[h])))] }] });
    const path = tmp.file('检查对象名录库.xlsx', book);
    const { page } = await verify({ record: recordPath, register: path });
    await expect(page.getByTestId('verdict').locator('.verdict-word').textContent()).resolves.toBe('一致');
    await expect(page.getByTestId('verify-result').textContent()).resolves.toContain('xlsx');
    await page.context().close();
  });

  it('lists malformed register rows with the library codes and lines, not as a divergence', async () => {
    const lines = registerCsv(register.slice(0, 50)).split('\r\n');
    lines[3] = lines[3]!.replace(/^[^,]*,[^,]*,/, ',,'); // row on line 4 loses its id and credit code
    const path = tmp.file('broken.csv', lines.join('\r\n'));
    const { page } = await verify({ record: recordPath, register: path });
    const problems = page.getByTestId('problems');
    await expect(problems.textContent()).resolves.toMatch(/第 4 行/);
    await expect(page.getByTestId('verdict').count()).resolves.toBe(0);
    await screenshot(page, 'verify-problems');
    await page.context().close();
  });
});
