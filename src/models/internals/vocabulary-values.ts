/**
 * The values of the closed vocabularies of `../vocabulary.ts`, as plain lists. The schemas there are built from
 * these; code that needs only the values (the draw's strata, the matcher's checks) reads them here, so that it
 * does not reach zod (a bundle with the draw or the matcher alone carries no zod).
 */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export const ENTITY_KINDS = ['enterprise', 'individual-business', 'farmer-cooperative', 'other'] as const;
export const ENTITY_STATUSES = ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'] as const;
export const LIST_MEMBERSHIPS = ['abnormal-operations', 'serious-violations'] as const;
export const ITEM_CATEGORIES = ['general', 'key'] as const;
export const INSPECTION_METHODS = ['on-site', 'document', 'online', 'sampling', 'third-party', 'other-department-findings'] as const;
export const INSPECTOR_STATUSES = ['active', 'suspended'] as const;
