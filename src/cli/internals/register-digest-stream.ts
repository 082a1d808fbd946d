/**
 * The register digest of an async stream of entities, in constant memory: the same accumulator and the same
 * per-row steps as `registerDigest` (src/draw/register-digest.ts) and the draw engine, fed one row at a time,
 * so the result equals `registerDigest(rows)` and the `register.digest` of a draw over the same rows.
 */
import type { Entity } from '../../models/entity.js';
import { RegisterAccumulator } from '../../draw/internals/digest.js';

/** Adds entities one by one; `result()` gives `{ digest, size }` as `registerDigest` does. */
export class RegisterDigestStream {
  private readonly acc = new RegisterAccumulator();

  /** Adds the row at 0-based position `index` (for error paths); throws `INVALID_ENTITY` / `INVALID_ID` as `registerDigest`. */
  add(e: Entity, index: number): void {
    this.acc.addEntity(e, index);
  }

  /** Rows added so far. */
  get size(): number {
    return this.acc.count;
  }

  /** The digest of the rows added so far and their count. */
  result(): { readonly digest: string; readonly size: number } {
    return { digest: this.acc.digest(), size: this.acc.count };
  }
}

/** Digest of every row of an async (or sync) iterable of entities, in constant memory. */
export async function registerDigestOfStream(rows: AsyncIterable<Entity> | Iterable<Entity>): Promise<{ readonly digest: string; readonly size: number }> {
  const stream = new RegisterDigestStream();
  let i = 0;
  for await (const e of rows) stream.add(e, i++);
  return stream.result();
}
