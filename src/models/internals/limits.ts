/** Numeric limits shared by the models' schemas and parsers (and matching the draw's checks). */

/**
 * The largest 投诉举报数量 (complaint count): 2^32 − 1. The register digest writes the count as a 32-bit
 * unsigned integer (docs/spec.md §4.1), so the draw rejects anything larger; the schema and the register
 * parser reject it too, so that a register that parses cleanly can always be drawn from.
 */
export const MAX_COMPLAINT_COUNT = 0xffffffff;
