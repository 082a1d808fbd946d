import * as z from 'zod';
import { EMPTY_LIST, frozenArray } from './internals/frozen-array.js';
import { MAX_FIELD_BYTES, idProblem, inspectRow, utf8LengthChecked } from '../internals/canonical-row.js';
import { CreditCodeSchema } from './credit-code-schema.js';
import { MAX_COMPLAINT_COUNT } from './internals/limits.js';
import { EntityKindSchema, EntityStatusSchema, ListMembershipSchema, RiskClassSchema } from './vocabulary.js';

/** An id: the draw's one id rule (`idProblem`: no control character, lone surrogate or outer white space, ≤ 1024 UTF-8 bytes in NFC). */
const idSchema = /* @__PURE__ */ z.string().superRefine((value, ctx) => {
  const problem = idProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `invalid id (${problem.en}) / 标识无效（${problem.zh}）` });
});

/** Non-empty text that a draw can encode: well-formed Unicode (no lone surrogate), at most 65534 UTF-8 bytes. */
function text(): z.ZodString {
  return z.string().min(1).superRefine((value, ctx) => {
    const bytes = utf8LengthChecked(value);
    if (bytes < 0) ctx.addIssue({ code: 'custom', message: 'contains a lone surrogate (not well-formed Unicode text) / 含不成对的代理项（不是合法的 Unicode 文本）' });
    else if (bytes > MAX_FIELD_BYTES) ctx.addIssue({ code: 'custom', message: `longer than ${MAX_FIELD_BYTES} UTF-8 bytes / 超过 ${MAX_FIELD_BYTES} 字节（UTF-8）` });
  });
}

/**
 * 其他标识 — the identifier of a target that has no 统一社会信用代码 (a product, a project, an older
 * registration number): the scheme is stated explicitly, never guessed.
 *
 * @group Models
 *
 * @example
 * ```ts
 * OtherIdentifierSchema.parse({ scheme: 'product', value: '示例批次-2025-001' });
 * ```
 */
export const OtherIdentifierSchema = /* @__PURE__ */ z
  .object({
    /** Identifier scheme, e.g. `registration-number`, `product`, `project`. */
    scheme: text(),
    /** The identifier in that scheme. */
    value: text(),
  })
  .strict()
  .readonly();
/**
 * 其他标识 — an explicitly typed non-USCC identifier.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const product: OtherIdentifier = { scheme: 'project', value: '示例工程-07' };
 * ```
 */
export type OtherIdentifier = z.infer<typeof OtherIdentifierSchema>;

/**
 * 检查对象 — one row of the 检查对象名录库 (the register of entities).
 *
 * `id` is the stable identifier the draw hashes; by default the parsers use the 统一社会信用代码. The schema
 * accepts exactly what the draw reads (docs/spec.md §1.1, §4.1): the id follows the one id rule (no control
 * character, lone surrogate or white space at either end; at most 1,024 UTF-8 bytes in NFC), every text field
 * and tag is well-formed Unicode of at most 65,534 UTF-8 bytes, and the draw's own row check
 * (`src/internals/canonical-row.ts`) runs on every entity the field checks accept.
 * The credit code, when present, must pass the GB 32100-2015 check ({@link CreditCodeSchema}); a row needs
 * a `creditCode` or an `otherIdentifier`. `status`, `lists`, `complaintCount` and `tags` default to
 * `active`, `[]`, `0` and `[]` on input (they are always present in the output type).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const entity = EntitySchema.parse({ id: '91350100M000100Y43', creditCode: '91350100M000100Y43', name: '示例商贸有限公司0001', kind: 'enterprise' });
 * entity.status; // 'active'
 * ```
 */
export const EntitySchema = /* @__PURE__ */ z
  .object({
    /** Stable id within the register (hashed by the draw). */
    id: idSchema,
    /** 统一社会信用代码 (GB 32100-2015), when the target has one. */
    creditCode: CreditCodeSchema.optional(),
    /** 其他标识 — required when there is no credit code. */
    otherIdentifier: OtherIdentifierSchema.optional(),
    /** 名称. */
    name: text(),
    /** 检查对象类型. */
    kind: EntityKindSchema,
    /** 所属行业 (e.g. a GB/T 4754 code or label). */
    industry: text().optional(),
    /** 企业规模 (e.g. 大型, 中型, 小型, 微型). */
    scale: text().optional(),
    /** 行政区划代码 (GB/T 2260, six digits). */
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    /** 登记机关. */
    registrationAuthority: text().optional(),
    /** 属地监管单位 (监管所) — the local supervising unit. */
    supervisingUnit: text().optional(),
    /** 登记状态; default 存续 (`active`). */
    status: EntityStatusSchema.default('active'),
    /** 信用风险分类 A–D, when classified. */
    riskClass: RiskClassSchema.optional(),
    /** 名单 memberships (经营异常名录, 严重违法失信名单). */
    lists: frozenArray(ListMembershipSchema).default(EMPTY_LIST),
    /** 投诉举报数量 — complaint count, a whole number from 0 to 2^32 − 1 (4294967295, what a draw accepts); default 0. */
    complaintCount: z.number().int().nonnegative().max(MAX_COMPLAINT_COUNT).default(0),
    /** Free tags for directed draws. */
    tags: frozenArray(text()).default(EMPTY_LIST),
    /** 法定代表人/负责人 — used for recusal checks against inspectors' relatives. */
    legalRepresentative: text().optional(),
    /** 住所/经营场所. */
    address: text().optional(),
    /** 经营范围. */
    businessScope: text().optional(),
  })
  .strict()
  .readonly()
  .refine((entity) => entity.creditCode !== undefined || entity.otherIdentifier !== undefined, {
    message: 'an entity needs a creditCode or an otherIdentifier / 检查对象须有统一社会信用代码或其他标识',
    path: ['creditCode'],
    // Checked even when other fields fail, so that every problem is reported (as the register parser does).
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  // What the schema accepts, the draw reads: its own row check (src/internals/canonical-row.ts) runs on every
  // entity that passed the checks above, and any problem it finds is reported (the field checks above refuse
  // all it refuses, so this reports nothing unless they drift apart).
  .superRefine((entity, ctx) => {
    if (ctx.issues.length > 0) return;
    inspectRow(entity, 0, (problem) => {
      ctx.addIssue({ code: 'custom', path: problem.path.slice(1), message: `${problem.messageEn} / ${problem.messageZh}` });
    });
  });

/**
 * 检查对象 — an entity of the register, validated and readonly.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const entity: Entity = {
 *   id: 'T-1', otherIdentifier: { scheme: 'project', value: 'T-1' }, name: '示例工程', kind: 'other',
 *   status: 'active', lists: [], tags: [], complaintCount: 0,
 * };
 * ```
 */
export type Entity = z.infer<typeof EntitySchema>;
