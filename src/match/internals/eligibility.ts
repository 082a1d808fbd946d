/** Step 4 of the preparation — eligibility on the date, independent of the target (docs/spec.md §M3, §M11). */
import type { Inspector } from '../../models/inspector.js';
import type { CheckedInspector } from './validate.js';

/** Eligibility of an inspector on the date, independent of the target. 0 = eligible. */
export const Status = {
  Eligible: 0,
  WrongDepartment: 1,
  Expert: 2,
  Suspended: 3,
  NoCertificate: 4,
  Expired: 5,
  NotYetValid: 6,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** Eligibility of a 专家 to assist (docs/spec.md §M11), independent of the target. 0 = eligible. */
export const ExpertStatus = {
  Eligible: 0,
  NotExpert: 1,
  WrongDepartment: 2,
  Suspended: 3,
  LacksExpertise: 4,
} as const;
export type ExpertStatus = (typeof ExpertStatus)[keyof typeof ExpertStatus];

/** The first category of §M3 that applies (certificate bounds inclusive, compared as day numbers). */
export function statusOf(x: CheckedInspector, allowed: ReadonlySet<string>, day: number): Status {
  const inspector = x.row;
  if (!allowed.has(inspector.department)) return Status.WrongDepartment;
  if (inspector.isExpert) return Status.Expert;
  if (inspector.status !== 'active') return Status.Suspended;
  if (inspector.certificate === undefined) return Status.NoCertificate;
  if (x.validTo !== undefined && x.validTo < day) return Status.Expired;
  if (x.validFrom !== undefined && x.validFrom > day) return Status.NotYetValid;
  return Status.Eligible;
}

/** Experts need no 执法证: only the role, the department, the status and the required expert specialties count. */
export function expertStatusOf(inspector: Inspector, allowed: ReadonlySet<string>, specialties: readonly string[]): ExpertStatus {
  if (!inspector.isExpert) return ExpertStatus.NotExpert;
  if (!allowed.has(inspector.department)) return ExpertStatus.WrongDepartment;
  if (inspector.status !== 'active') return ExpertStatus.Suspended;
  if (!specialties.every((s) => inspector.expertise.includes(s))) return ExpertStatus.LacksExpertise;
  return ExpertStatus.Eligible;
}
