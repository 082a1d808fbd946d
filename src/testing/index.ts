/**
 * shuangsuiji/testing — deterministic synthetic registers for tests, demos and benchmarks. Every name is
 * obviously synthetic (示例…, 检查员甲-001); no `Math.random`: the same seed gives the same data everywhere.
 * Every generator reads its options through one strict reader: anything but a documented value throws
 * `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`); `null` never means "the default".
 *
 * @packageDocumentation
 */
export { generateEntityRegister } from './generate-entity-register.js';
export type { GenerateEntityRegisterOptions } from './generate-entity-register.js';
export { generateInspectorRegister } from './generate-inspector-register.js';
export type { GenerateInspectorRegisterOptions } from './generate-inspector-register.js';
export { generateItemList } from './generate-item-list.js';
export type { GenerateItemListOptions } from './generate-item-list.js';
export { toEntityExportRows } from './to-entity-export-rows.js';
export { toInspectorExportRows } from './to-inspector-export-rows.js';
export { ENTITY_ROW_DEFECTS, generateBrokenEntityRows } from './generate-broken-entity-rows.js';
export type { BrokenRows, EntityRowDefect, GenerateBrokenEntityRowsOptions } from './generate-broken-entity-rows.js';
export { INSPECTOR_ROW_DEFECTS, generateBrokenInspectorRows } from './generate-broken-inspector-rows.js';
export type { GenerateBrokenInspectorRowsOptions, InspectorRowDefect } from './generate-broken-inspector-rows.js';
export type { Seed } from './internals/prng.js';
