import * as z from 'zod';
import { StatedDesignSchema } from './stated-design.js';

/**
 * 抽取历史记录 — one past draw: which population snapshot it was drawn from, under which stated design,
 * and who was selected. Works for draws made by this library or by any other system.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import { HistoryDrawSchema } from 'shuangsuiji';
 * const draw = HistoryDrawSchema.parse({ label: '2024 年度', year: 2024, snapshotId: '2024', selectedIds: ['E7', 'E19'] });
 * console.log(draw.selectedIds.length); // 2
 * ```
 */
export const HistoryDrawSchema = /* @__PURE__ */ z
  .object({
    /** A label unique in the history, e.g. `2024 年度` or `2024-批次2`. */
    label: z.string().min(1),
    /** 年度, when known. */
    year: z.number().int().min(1).max(9999).optional(),
    /** The id of the {@link RegisterSnapshot} drawn from (filters already applied). */
    snapshotId: z.string().min(1),
    /** The stated design of this draw; defaults to the audit's design argument. */
    design: StatedDesignSchema.optional(),
    /** Ids of the selected entities. */
    selectedIds: z.array(z.string().min(1)).readonly(),
  })
  .strict()
  .readonly();

/**
 * 抽取历史记录 — see {@link HistoryDrawSchema}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { HistoryDraw } from 'shuangsuiji';
 * const draw: HistoryDraw = { label: '2023', snapshotId: '2023', selectedIds: ['E1'] };
 * ```
 */
export type HistoryDraw = z.infer<typeof HistoryDrawSchema>;
