import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { DataIssue, ParseResult } from '../../src/errors.js';
import type {
  Certificate, Entity, EntityKind, EntityRegister, EntitySchema, InspectionItem, InspectionMethod, Inspector, InspectorRegister,
  ItemList, ListMembership, OtherIdentifier, RiskClass, UsccParts,
  EntityRegisterIssueCode, InspectorRegisterIssueCode, ItemListIssueCode,
} from '../../src/models/index.js';
import { parseEntityRegister, parseInspectorRegister, parseItemList, parseUscc } from '../../src/models/index.js';

describe('inferred model types', () => {
  it('Entity: required and optional fields, readonly', () => {
    expectTypeOf<Entity['id']>().toEqualTypeOf<string>();
    expectTypeOf<Entity['kind']>().toEqualTypeOf<EntityKind>();
    expectTypeOf<Entity['creditCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Entity['riskClass']>().toEqualTypeOf<RiskClass | undefined>();
    expectTypeOf<Entity['otherIdentifier']>().toEqualTypeOf<OtherIdentifier | undefined>();
    expectTypeOf<Entity['lists']>().toEqualTypeOf<readonly ListMembership[]>();
    expectTypeOf<Entity['tags']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Entity['complaintCount']>().toEqualTypeOf<number>();
    expectTypeOf<Entity>().toMatchTypeOf<{ readonly id: string; readonly creditCode?: string | undefined }>();
    // Optional keys are optional (may be left out), required keys are not.
    expectTypeOf<{ id: string; name: string; kind: EntityKind; status: 'active'; lists: []; complaintCount: 0; tags: [] }>().toMatchTypeOf<Entity>();
    expectTypeOf<{ id: string; kind: EntityKind }>().not.toMatchTypeOf<Entity>();
    // readonly: assigning is a type error.
    const mutate = (entity: Entity): void => {
      // @ts-expect-error — readonly
      entity.id = 'x';
      // @ts-expect-error — readonly array
      entity.tags.push('x');
    };
    expectTypeOf(mutate).toBeFunction();
  });

  it('schema input allows the defaulted fields to be left out', () => {
    type Input = z.input<typeof EntitySchema>;
    expectTypeOf<{ id: string; name: string; kind: 'other'; otherIdentifier: { scheme: string; value: string } }>().toMatchTypeOf<Input>();
  });

  it('Inspector, Certificate and InspectionItem', () => {
    expectTypeOf<Inspector['certificate']>().toEqualTypeOf<Certificate | undefined>();
    expectTypeOf<Inspector['isExpert']>().toEqualTypeOf<boolean>();
    expectTypeOf<Certificate['validTo']>().toEqualTypeOf<string>(); // a date or 'open-ended', never absent
    expectTypeOf<InspectionItem['methods']>().toEqualTypeOf<readonly InspectionMethod[]>();
    expectTypeOf<InspectionItem['ratio']>().toEqualTypeOf<number | undefined>();
  });

  it('parsers return ParseResult unions of readonly registers', () => {
    expectTypeOf(parseEntityRegister).returns.toEqualTypeOf<ParseResult<EntityRegister, EntityRegisterIssueCode>>();
    expectTypeOf(parseInspectorRegister).returns.toEqualTypeOf<ParseResult<InspectorRegister, InspectorRegisterIssueCode>>();
    expectTypeOf(parseItemList).returns.toEqualTypeOf<ParseResult<ItemList, ItemListIssueCode>>();
    expectTypeOf<EntityRegister>().toEqualTypeOf<readonly Entity[]>();
    const result = parseEntityRegister([]);
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<readonly Entity[]>();
    else expectTypeOf(result.issues).toEqualTypeOf<readonly DataIssue<EntityRegisterIssueCode>[]>();
    expectTypeOf(parseUscc).returns.toEqualTypeOf<ParseResult<UsccParts, 'USCC_NOT_STRING' | 'USCC_LENGTH' | 'USCC_INVALID_CHARACTER' | 'USCC_REGION_NOT_DIGITS' | 'USCC_CHECK_CHARACTER'>>();
  });
});
