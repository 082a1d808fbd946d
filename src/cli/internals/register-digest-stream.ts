/**
 * The register digest of an async stream of entities, in bounded memory (8 bytes a row for the duplicate guard):
 * the same digester as `registerDigest` (src/draw/register-digest.ts) and the draw engine, fed one row at a time,
 * so the result equals `registerDigest(rows)` and the `register.digest` of a draw over the same rows.
 */
import type { Entity } from '../../models/entity.js';
import { RegisterDigester } from '../../draw/internals/digest.js';

/**
 * Adds entities one by one; `close()` ends the first read and says whether a confirming read is needed (two id
 * fingerprints collided: feed every row again to `confirm`); `result()` gives `{ digest, size }`.
 */
export class RegisterDigestStream {
  private readonly digester = new RegisterDigester();

  /** Adds the row at 0-based position `index` (for error paths); throws `INVALID_ENTITY` / `INVALID_ID` as `registerDigest`. */
  add(e: Entity, index: number): void {
    this.digester.add(e, index);
  }

  /** Rows added so far. */
  get size(): number {
    return this.digester.size;
  }

  /** Ends the first read; true when the rows must be read again through `confirm`. */
  close(): boolean {
    return this.digester.close();
  }

  /** Confirming read: row `index` again (throws `DUPLICATE_ID` naming both rows). */
  confirm(e: Entity, index: number): void {
    this.digester.confirm(e, index);
  }

  /** The digest of the rows and their count (after `close`, and the confirming read when it asked for one). */
  result(): { readonly digest: string; readonly size: number } {
    return this.digester.result();
  }
}

/** Digest of every row of an async (or sync) iterable of entities, read again only to confirm a suspected duplicate. */
export async function registerDigestOfStream(
  rows: AsyncIterable<Entity> | Iterable<Entity> | (() => AsyncIterable<Entity> | Iterable<Entity>),
): Promise<{ readonly digest: string; readonly size: number }> {
  const stream = new RegisterDigestStream();
  const open = (): AsyncIterable<Entity> | Iterable<Entity> => (typeof rows === 'function' ? rows() : rows);
  let i = 0;
  for await (const e of open()) stream.add(e, i++);
  if (stream.close()) {
    if (typeof rows !== 'function') throw new RegisterDigester().unconfirmable();
    let j = 0;
    for await (const e of open()) stream.confirm(e, j++);
  }
  return stream.result();
}
