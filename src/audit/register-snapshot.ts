import * as z from 'zod';
import { AuditEntitySchema } from './audit-entity.js';

/**
 * 名录库快照 — the population a draw was made from (after any 定向 filter), as it stood at the time.
 * Draws refer to it by `id`. A key other than `id` and `entities` is refused (`UNKNOWN_FIELD`), so a misspelt
 * field is never silently dropped.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import { RegisterSnapshotSchema } from 'shuangsuiji';
 * const snapshot = RegisterSnapshotSchema.parse({
 *   id: '2024',
 *   entities: [{ id: 'E1', riskClass: 'A' }, { id: 'E2', riskClass: 'B' }],
 * });
 * console.log(snapshot.entities.length); // 2
 * ```
 */
export const RegisterSnapshotSchema = /* @__PURE__ */ z
  .object({
    /** Snapshot id, unique among the snapshots, e.g. `2024` or `2024-批次1`. */
    id: z.string().min(1),
    /** The entities of the population. Ids must be unique. */
    entities: z.array(AuditEntitySchema).readonly(),
  })
  .strict()
  .readonly();

/**
 * 名录库快照 — see {@link RegisterSnapshotSchema}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { RegisterSnapshot } from 'shuangsuiji';
 * const snapshot: RegisterSnapshot = { id: '2024', entities: [{ id: 'E1' }] };
 * ```
 */
export type RegisterSnapshot = z.infer<typeof RegisterSnapshotSchema>;
