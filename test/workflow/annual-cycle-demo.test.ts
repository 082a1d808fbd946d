import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnnualCycleDemo } from '../../examples/demo/annual-cycle.js';

describe('annual-cycle demo', () => {
  it('runs the year end to end, prints the key steps and writes the notices without private data', async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-demo-'));
    try {
      await runAnnualCycleDemo((line) => lines.push(line), dir);
      const text = lines.join('\n');
      expect(text).toContain('不再单独抽取：P-SJ-2025 的 ITEM-M2');
      expect(text).toMatch(/复核 verifyDraw：一致/);
      expect(text).toContain('年度去重：下半年批次与上半年批次重复 0 户');
      expect(text).toMatch(/回避：\S+ 与检查对象 \S+ 有利害关系，重新抽取/);
      expect(text).toContain('截止 2025-02-21，完成 2025-02-14（2025-01-20 的结果，跨春节）');
      expect(text).toMatch(/J-2025\/joint\/R1\/第一批 publish-results \S+：逾期完成，截止 2025-04-10，完成 2025-04-18/);
      // Exactly one late publication: one result of the joint task; every other result is on time.
      expect(text).toContain('截至 2025-10-27：按时 33，逾期完成 1，已逾期 0');
      expect(text).toContain('截至 2025-12-31：按时 50，逾期完成 1，已逾期 0');
      const files = readdirSync(dir).sort();
      expect(files).toEqual(['draw-1-meta.csv', 'draw-1.csv', 'draw-1.json', 'draw-2-meta.csv', 'draw-2.csv', 'draw-2.json', 'draw-3-meta.csv', 'draw-3.csv', 'draw-3.json', 'plan-J-2025.csv', 'plan-J-2025.json', 'plan-P-SJ-2025.csv', 'plan-P-SJ-2025.json', 'results.csv', 'results.json']);
      const results = readFileSync(join(dir, 'results.csv'), 'utf8');
      expect(results.startsWith('\uFEFF序号,检查对象名称,统一社会信用代码')).toBe(true);
      for (const file of files) {
        const body = readFileSync(join(dir, file), 'utf8');
        expect(/检查员|代表人-|内部信息|商业秘密|ZF\d{7}/.test(body), file).toBe(false);
      }
      expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))['记录'].length).toBe(61);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
