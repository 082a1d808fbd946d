import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateEntityRegister, generateInspectorRegister } from '../../src/testing/index.js';
import { buildDrawNotice } from '../../src/workflow/build-draw-notice.js';
import { buildPlanNotice } from '../../src/workflow/build-plan-notice.js';
import { buildResultNotice } from '../../src/workflow/build-result-notice.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';
import type { InspectionResult } from '../../src/workflow/inspection-result.js';
import { noticeToCsv } from '../../src/workflow/notice-to-csv.js';
import { noticeToJson } from '../../src/workflow/notice-to-json.js';
import type { PublicNotice } from '../../src/workflow/public-notice.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import { DEPT_A, DEPT_B, item, plan, result } from './fixtures.js';

/** A strict RFC 4180 reader for the tests (CRLF records, quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      cell += c; i += 1; continue;
    }
    if (c === '"' && cell.length === 0) { quoted = true; i += 1; continue; }
    if (c === ',') { row.push(cell); cell = ''; i += 1; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    cell += c; i += 1;
  }
  if (cell.length > 0 || row.length > 0) throw new Error('last record lacks CRLF');
  return rows;
}

function notice(rows: string[][]): PublicNotice {
  return {
    kind: 'results', titleZh: '示例', titleEn: 'example', meta: [{ key: 'k', labelZh: '项', labelEn: 'k', value: '=1+1' }],
    columns: rows[0]!.map((_, k) => ({ key: `c${k}`, headerZh: `列${k}`, headerEn: `col${k}` })), rows, withheld: 0,
  };
}

const items = [
  item('I1', DEPT_A, { sequence: 2, name: '示例事项一 企业公示信息检查', legalBasis: ['《示例条例》第3条', '《示例办法》第5条'], remark: '跨部门开展，本单位不再单独开展' }),
  item('I2', DEPT_B, { sequence: 1, name: '示例事项二 公共场所卫生检查', ratio: undefined, ratioByRiskClass: { A: 0.01, B: 0.03, C: 0.1, D: 0.3 }, methods: ['document', 'online'] } as never),
];

describe('plan notice', () => {
  it('lists the items with basis, subjects, ratios and methods, and the plan facts', () => {
    const joint = plan('J', ['I1', 'I2'], { cooperatingDepartments: [DEPT_B], targetScope: [{ field: 'kind', op: 'in', values: ['enterprise'] }], batches: [{ label: '第一批', start: '2025-03-01', end: '2025-06-30' }] });
    const n = buildPlanNotice(joint, items);
    expect(n.titleZh).toBe('2025年度“双随机、一公开”跨部门联合抽查计划：示例计划J');
    expect(n.rows).toEqual([
      ['1', DEPT_B, '示例事项二 公共场所卫生检查', '《示例条例》第1条', DEPT_B, '一般检查事项', '', 'A类 1%；B类 3%；C类 10%；D类 30%', '1', '书面检查、网络检查', ''],
      ['2', DEPT_A, '示例事项一 企业公示信息检查', '《示例条例》第3条；《示例办法》第5条', DEPT_A, '一般检查事项', '', '5%', '1', '现场检查', '跨部门开展，本单位不再单独开展'],
    ]);
    const meta = Object.fromEntries(n.meta.map((m) => [m.labelZh, m.value]));
    expect(meta).toMatchObject({ 发起部门: DEPT_A, 配合部门: DEPT_B, 检查对象范围: '定向：检查对象类型为企业', 实施期间: '2025-01-01 至 2025-12-31', 批次: '第一批（2025-03-01 至 2025-06-30）' });
    expect(buildPlanNotice(plan('P', ['I1'], { ratio: 0.035 }), items).rows[0]![7]).toBe('3.5%');
    expect(() => buildPlanNotice(plan('P', ['NOPE']), items)).toThrow(/PLAN_ITEM_UNKNOWN/);
  });
});

function drawnTask(targetIds: string[]): SpotCheckTask {
  const d = deriveTasks([plan('J', ['I1', 'I2'], { cooperatingDepartments: [DEPT_B], ratio: 0.05 })], items);
  if (!d.success) throw new Error('fixture');
  return transitionTask(d.data.tasks[0]!, { to: 'drawn', date: '2025-03-03', targetIds, population: { total: 200 }, drawRecordDigest: 'ab'.repeat(32) });
}

describe('draw notice', () => {
  it('publishes the drawn targets and the seed commitment, register digest and record digest', () => {
    const register = generateEntityRegister(5, { seed: 3 });
    const task = drawnTask(register.slice(0, 2).map((e) => e.id));
    const n = buildDrawNotice({ task, items, entities: register, facts: { seedCommitment: 'c0'.repeat(32), registerDigest: 'd1'.repeat(32), algorithm: 'example/1' } });
    expect(n.rows.map((r) => r.slice(2))).toEqual(
      [...register.slice(0, 2)].sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => [e.creditCode ?? `${e.otherIdentifier!.scheme}:${e.otherIdentifier!.value}`, '示例事项一 企业公示信息检查、示例事项二 公共场所卫生检查', 'B1', '2025-03-03']),
    );
    const meta = Object.fromEntries(n.meta.map((m) => [m.key, m.value]));
    expect(meta).toMatchObject({ seedCommitment: 'c0'.repeat(32), seed: '（尚未公开）', registerDigest: 'd1'.repeat(32), recordDigest: 'ab'.repeat(32), populationSize: '200', drawnCount: '2' });
    const revealed = buildDrawNotice({ task, items, entities: register, facts: { seedCommitment: 'c0', registerDigest: 'd1', seed: '12345678901234567890' } });
    expect(revealed.meta.find((m) => m.key === 'seed')?.value).toBe('12345678901234567890');
    expect(() => buildDrawNotice({ task: { ...task, history: [] }, items, entities: register, facts: { seedCommitment: 'c', registerDigest: 'd' } })).toThrow(/TASK_NOT_DRAWN/);
    expect(() => buildDrawNotice({ task, items, entities: register.slice(3), facts: { seedCommitment: 'c', registerDigest: 'd' } })).toThrow(/DRAW_TARGET_UNKNOWN/);
  });
});

describe('result notice and privacy', () => {
  const register = generateEntityRegister(6, { seed: 11 });
  const inspectors = generateInspectorRegister(6, { seed: 11 });
  const task = drawnTask(register.slice(0, 4).map((e) => e.id));
  const ids = task.targetIds;
  const team = inspectors.slice(0, 2).map((x) => x.id);

  function resultsWith(secretDetails: string, secretMatter: string, privateNote: string): InspectionResult[] {
    return [
      result(task.id, ids[0]!, 'I1', { inspectorIds: team, details: '现场检查未发现问题' }),
      result(task.id, ids[0]!, 'I2', { inspectorIds: team, inspectingBody: DEPT_B, categoryCodes: ['problem-not-disclosed', 'problem-unreachable'], followUp: 'open', details: secretDetails, sensitive: [{ field: 'details', reason: 'trade-secret' }] }),
      result(task.id, ids[1]!, 'I1', { inspectorIds: team, conduct: 'refused-inspection', recordSignature: 'refused-to-sign', categoryCodes: ['non-cooperation'], referrals: [{ department: '示例县公安局', matter: secretMatter }] }),
      result(task.id, ids[1]!, 'I2', { inspectorIds: team, conduct: 'concealed-or-falsified', categoryCodes: ['problem-false-disclosure'], details: privateNote, sensitive: [{ field: 'details', reason: 'personal-privacy' }, { field: 'categories', reason: 'personal-privacy' }] }),
      result(task.id, ids[2]!, 'I1', { inspectorIds: team, details: secretDetails, sensitive: [{ field: 'record', reason: 'national-security' }] }),
      result(task.id, ids[2]!, 'I2', { inspectorIds: team, details: secretDetails, sensitive: [{ field: 'record', reason: 'national-security' }] }),
    ];
  }

  it('shows entity, code, item, body, date and result; publishes refusal and falsification as such', () => {
    const n = buildResultNotice({ tasks: [task], results: resultsWith('商业秘密内容', '移送事由', '隐私内容'), entities: register, items });
    expect(n.columns.map((c) => c.headerZh)).toEqual(['序号', '检查对象名称', '统一社会信用代码', '抽查事项', '检查主体', '检查日期', '检查方式', '检查结果', '检查对象配合情况', '后续处置状态', '检查情况说明', '抽查类型']);
    expect(n.withheld).toBe(2);
    expect(n.rows).toHaveLength(4);
    const byEntity = (id: string): (readonly string[])[] => n.rows.filter((r) => r[2] === register.find((e) => e.id === id)!.creditCode);
    const [first, second] = byEntity(ids[0]!);
    expect(first).toEqual(['1', register.find((e) => e.id === ids[0])!.name, register.find((e) => e.id === ids[0])!.creditCode, '示例事项一 企业公示信息检查', DEPT_A, '2025-03-10', '现场检查', '未发现问题', '配合检查', '已完结', '现场检查未发现问题', `联合抽查（${DEPT_A}发起）`]);
    expect(second![7]).toBe('发现问题待后续处理：市场监管领域：未按规定公示应当公示的信息；发现问题待后续处理：市场监管领域：通过登记的住所（经营场所）无法联系');
    expect(second![10]).toBe('（依法不予公示）');
    const refused = byEntity(ids[1]!);
    expect(refused.map((r) => r[8])).toEqual(['拒绝接受检查', '隐瞒真实情况、弄虚作假']);
    expect(refused[1]![7]).toBe('（依法不予公示）');
    expect(() => buildResultNotice({ tasks: [], results: resultsWith('a', 'b', 'c'), entities: register, items })).toThrow(/RESULT_TASK_UNKNOWN/);
    expect(() => buildResultNotice({ tasks: [task], results: resultsWith('a', 'b', 'c'), entities: [], items })).toThrow(/RESULT_TARGET_UNKNOWN/);
  });

  it('property: nothing private leaks into the notice, its CSV or its JSON', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9]{8,16}$/);
    fc.assert(
      fc.property(token, token, token, (a, b, c) => {
        const secret = `商密${a}`;
        const matter = `移送${b}`;
        const privacy = `隐私${c}`;
        const n = buildResultNotice({ tasks: [task], results: resultsWith(secret, matter, privacy), entities: register, items }, { inspectors });
        const outputs = [JSON.stringify(n), noticeToCsv(n), noticeToCsv(n, { part: 'meta' }), noticeToJson(n), noticeToJson(n, { headers: 'en' })];
        const withheldEntity = register.find((e) => e.id === ids[2])!;
        const forbidden = [
          secret, matter, privacy,
          ...inspectors.flatMap((x) => [x.id, x.name, x.certificate?.number ?? x.id, x.unit ?? x.id]),
          ...register.flatMap((e) => [e.legalRepresentative ?? e.id, e.address ?? e.id]),
          withheldEntity.name, withheldEntity.creditCode!,
          '示例县公安局',
        ];
        for (const text of outputs) for (const word of forbidden) expect(text.includes(word), word).toBe(false);
        // The switch exists and works: with consent the trade secret would appear; national security never.
        const open = JSON.stringify(buildResultNotice({ tasks: [task], results: resultsWith(secret, matter, privacy), entities: register, items }, { includeSensitive: true, includeInspectors: true, inspectors }));
        expect(open.includes(secret)).toBe(true);
        expect(open.includes(privacy)).toBe(true);
        expect(open.includes(inspectors[0]!.name)).toBe(true);
        expect(open.includes(withheldEntity.name)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('withholds the whole record when any field carries a national-security mark, even with includeSensitive', () => {
    for (const field of ['categories', 'details'] as const) {
      const rs = [result(task.id, ids[3]!, 'I1', { inspectorIds: team, details: '涉密说明', sensitive: [{ field, reason: 'national-security' }] })];
      for (const includeSensitive of [false, true]) {
        const n = buildResultNotice({ tasks: [task], results: rs, entities: register, items }, { includeSensitive });
        expect(n.withheld).toBe(1);
        expect(n.rows).toHaveLength(0);
        expect(noticeToCsv(n).includes(register.find((e) => e.id === ids[3])!.name)).toBe(false);
      }
    }
  });

  it('rows do not depend on the order of results', () => {
    const rs = resultsWith('s', 'm', 'p');
    const a = noticeToJson(buildResultNotice({ tasks: [task], results: rs, entities: register, items }));
    const b = noticeToJson(buildResultNotice({ tasks: [task], results: [...rs].reverse(), entities: [...register].reverse(), items: [...items].reverse() }));
    expect(b).toBe(a);
  });
});

describe('CSV and JSON export', () => {
  it('writes RFC 4180 with CRLF, quoting, doubled quotes and an optional BOM', () => {
    const csv = noticeToCsv(notice([['甲', 'a,b', 'say "hi"', 'line\nbreak', '']]));
    expect(csv).toBe('列0,列1,列2,列3,列4\r\n甲,"a,b","say ""hi""","line\nbreak",\r\n');
    expect(noticeToCsv(notice([['x']]), { bom: true }).startsWith('\uFEFF列0\r\n')).toBe(true);
    expect(noticeToCsv(notice([['x']]), { headers: 'en' })).toBe('col0\r\nx\r\n');
    expect(noticeToCsv(notice([['x']]), { part: 'meta' })).toBe(`项目,内容\r\n项,"'=1+1"\r\n`);
  });
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const csv = noticeToCsv(notice([['=HYPERLINK("http://example.invalid")', '+1', '-2', '@SUM(A1)', '\tx', 'a=b']]));
    expect(parseCsv(csv)[1]).toEqual([`'=HYPERLINK("http://example.invalid")`, "'+1", "'-2", "'@SUM(A1)", "'\tx", 'a=b']);
  });
  it('property: every cell survives a round trip, and no parsed cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = parseCsv(noticeToCsv(notice(rows))).slice(1);
        expect(parsed.length).toBe(rows.length);
        parsed.forEach((row, r) => row.forEach((cell, k) => {
          const original = rows[r]![k]!;
          expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
        }));
      }),
    );
  });
  it('writes JSON with Chinese headers in column order, or English keys', () => {
    const n = notice([['甲', '乙']]);
    expect(noticeToJson(n, { indent: 0 })).toBe('{"标题":"示例","公示信息":{"项":"=1+1"},"记录":[{"列0":"甲","列1":"乙"}],"依法不予公示条数":0}');
    expect(JSON.parse(noticeToJson(n, { headers: 'en' }))).toEqual({ title: 'example', meta: { k: '=1+1' }, records: [{ c0: '甲', c1: '乙' }], withheld: 0 });
  });
});
