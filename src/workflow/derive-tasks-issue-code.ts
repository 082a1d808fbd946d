/**
 * The codes of the issues {@link deriveTasks} returns: the shape of each plan and item (`UNKNOWN_FIELD`,
 * `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_VALUE`, `INVALID_DATE`, input that is not plain data), department names
 * with white space at either end, frequencies above one a day, and the problems between plans and items.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plans: readonly SpotCheckPlan[];
 * declare const items: readonly InspectionItem[];
 * const derived = deriveTasks(plans, items);
 * const planProblems: readonly DeriveTasksIssueCode[] = ['PLAN_ITEM_UNKNOWN', 'PLAN_ITEM_OTHER_DEPARTMENT'];
 * if (!derived.success) console.log(derived.issues.filter((i) => planProblems.includes(i.code)));
 * ```
 */
export type DeriveTasksIssueCode =
  | 'UNKNOWN_FIELD'
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'INVALID_DATE'
  | 'NOT_PLAIN_DATA'
  | 'INPUT_TOO_DEEP'
  | 'INPUT_CYCLIC'
  | 'DEPARTMENT_NAME_WHITESPACE'
  | 'FREQUENCY_TOO_HIGH'
  | 'ITEM_ID_DUPLICATE'
  | 'PLAN_ID_DUPLICATE'
  | 'PLAN_ITEM_UNKNOWN'
  | 'PLAN_ITEM_OTHER_DEPARTMENT'
  | 'JOINT_ITEM_DEPARTMENT_NOT_PARTICIPATING'
  | 'JOINT_ITEM_DRAWN_SEPARATELY'
  | 'JOINT_ITEM_WITHOUT_JOINT_PLAN'
  | 'JOINT_ITEM_COVERED'
  | 'PLAN_SIZE_MISSING'
  | 'PLAN_SIZE_AMBIGUOUS'
  | 'PLAN_PERIOD_INVALID'
  | 'PLAN_BATCH_LABEL_DUPLICATE'
  | 'PLAN_BATCH_DATES_INVALID'
  | 'PLAN_BATCH_OUTSIDE_PERIOD'
  | 'PLAN_BATCHES_OVERLAP'
  | 'FREQUENCY_BATCH_MISMATCH';
