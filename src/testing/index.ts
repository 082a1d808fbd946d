/**
 * **shuangsuiji/testing — 合成数据**: synthetic registers for tests, demos and benchmarks, so that nobody needs real
 * companies or people to try the library: entity registers (检查对象名录库) with valid 统一社会信用代码, inspector
 * registers (执法检查人员名录库), item lists (随机抽查事项清单), the spreadsheet rows an export of them would give, and
 * rows with chosen defects to see the parsers' problem reports. Every name is obviously synthetic
 * (`示例商贸有限公司000042`, `检查员甲-017`). The same seed gives the same data on every platform.
 *
 * Start with {@link generateEntityRegister} and {@link generateInspectorRegister}, then draw and match with the
 * main entry point `shuangsuiji`; {@link toEntityExportRows} and {@link generateBrokenEntityRows} give rows for
 * `parseEntityRegister`. Options are strict: an unknown key or a value that is not documented (`null` included)
 * throws `INVALID_ARGUMENT` with the option's path, e.g. `['options', 'seed']`.
 *
 * Guides: [中文](../../docs/zh/vendors.md) · [English](../../docs/en/vendors.md).
 *
 * @example
 * ```ts
 * import { parseEntityRegister } from 'shuangsuiji';
 * import { generateBrokenEntityRows, generateEntityRegister, toEntityExportRows } from 'shuangsuiji/testing';
 *
 * const register = generateEntityRegister(200, { seed: 7 });
 * console.log(parseEntityRegister(toEntityExportRows(register)).success); // true: the export reads back
 * const broken = generateBrokenEntityRows({ seed: 7, defects: ['bad-check-character', 'unknown-kind'] });
 * const parsed = parseEntityRegister(broken.rows);
 * if (!parsed.success) console.log(parsed.issues.map((i) => i.code), broken.defects.map((d) => d.expectedCode));
 * ```
 *
 * @groupDescription Testing
 * Deterministic generators of synthetic registers and item lists, and of spreadsheet rows with or without defects.
 *
 * @module shuangsuiji/testing
 */
// Maintainers: every generator reads its options through one strict reader (internals/options.ts); `null` never
// means "the default".
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
export type { TestingErrorCode } from './testing-error-code.js';
