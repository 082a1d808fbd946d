// The other views of the page in a real browser, each against the library in Node: 核验种子 (seed and commitment),
// 查询本单位 (a drawn and an undrawn entity), 核验选派 (a match, and a tampered one), 现场抽取 (a record that
// verifyDraw accepts) and 历史审计 (the pictures of a history).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntityOutcome } from '../../src/draw/check-entity-outcome.js';
import { commitSeed } from '../../src/draw/commit-seed.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { verifyDraw } from '../../src/draw/verify-draw.js';
import { matchInspectors } from '../../src/match/match-inspectors.js';
import { verifyMatch } from '../../src/match/verify-match.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';
import { toInspectorExportRows } from '../../src/testing/to-inspector-export-rows.js';
import { launch, openPage, registerCsv, screenshot, tempFolder } from './browser.js';

const register = generateEntityRegister(1500, { seed: 'page-views' });
const tmp = tempFolder();
const csvPath = tmp.file('名录库.csv', registerCsv(register));
const DIGITS = '31415926535897932384';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  tmp.cleanup();
});

async function done(page: Page): Promise<void> {
  await page.context().close();
}

describe('核验种子 (seed view)', () => {
  it('recomputes the seed from dice digits and checks a commitment against its salt', async () => {
    const { page, network, errors } = await openPage(browser, 'seed');
    const seed = seedFromDice(DIGITS).seed;
    const salt = '示例市局-2026-第二批-保密盐-7Qx2';
    const published = commitSeed(seed, { salt });
    await page.fill('#seed-dice', '31415 92653 58979 32384');
    await page.fill('#seed-salt', salt);
    await page.fill('#seed-commitment', published);
    await page.fill('#seed-record-seed', seed);
    await page.getByTestId('seed-button').click();
    await expect(page.getByTestId('seed-value').textContent()).resolves.toBe(seed);
    await expect(page.getByTestId('commitment-value').textContent()).resolves.toBe(published);
    await expect(page.getByTestId('commitment-verdict').locator('.verdict-word').textContent()).resolves.toBe('一致');
    await expect(page.getByTestId('seed-compare').textContent()).resolves.toContain('✓');
    await screenshot(page, 'seed');
    // Another salt: the commitment does not match.
    await page.fill('#seed-salt', `${salt}x`);
    await page.getByTestId('seed-button').click();
    await expect(page.getByTestId('commitment-verdict').locator('.verdict-word').textContent()).resolves.toBe('不一致');
    // Too few digits: the library's code.
    await page.fill('#seed-dice', '1234');
    await page.getByTestId('seed-button').click();
    await expect(page.getByTestId('error').textContent()).resolves.toContain('SEED_TOO_WEAK');
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    await done(page);
  });
});

describe('查询本单位 (lookup view)', () => {
  const { record } = drawTargets(register, { label: '示例市局 2026 年查询测试', size: { count: 25 } }, { seed: seedFromDice(DIGITS) });
  const recordPath = tmp.file('lookup-record.json', JSON.stringify(record));

  async function lookup(id: string): Promise<Page> {
    const { page } = await openPage(browser, 'lookup');
    await page.setInputFiles('#lookup-record', recordPath);
    await page.fill('#lookup-id', id);
    await page.getByTestId('lookup-button').click();
    await page.locator('[data-testid="lookup-summary"], [data-testid="problems"], [data-testid="error"]').first().waitFor();
    return page;
  }

  it('shows a drawn entity its ticket and that it was drawn, as checkEntityOutcome says', async () => {
    const id = record.selected[3]!.id;
    const expected = checkEntityOutcome(record, { id });
    expect(expected.selected).toBe(true);
    const page = await lookup(id);
    await expect(page.getByTestId('lookup-ticket').textContent()).resolves.toBe(expected.ticket);
    await expect(page.getByTestId('lookup-selected').textContent()).resolves.toBe('是');
    await expect(page.getByTestId('lookup-summary').textContent()).resolves.toBe(expected.summaryZh);
    await expect(page.getByTestId('lookup-verdict').first().getAttribute('data-verdict')).resolves.toBe(expected.strata[0]!.verdict);
    await done(page);
  });

  it('shows an undrawn entity that its ticket is past the cut-off', async () => {
    const chosen = new Set(record.selected.map((s) => s.id));
    const id = register.find((e) => e.status === 'active' && !chosen.has(e.id))!.id;
    const expected = checkEntityOutcome(record, { id });
    expect(expected.selected).toBe(false);
    const page = await lookup(id);
    await expect(page.getByTestId('lookup-selected').textContent()).resolves.toBe('否');
    await expect(page.getByTestId('lookup-summary').textContent()).resolves.toBe(expected.summaryZh);
    await expect(page.getByTestId('lookup-verdict').first().getAttribute('data-verdict')).resolves.toBe(expected.strata[0]!.verdict);
    await expect(page.locator('[data-testid="ticket-chart"] .chart-you').count()).resolves.toBe(1);
    await screenshot(page, 'lookup');
    await done(page);
  });
});

describe('查询本单位 (lookup view): the entity\'s own row on a weighted draw', () => {
  // Weighted by 名单: an entity on the list of abnormal operations weighs 3, so a row sent without its lists (the
  // old silent `lists: []`) would get another probability.
  const spec = { label: '示例市局 2026 年加权查询测试', size: { count: 25 }, weights: { byList: { 'abnormal-operations': 3 } } };
  const { record } = drawTargets(register, spec, { seed: seedFromDice(DIGITS) });
  const recordPath = tmp.file('lookup-weighted-record.json', JSON.stringify(record));
  const chosen = new Set(record.selected.map((s) => s.id));
  // An undrawn, active entity on the list, with tags and complaints, so that every field of the form is exercised.
  const listed = register.filter((e) => e.status === 'active' && e.lists.includes('abnormal-operations') && !chosen.has(e.id));
  const row = listed.find((e) => e.tags.length > 0 && e.complaintCount > 0 && e.kind !== 'enterprise') ?? listed[0]!;

  async function open(): Promise<Page> {
    const { page } = await openPage(browser, 'lookup');
    await page.setInputFiles('#lookup-record', recordPath);
    await page.fill('#lookup-id', row.id);
    return page;
  }

  async function ask(page: Page): Promise<void> {
    await page.getByTestId('lookup-button').click();
    await page.locator('[data-testid="lookup-summary"], [data-testid="problems"], [data-testid="error"], [data-testid="lookup-input-error"]').first().waitFor();
  }

  /** Types the register row into the form, field by field, as the entity would. */
  async function fillRow(page: Page, e: typeof row): Promise<void> {
    await page.selectOption('#lookup-kind', e.kind);
    await page.selectOption('#lookup-status', e.status);
    await page.selectOption('#lookup-risk', e.riskClass ?? 'unclassified');
    for (const list of ['abnormal-operations', 'serious-violations'] as const) await page.setChecked(`#lookup-list-${list}`, e.lists.includes(list));
    await page.fill('#lookup-complaints', String(e.complaintCount));
    await page.fill('#lookup-tags', e.tags.join(', '));
    await page.fill('#lookup-region', e.regionCode ?? '');
    await page.fill('#lookup-industry', e.industry ?? '');
    await page.fill('#lookup-unit', e.supervisingUnit ?? '');
    await page.fill('#lookup-scale', e.scale ?? '');
    await page.fill('#lookup-authority', e.registrationAuthority ?? '');
  }

  it('answers for the entity\'s real row: verdict and inclusion probability as checkEntityOutcome with that row', async () => {
    const expected = checkEntityOutcome(record, { id: row.id, entity: row });
    const stratum = expected.strata[0]!;
    expect(expected.strata).toHaveLength(1);
    expect(stratum.weight).toBe('3/1');
    // The old form's row (its lists left out) gives another answer: the test tells the two apart.
    const withoutLists = checkEntityOutcome(record, { id: row.id, entity: { ...row, lists: [] } }).strata[0]!;
    expect(withoutLists.inclusionProbability).not.toBe(stratum.inclusionProbability);
    const page = await open();
    // The record's spec reads the lists only: that field is marked, the others are not.
    await page.getByTestId('lookup-used-lists').waitFor();
    await expect(page.getByTestId('lookup-used-lists').textContent()).resolves.toContain('本次抽取使用此项');
    await expect(page.getByTestId('lookup-used-riskClass').isHidden()).resolves.toBe(true);
    await expect(page.getByTestId('lookup-used-complaintCount').isHidden()).resolves.toBe(true);
    // Every field the row needs is shown with its value (visible defaults), and the box is unticked until one is filled.
    await expect(page.locator('#lookup-kind').inputValue()).resolves.toBe('enterprise');
    await expect(page.locator('#lookup-status').inputValue()).resolves.toBe('active');
    await expect(page.locator('#lookup-complaints').inputValue()).resolves.toBe('0');
    await expect(page.locator('#lookup-entity-given').isChecked()).resolves.toBe(false);
    await fillRow(page, row);
    await expect(page.locator('#lookup-entity-given').isChecked()).resolves.toBe(true);
    await screenshot(page, 'lookup-form');
    await ask(page);
    await expect(page.getByTestId('lookup-verdict').getAttribute('data-verdict')).resolves.toBe(stratum.verdict);
    await expect(page.getByTestId('lookup-summary').textContent()).resolves.toBe(expected.summaryZh);
    const probability = page.getByTestId('lookup-stratum').locator('tr').filter({ has: page.locator('th', { hasText: /^入样概率$/ }) }).locator('td');
    await expect(probability.textContent()).resolves.toBe(stratum.inclusionProbability);
    await expect(page.getByTestId('lookup-entity-used').textContent()).resolves.toContain('经营异常名录');
    await screenshot(page, 'lookup-weighted');
    await done(page);
  });

  it('with the entity block left empty, says the entity\'s fields are needed', async () => {
    const expected = checkEntityOutcome(record, { id: row.id });
    expect(expected.strata.map((s) => s.verdict)).toEqual(['entity-fields-needed']);
    const page = await open();
    await ask(page);
    await expect(page.getByTestId('lookup-verdict').getAttribute('data-verdict')).resolves.toBe('entity-fields-needed');
    await expect(page.getByTestId('lookup-summary').textContent()).resolves.toBe(expected.summaryZh);
    await expect(page.getByTestId('lookup-entity-used').textContent()).resolves.toBe('未提供（只按代码查询）');
    await done(page);
  });

  it('refuses a complaint count that is not a whole number of 0 or more, with a message', async () => {
    const page = await open();
    for (const bad of ['-1', '1.5']) {
      await page.fill('#lookup-complaints', bad);
      await expect(page.locator('#lookup-entity-given').isChecked()).resolves.toBe(true);
      await ask(page);
      await expect(page.getByTestId('lookup-input-error').textContent()).resolves.toContain('投诉举报数量须为不小于 0 的整数');
      await expect(page.getByTestId('lookup-summary').count()).resolves.toBe(0);
    }
    await done(page);
  });
});

describe('核验选派 (match view)', () => {
  const entities = register.slice(0, 12);
  const targets = entities.map((e) => ({ id: e.id, ...(e.supervisingUnit === undefined ? {} : { supervisingUnit: e.supervisingUnit }), ...(e.legalRepresentative === undefined ? {} : { legalRepresentative: e.legalRepresentative }) }));
  const pool = generateInspectorRegister(40, { seed: 'page-match' });
  const { record } = matchInspectors(targets, pool, { seed: '83920174652903856174', label: '示例市局 2026 年第一批选派', date: '2025-07-01', department: '市场监管局' });
  const rows = toInspectorExportRows(pool);
  const header = Object.keys(rows[0]!);
  const inspectorsPath = tmp.file('执法检查人员名录库.csv', [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
  const targetsPath = tmp.file('targets.json', JSON.stringify(targets));

  async function verify(recordPath: string): Promise<Page> {
    const { page } = await openPage(browser, 'match');
    await page.setInputFiles('#match-record', recordPath);
    await page.setInputFiles('#match-targets', targetsPath);
    await page.setInputFiles('#match-inspectors', inspectorsPath);
    await page.getByTestId('match-button').click();
    await page.locator('[data-testid="match-verdict"], [data-testid="problems"], [data-testid="error"]').first().waitFor();
    return page;
  }

  it('says 一致 for the match record with its targets and inspector register', async () => {
    expect(verifyMatch(record, targets, pool).ok).toBe(true);
    const page = await verify(tmp.file('match-record.json', JSON.stringify(record)));
    await expect(page.getByTestId('match-verdict').locator('.verdict-word').textContent()).resolves.toBe('一致');
    await expect(page.locator('[data-testid="match-teams"] tbody tr').count()).resolves.toBe(record.assignments.length);
    await screenshot(page, 'match');
    await done(page);
  });

  it('says 不一致 with the code verifyMatch gives for a tampered team', async () => {
    const tampered = JSON.parse(JSON.stringify(record)) as { assignments: { inspectorIds: string[] }[] };
    const first = tampered.assignments[0]!;
    const other = pool.map((i) => i.id).find((id) => !first.inspectorIds.includes(id))!;
    first.inspectorIds[0] = other;
    const expected = verifyMatch(tampered as unknown as typeof record, targets, pool);
    expect(expected.ok).toBe(false);
    const page = await verify(tmp.file('match-tampered.json', JSON.stringify(tampered)));
    await expect(page.getByTestId('match-verdict').locator('.verdict-word').textContent()).resolves.toBe('不一致');
    if (!expected.ok) await expect(page.getByTestId('match-code').textContent()).resolves.toBe(expected.code);
    await done(page);
  });
});

describe('现场抽取 (ceremony view)', () => {
  it('shows the digest and row count, makes the seed, draws, and downloads a record that verifyDraw accepts', async () => {
    const { page, network } = await openPage(browser, 'ceremony');
    await page.setInputFiles('#ceremony-register', csvPath);
    await page.getByTestId('ceremony-load').click();
    const published = registerDigest(register);
    await expect(page.getByTestId('ceremony-digest-value').textContent()).resolves.toBe(published.digest);
    await expect(page.getByTestId('ceremony-rows').textContent()).resolves.toBe('1,500');
    await page.fill('#ceremony-spec', JSON.stringify({ label: '示例市局 2026 年现场抽取', size: { count: 15 } }));
    await page.fill('#ceremony-dice', '27182 81828 45904 52353');
    await page.getByTestId('ceremony-seed-button').click();
    await expect(page.getByTestId('ceremony-seed-value').textContent()).resolves.toBe(seedFromDice('27182818284590452353').seed);
    await page.getByTestId('ceremony-draw').click();
    await page.getByTestId('ceremony-count').waitFor();
    await screenshot(page, 'ceremony');
    const [recordDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-record').click()]);
    const record = JSON.parse(readFileSync(await recordDownload.path(), 'utf8')) as Parameters<typeof verifyDraw>[0];
    expect(record.register.digest).toBe(published.digest);
    expect(verifyDraw(record, register)).toEqual({ ok: true, provenance: { seedOrigin: 'dice', commitment: 'none' } });
    // The same draw in Node gives the same record.
    expect(record).toEqual(drawTargets(register, { label: '示例市局 2026 年现场抽取', size: { count: 15 } }, { seed: seedFromDice('27182818284590452353') }).record);
    const [drawnDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-drawn').click()]);
    const csv = readFileSync(await drawnDownload.path(), 'utf8');
    expect(csv.startsWith('\uFEFF序号,')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(16);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(record.selected.map((s) => s.id));
    expect(network).toEqual([]);
    await done(page);
  });
});

describe('现场抽取 (ceremony view): a register the digest refuses', () => {
  // The first row again as row 5,001, in the second parse batch (5,000 rows a batch), so that the duplicate id
  // reaches the digest (registerDigestAsync) rather than the parser's per-batch check; a third batch follows.
  const big = generateEntityRegister(10_000, { seed: 'page-views-duplicate' });
  const lines = registerCsv(big).trimEnd().split('\r\n');
  const duplicated = [...lines.slice(0, 5001), lines[1]!, ...lines.slice(5001)];

  async function load(path: string): Promise<Page> {
    const { page } = await openPage(browser, 'ceremony');
    await page.setInputFiles('#ceremony-register', path);
    await page.getByTestId('ceremony-load').click();
    await page.locator('[data-testid="ceremony-digest-value"], [data-testid="problems"], [data-testid="error"]').first().waitFor();
    return page;
  }

  it('reports a duplicate id across batches with the library\'s code, and no digest', async () => {
    expect(() => registerDigest([...big, big[0]!])).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    const page = await load(tmp.file('duplicate.csv', `${duplicated.join('\r\n')}\r\n`));
    await expect(page.getByTestId('problems').textContent()).resolves.toContain('DUPLICATE_ID');
    await expect(page.getByTestId('ceremony-digest-value').count()).resolves.toBe(0);
    await done(page);
  });

  it('lists a malformed row of a later batch before the duplicate\'s refusal (the file\'s problems come first)', async () => {
    const broken = [...duplicated, lines[2]!.replace(/^[^,]*,[^,]*,/, ',,')];
    const page = await load(tmp.file('duplicate-broken.csv', `${broken.join('\r\n')}\r\n`));
    await expect(page.getByTestId('problems').textContent()).resolves.toContain(`第 ${broken.length} 行`);
    await done(page);
  });
});

describe('历史审计 (history view)', () => {
  it('audits several draws over one register and draws the pictures', async () => {
    const paths = ['第一批', '第二批', '第三批', '第四批'].map((batch, i) => {
      const { record } = drawTargets(register, { label: `示例市局 2026 年${batch}`, size: { count: 60 } }, { seed: seedFromDice(`${DIGITS.slice(0, 19)}${i}`) });
      return tmp.file(`history-${i}.json`, JSON.stringify(record));
    });
    const { page, errors } = await openPage(browser, 'history');
    await page.setInputFiles('#history-records', paths);
    await page.setInputFiles('#history-register', csvPath);
    await page.getByTestId('history-button').click();
    await page.locator('[data-testid="history-summary"], [data-testid="problems"], [data-testid="error"]').first().waitFor();
    await expect(page.getByTestId('history-summary').count()).resolves.toBe(1);
    await expect(page.getByTestId('repeat-chart').count()).resolves.toBe(1);
    // Every entity of the population is one point class or part of one: the counts add up to the population.
    const total = await page.locator('[data-testid="inclusion-scatter"] circle title').allTextContents();
    expect(total.map(Number).reduce((a, b) => a + b, 0)).toBe(register.filter((e) => e.status === 'active').length);
    await screenshot(page, 'history');
    expect(errors).toEqual([]);
    await done(page);
  });
});
