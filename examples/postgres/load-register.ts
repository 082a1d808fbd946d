/**
 * Demo data for the PostgreSQL example: a 检查对象名录库 table as a vendor might keep it (snake_case columns, lists
 * and tags as `text[]`, a `province` column), filled with synthetic entities through `COPY … FROM STDIN`.
 * A vendor skips this file: the table is theirs. Used by draw-from-postgres.ts, test/postgres/ and bench/.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Entity } from '../../src/index.js';

/** The columns, in COPY order. `province` (the first two digits of the region code) is what tables partition by. */
const COLUMNS = [
  'id', 'credit_code', 'other_id_scheme', 'other_id_value', 'name', 'kind', 'industry', 'scale', 'region_code',
  'registration_authority', 'supervising_unit', 'status', 'risk_class', 'lists', 'complaint_count', 'tags',
  'legal_representative', 'address', 'business_scope', 'province',
] as const;

/**
 * Creates the table `table` (dropping one of that name). Plain `text` columns, not enums or checks, on purpose: a
 * real register holds whatever its users typed, and the example must show what a bad value does to the draw.
 * With `partitions`, the table is `PARTITION BY LIST (province)` with one partition `<table>_<code>` per code (the
 * key includes `province` because a partitioned table's unique keys must hold its partition column).
 */
export async function createRegisterTable(client: pg.ClientBase, table: string, partitions?: readonly string[]): Promise<void> {
  const t = client.escapeIdentifier(table);
  await client.query(`DROP TABLE IF EXISTS ${t}`);
  await client.query(`CREATE TABLE ${t} (
    id text NOT NULL, credit_code text, other_id_scheme text, other_id_value text, name text NOT NULL,
    kind text NOT NULL, industry text, scale text, region_code text, registration_authority text, supervising_unit text,
    status text NOT NULL, risk_class text, lists text[] NOT NULL DEFAULT '{}', complaint_count integer NOT NULL DEFAULT 0,
    tags text[] NOT NULL DEFAULT '{}', legal_representative text, address text, business_scope text, province text NOT NULL,
    PRIMARY KEY (province, id)
  )${partitions === undefined ? '' : ' PARTITION BY LIST (province)'}`);
  for (const code of partitions ?? []) {
    await client.query(`CREATE TABLE ${client.escapeIdentifier(`${table}_${code}`)} PARTITION OF ${t} FOR VALUES IN (${client.escapeLiteral(code)})`);
  }
}

/** One CSV field for COPY: NULL as an unquoted empty field, everything else quoted. */
function field(value: string | undefined): string {
  return value === undefined ? '' : `"${value.replaceAll('"', '""')}"`;
}

/** A PostgreSQL array literal of text elements, `{"a","b"}`. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** One entity as a line of CSV in {@link COLUMNS} order. */
function csvLine(e: Entity): string {
  return [
    e.id, e.creditCode, e.otherIdentifier?.scheme, e.otherIdentifier?.value, e.name, e.kind, e.industry, e.scale,
    e.regionCode, e.registrationAuthority, e.supervisingUnit, e.status, e.riskClass, textArray(e.lists),
    String(e.complaintCount), textArray(e.tags), e.legalRepresentative, e.address, e.businessScope, e.regionCode?.slice(0, 2) ?? '00',
  ].map(field).join(',') + '\n';
}

/** Appends the entities to `table` with one `COPY … FROM STDIN` (10,000 lines a chunk), then `ANALYZE`s it. */
export async function loadRegister(client: pg.ClientBase, table: string, entities: Iterable<Entity>): Promise<void> {
  const t = client.escapeIdentifier(table);
  function* chunks(): Generator<string> {
    let chunk: string[] = [];
    for (const e of entities) {
      chunk.push(csvLine(e));
      if (chunk.length === 10_000) {
        yield chunk.join('');
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk.join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${t} (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`)));
  await client.query(`ANALYZE ${t}`);
}
