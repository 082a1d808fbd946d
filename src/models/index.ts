/**
 * 一单两库 — typed models (zod schemas and inferred types) for the inspection-item list and the two
 * registers, the 统一社会信用代码 check, and whole-register parsing. Explicit named exports only.
 *
 * @module
 */
export {
  EntityKindSchema, EntityStatusSchema, InspectionMethodSchema, InspectorStatusSchema, ItemCategorySchema,
  ListMembershipSchema, PlainDateStringSchema, RatioByRiskClassSchema, RatioSchema, RiskClassSchema,
} from './vocabulary.js';
export type {
  EntityKind, EntityStatus, InspectionMethod, InspectorStatus, ItemCategory, ListMembership, RatioByRiskClass, RiskClass,
} from './vocabulary.js';
export { EntitySchema, OtherIdentifierSchema } from './entity.js';
export type { Entity, OtherIdentifier } from './entity.js';
export { CertificateSchema, InspectorSchema, OPEN_ENDED } from './inspector.js';
export type { Certificate, Inspector } from './inspector.js';
export { InspectionItemSchema, JointDepartmentsSchema } from './inspection-item.js';
export type { InspectionItem, JointDepartments } from './inspection-item.js';
export { PlanBatchSchema, SpotCheckPlanSchema } from './spot-check-plan.js';
export type { PlanBatch, SpotCheckPlan } from './spot-check-plan.js';
export { ScalarFilterFieldSchema, SetFilterFieldSchema, TargetConditionSchema, TargetFilterSchema } from './target-filter.js';
export type { ScalarFilterField, SetFilterField, TargetCondition, TargetFilter } from './target-filter.js';
export { CreditCodeSchema } from './credit-code-schema.js';
export { isValidUscc } from './is-valid-uscc.js';
export { parseUscc } from './parse-uscc.js';
export type { UsccIssueCode, UsccParts } from './parse-uscc.js';
export { computeUsccCheckCharacter } from './compute-uscc-check-character.js';
export type { RegisterParseOptions } from './register-parse-options.js';
export { ENTITY_HEADERS, ENTITY_INPUT_FIELDS } from './entity-headers.js';
export type { EntityInputField } from './entity-headers.js';
export { INSPECTOR_HEADERS, INSPECTOR_INPUT_FIELDS } from './inspector-headers.js';
export type { InspectorInputField } from './inspector-headers.js';
export { ITEM_HEADERS, ITEM_INPUT_FIELDS } from './item-headers.js';
export type { ItemInputField } from './item-headers.js';
export { parseEntityRegister } from './parse-entity-register.js';
export type { EntityRegister, ParseEntityRegisterOptions } from './parse-entity-register.js';
export { parseInspectorRegister } from './parse-inspector-register.js';
export type { InspectorRegister, ParseInspectorRegisterOptions } from './parse-inspector-register.js';
export { parseItemList } from './parse-item-list.js';
export type { ItemList, ParseItemListOptions } from './parse-item-list.js';
export { parseSpotCheckPlans } from './parse-spot-check-plans.js';
export type { ModelsErrorCode } from './models-error-code.js';
export type { EntityRegisterIssueCode } from './entity-register-issue-code.js';
export type { InspectorRegisterIssueCode } from './inspector-register-issue-code.js';
export type { ItemListIssueCode } from './item-list-issue-code.js';
export type { SpotCheckPlanIssueCode } from './spot-check-plan-issue-code.js';
