// Issue 14 §3: the exported code unions are true. The compiler ties each runtime list of ./declared-codes.ts to its
// type (both ways: `satisfies` there, `toEqualTypeOf` here, checked by `tsc`); the never-crash tests check every
// code the exports throw or return against these lists; and the refusal tables of docs/spec.md (§12, §M12) name
// exactly the codes of the unions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as lib from '../../src/index.js';
import type { ReadProblemCode, ReaderErrorCode } from '../../src/readers/index.js';
import type { TestingErrorCode } from '../../src/testing/index.js';
import { ShuangsuijiError, isShuangsuijiError } from '../../src/errors.js';
import * as entry from '../../src/index.js';
import * as readers from '../../src/readers/index.js';
import * as testing from '../../src/testing/index.js';
import * as codes from './declared-codes.js';

type Listed<L extends readonly string[]> = L[number];

describe('declared code lists', () => {
  it('equal their exported unions (checked by tsc)', () => {
    expectTypeOf<Listed<typeof codes.DRAW_ERROR_CODES>>().toEqualTypeOf<lib.DrawErrorCode>();
    expectTypeOf<Listed<typeof codes.SEED_ERROR_CODES>>().toEqualTypeOf<lib.SeedErrorCode>();
    expectTypeOf<Listed<typeof codes.ENTITY_OUTCOME_ERROR_CODES>>().toEqualTypeOf<lib.EntityOutcomeErrorCode>();
    expectTypeOf<Listed<typeof codes.VERIFY_DRAW_ERROR_CODES>>().toEqualTypeOf<lib.VerifyDrawErrorCode>();
    expectTypeOf<Listed<typeof codes.VERIFY_CODES>>().toEqualTypeOf<lib.VerifyCode>();
    expectTypeOf<Listed<typeof codes.MATCH_ERROR_CODES>>().toEqualTypeOf<lib.MatchErrorCode>();
    expectTypeOf<Listed<typeof codes.VERIFY_MATCH_CODES>>().toEqualTypeOf<lib.VerifyMatchCode>();
    expectTypeOf<Listed<typeof codes.MODELS_ERROR_CODES>>().toEqualTypeOf<lib.ModelsErrorCode>();
    expectTypeOf<Listed<typeof codes.ENTITY_REGISTER_ISSUE_CODES>>().toEqualTypeOf<lib.EntityRegisterIssueCode>();
    expectTypeOf<Listed<typeof codes.INSPECTOR_REGISTER_ISSUE_CODES>>().toEqualTypeOf<lib.InspectorRegisterIssueCode>();
    expectTypeOf<Listed<typeof codes.ITEM_LIST_ISSUE_CODES>>().toEqualTypeOf<lib.ItemListIssueCode>();
    expectTypeOf<Listed<typeof codes.SPOT_CHECK_PLAN_ISSUE_CODES>>().toEqualTypeOf<lib.SpotCheckPlanIssueCode>();
    expectTypeOf<Listed<typeof codes.USCC_ISSUE_CODES>>().toEqualTypeOf<lib.UsccIssueCode>();
    expectTypeOf<Listed<typeof codes.CALENDAR_ERROR_CODES>>().toEqualTypeOf<lib.CalendarErrorCode>();
    expectTypeOf<Listed<typeof codes.WORK_CALENDAR_ISSUE_CODES>>().toEqualTypeOf<lib.WorkCalendarIssueCode>();
    expectTypeOf<Listed<typeof codes.WORKFLOW_ERROR_CODES>>().toEqualTypeOf<lib.WorkflowErrorCode>();
    expectTypeOf<Listed<typeof codes.DERIVE_TASKS_ISSUE_CODES>>().toEqualTypeOf<lib.DeriveTasksIssueCode>();
    expectTypeOf<Listed<typeof codes.INSPECTION_RESULT_ISSUE_CODES>>().toEqualTypeOf<lib.InspectionResultIssueCode>();
    expectTypeOf<Listed<typeof codes.RESULT_CATEGORY_TREE_ISSUE_CODES>>().toEqualTypeOf<lib.ResultCategoryTreeIssueCode>();
    expectTypeOf<Listed<typeof codes.TASK_TRANSITION_ISSUE_CODES>>().toEqualTypeOf<lib.TaskTransitionIssueCode>();
    expectTypeOf<Listed<typeof codes.AUDIT_ERROR_CODES>>().toEqualTypeOf<lib.AuditErrorCode>();
    expectTypeOf<Listed<typeof codes.AUDIT_ISSUE_CODES>>().toEqualTypeOf<lib.AuditIssueCode>();
    expectTypeOf<Listed<typeof codes.READER_ERROR_CODES>>().toEqualTypeOf<ReaderErrorCode>();
    expectTypeOf<Listed<typeof codes.READ_PROBLEM_CODES>>().toEqualTypeOf<ReadProblemCode>();
    expectTypeOf<Listed<typeof codes.TESTING_ERROR_CODES>>().toEqualTypeOf<TestingErrorCode>();
    // The result types carry the unions.
    expectTypeOf<ReturnType<typeof lib.parseSpotCheckPlans>>().toEqualTypeOf<lib.ParseResult<readonly lib.SpotCheckPlan[], lib.SpotCheckPlanIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.deriveTasks>>().toEqualTypeOf<lib.ParseResult<lib.DerivedTasks, lib.DeriveTasksIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.tryTransitionTask>>().toEqualTypeOf<lib.ParseResult<lib.SpotCheckTask, lib.TaskTransitionIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.validateInspectionResults>>().toEqualTypeOf<lib.ParseResult<readonly lib.InspectionResult[], lib.InspectionResultIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.validateResultCategoryTree>>().toEqualTypeOf<lib.ParseResult<readonly lib.ResultCategoryNode[], lib.ResultCategoryTreeIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.auditDrawHistory>>().toEqualTypeOf<lib.ParseResult<lib.AuditReport, lib.AuditIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.computeInclusionProbabilities>>().toEqualTypeOf<lib.ParseResult<lib.InclusionProbabilities, lib.AuditIssueCode>>();
    expectTypeOf<ReturnType<typeof lib.safeCreateWorkCalendar>>().toEqualTypeOf<lib.ParseResult<lib.WorkCalendar, lib.WorkCalendarIssueCode>>();
    expectTypeOf<Extract<lib.MatchVerification, { ok: false }>['code']>().toEqualTypeOf<lib.VerifyMatchCode>();
    expectTypeOf<Extract<lib.VerifyResult, { ok: false }>['code']>().toEqualTypeOf<lib.VerifyCode>();
    // Every domain's codes are codes of the library.
    expectTypeOf<lib.DrawErrorCode | lib.MatchErrorCode | lib.CalendarErrorCode | lib.WorkflowErrorCode | lib.AuditErrorCode | lib.ModelsErrorCode>().toMatchTypeOf<lib.ErrorCode>();
    // The lists hold no code twice (a list is a set).
    for (const [name, list] of Object.entries(codes)) if (Array.isArray(list)) expect(new Set(list).size, name).toBe(list.length);
  });

  it('names only exported functions (and the methods of a WorkCalendar)', () => {
    const functions = new Set([entry, readers, testing].flatMap((m) => Object.entries(m).filter(([, v]) => typeof v === 'function').map(([k]) => k)));
    const calendarMethods = Object.keys(entry.defaultWorkCalendar()).map((m) => `WorkCalendar#${m}`);
    expect(Object.keys(codes.DECLARED).filter((name) => !functions.has(name) && !calendarMethods.includes(name))).toEqual([]);
  });

  it('an unlisted code does not compile, and isShuangsuijiError narrows to the codes asked for', () => {
    // @ts-expect-error — not a code of the library
    const typo = new ShuangsuijiError('INVALID_DAT', '日期无效', 'invalid date');
    expect(typo.code).toBe('INVALID_DAT');
    const error: unknown = new ShuangsuijiError('INVALID_SIZE', '甲', 'a');
    if (isShuangsuijiError(error, ['INVALID_SIZE', 'INVALID_SPEC'])) expectTypeOf(error.code).toEqualTypeOf<'INVALID_SIZE' | 'INVALID_SPEC'>();
    if (isShuangsuijiError(error, 'INVALID_SIZE')) expectTypeOf(error.code).toEqualTypeOf<'INVALID_SIZE'>();
    if (isShuangsuijiError(error)) expectTypeOf(error.code).toEqualTypeOf<lib.ErrorCode>();
    expect(isShuangsuijiError(error, ['INVALID_SPEC', 'INVALID_SIZE'])).toBe(true);
    expect(isShuangsuijiError(error, ['INVALID_SPEC'])).toBe(false);
    expect(isShuangsuijiError(error, [])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// docs/spec.md

const spec = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'spec.md'), 'utf8');

/** The text of the section whose heading starts with `heading`, up to the next heading of any level. */
function section(heading: string): string {
  const start = spec.split('\n').findIndex((line) => line.startsWith(heading));
  expect(start, `no section ${heading} in docs/spec.md`).toBeGreaterThanOrEqual(0);
  const lines = spec.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => line.startsWith('#'));
  return lines.slice(0, end < 0 ? undefined : end).join('\n');
}
const codesIn = (text: string): string[] => [...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`/g)].map((m) => m[1]!).filter((c) => c.length > 1);
/** The codes in the first column of the section's table. */
const tableCodes = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('| `')).flatMap((line) => codesIn(line.split('|')[1]!));
/** The codes of the parenthesis that says they "would signal a bug" (thrown only by a defect). */
const bugCodes = (text: string): string[] => codesIn(/\(([^()]*)would signal a bug/.exec(text)?.[1] ?? '');
/** The codes listed after `lead`, up to the end of its sentence. */
function listAfter(text: string, lead: string): string[] {
  const at = text.indexOf(lead);
  expect(at, `no "${lead}" in docs/spec.md`).toBeGreaterThanOrEqual(0);
  return codesIn(text.slice(at + lead.length).split(/\.(?:\s|$)/)[0]!);
}
const sorted = (list: readonly string[]): string[] => [...new Set(list)].sort();

describe('docs/spec.md names exactly the codes of the unions', () => {
  it('§12: the refusal table and the codes that would signal a bug are DrawErrorCode; the verification list is VerifyCode', () => {
    const text = section('## 12. Refusal codes');
    expect(sorted([...tableCodes(text), ...bugCodes(text)])).toEqual(sorted(codes.DRAW_ERROR_CODES));
    expect(sorted(listAfter(text, 'Verification returns (never throws for a bad record):'))).toEqual(sorted(codes.VERIFY_CODES));
  });

  it('§M12: the refusal table and the codes that would signal a bug are MatchErrorCode; the verdicts are VerifyMatchCode', () => {
    const text = section('## M12. Refusal codes');
    expect(sorted([...tableCodes(text), ...bugCodes(text)])).toEqual(sorted(codes.MATCH_ERROR_CODES));
    expect(sorted(listAfter(text, 'Verification verdicts, returned and never thrown for a bad record (§M10):'))).toEqual(sorted(codes.VERIFY_MATCH_CODES));
  });
});
