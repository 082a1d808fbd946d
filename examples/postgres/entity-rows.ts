/**
 * 从数据库读取检查对象名录库 — the rows of an entity register table, read through a server-side cursor a batch at a
 * time and mapped to the library's {@link Entity} shape: the piece to copy into a vendor's code.
 *
 * Why a cursor: `client.query('SELECT … FROM register')` makes the server send every row at once and pg collects
 * them all into one array before the promise resolves — 180 million entities would not fit in memory. A cursor (here
 * pg-cursor: a named portal the server suspends after each `read(n)`) keeps at most one batch in this process, and
 * the draw hashes each row and lets it go, so memory stays bounded whatever the size of the register.
 */
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { parseEntityRegister, ShuangsuijiError, type DataIssue, type Entity, type EntityRegisterIssueCode } from '../../src/index.js';

/**
 * The SQL columns as the library's field names (`parseEntityRegister` reads field names; a SQL NULL is an absent
 * field). Adapt the left-hand sides to your schema; keep the columns the draw reads (id, kind, status, riskClass,
 * industry, scale, regionCode, registrationAuthority, supervisingUnit, lists, tags, complaintCount) and those your
 * inspectors need on the selected targets (name, address, legalRepresentative for recusal checks …).
 */
export const ENTITY_COLUMNS = `id, credit_code AS "creditCode", other_id_scheme AS "otherIdentifierScheme",
  other_id_value AS "otherIdentifierValue", name, kind, industry, scale, region_code AS "regionCode",
  registration_authority AS "registrationAuthority", supervising_unit AS "supervisingUnit", status,
  risk_class AS "riskClass", lists, complaint_count AS "complaintCount", tags,
  legal_representative AS "legalRepresentative", address, business_scope AS "businessScope"`;

/** Options of {@link entityRows}. */
export interface EntityRowsOptions {
  /** Rows fetched per round trip: the most rows this process holds at once. @defaultValue 10_000 */
  readonly batchSize?: number;
  /** Called with the size of each batch as it arrives (for progress, or to watch memory in a test). @defaultValue none */
  readonly onBatch?: (rows: number) => void;
}

/**
 * The entities of `table`, in the order the server returns them. Every batch goes through `parseEntityRegister`, so a
 * row the library would refuse (a wrong check character in a credit code, an unknown status …) stops the stream with
 * a `ShuangsuijiError` of that problem's code and the path `[row, field]`, `row` counted from 0 over the whole stream
 * (the draw counts rows the same way); `details` names the row's id and lists every problem of that batch. Two rows
 * with one id in different batches are refused by the draw itself (`DUPLICATE_ID`); one credit code on two rows is
 * caught within a batch only, so keep a UNIQUE constraint on it. Read it once (each call opens a new cursor); it
 * holds `client` until it ends.
 */
export async function* entityRows(client: pg.ClientBase, table: string, options: EntityRowsOptions = {}): AsyncGenerator<Entity> {
  const batchSize = options.batchSize ?? 10_000;
  const cursor = client.query(new Cursor<Record<string, unknown>>(`SELECT ${ENTITY_COLUMNS} FROM ${client.escapeIdentifier(table)}`));
  try {
    for (let offset = 0; ; ) {
      const rows = await cursor.read(batchSize);
      options.onBatch?.(rows.length);
      if (rows.length === 0) return;
      const parsed = parseEntityRegister(rows);
      if (!parsed.success) throw rowError(parsed.issues, offset, rows);
      yield* parsed.data;
      offset += rows.length;
    }
  } finally {
    // Closing the portal frees the connection for the next query, also when the reader stops early.
    await cursor.close();
  }
}

/** The first problem of a batch as an error located in the whole stream; `details.issues` has all of the batch's. */
function rowError(issues: readonly DataIssue<EntityRegisterIssueCode>[], offset: number, rows: readonly Record<string, unknown>[]): ShuangsuijiError {
  const located = issues.map((issue) => ({ ...issue, path: [offset + (issue.path[0] as number), ...issue.path.slice(1)] }));
  const first = located[0]!;
  const id = rows[(first.path[0] as number) - offset]?.['id'];
  return new ShuangsuijiError(first.code, first.messageZh, first.messageEn, { path: first.path, details: { id, issues: located } });
}
