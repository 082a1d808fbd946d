import type { AuditErrorCode } from './audit/audit-error-code.js';
import type { AuditIssueCode } from './audit/audit-issue-code.js';
import type { CalendarErrorCode } from './calendar/calendar-error-code.js';
import type { RegisterFileErrorCode } from './cli/node/register-file-error-code.js';
import type { DrawErrorCode } from './draw/draw-error-code.js';
import type { EntityOutcomeErrorCode } from './draw/entity-outcome-error-code.js';
import type { VerifyCode } from './draw/verify-result.js';
import type { MatchErrorCode } from './match/match-error-code.js';
import type { VerifyMatchCode } from './match/verify-match-code.js';
import type { EntityRegisterIssueCode } from './models/entity-register-issue-code.js';
import type { InspectorRegisterIssueCode } from './models/inspector-register-issue-code.js';
import type { ItemListIssueCode } from './models/item-list-issue-code.js';
import type { ModelsErrorCode } from './models/models-error-code.js';
import type { UsccIssueCode } from './models/parse-uscc.js';
import type { SpotCheckPlanIssueCode } from './models/spot-check-plan-issue-code.js';
import type { ReadProblemCode } from './readers/read-problem-code.js';
import type { ReaderErrorCode } from './readers/reader-error-code.js';
import type { XlsxCode } from './readers/xlsx/internals/errors.js';
import type { TestingErrorCode } from './testing/testing-error-code.js';
import type { WorkflowErrorCode } from './workflow/workflow-error-code.js';

/**
 * Every code of the library: the codes each domain throws ({@link ModelsErrorCode}, {@link CalendarErrorCode},
 * {@link DrawErrorCode}, {@link MatchErrorCode}, {@link WorkflowErrorCode}, {@link AuditErrorCode}, the readers'
 * `ReaderErrorCode`, the generators' `TestingErrorCode`, the workbook reader's codes), and the codes of the issues
 * and verdicts it returns (the parsers' issue codes, {@link AuditIssueCode}, the readers' `ReadProblemCode`,
 * {@link VerifyCode}, {@link VerifyMatchCode}) — so that a wrapper may throw a returned problem as an error, as
 * {@link createWorkCalendar} and {@link transitionTask} do. {@link ShuangsuijiError} accepts these codes only: an
 * unlisted code is a compile error. What one function throws is named by its domain's type (see its `@throws`).
 *
 * @group Errors
 *
 * @example
 * ```ts
 * function describeCode(code: ErrorCode): string {
 *   return code === 'INVALID_DATE' ? '日期无效 / invalid date' : code;
 * }
 * ```
 */
export type ErrorCode =
  | ModelsErrorCode
  | EntityRegisterIssueCode
  | InspectorRegisterIssueCode
  | ItemListIssueCode
  | SpotCheckPlanIssueCode
  | UsccIssueCode
  | CalendarErrorCode
  | DrawErrorCode
  | EntityOutcomeErrorCode
  | VerifyCode
  | MatchErrorCode
  | VerifyMatchCode
  | WorkflowErrorCode
  | AuditErrorCode
  | AuditIssueCode
  | ReaderErrorCode
  | ReadProblemCode
  | TestingErrorCode
  | RegisterFileErrorCode
  | XlsxCode;
