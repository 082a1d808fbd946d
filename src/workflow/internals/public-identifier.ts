import type { Entity } from '../../models/entity.js';

/** The public identifier of an entity: its 统一社会信用代码, else `scheme:value`, else its id. */
export function publicIdentifier(entity: Entity): string {
  if (entity.creditCode !== undefined) return entity.creditCode;
  if (entity.otherIdentifier !== undefined) return `${entity.otherIdentifier.scheme}:${entity.otherIdentifier.value}`;
  return entity.id;
}

