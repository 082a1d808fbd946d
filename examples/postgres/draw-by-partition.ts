/**
 * 分区抽取 — the same draw over a register kept in parts (here the partitions of a table `PARTITION BY LIST
 * (province)`): each part is summarised through its own connection and cursor, concurrently; only the summaries
 * (plain JSON: sums, counts and the few best candidates of each part) are merged, and the result is byte for byte
 * the record of one pass over the whole table (docs/spec.md §13).
 *
 * In production each province runs `summarizeShardAsync` on its own server and sends the JSON; here every part is
 * summarised in this one process, so the connections overlap their reads but share one thread for the hashing.
 */
import pg from 'pg';
import {
  finishShardedDraw, mergeShardSummaries, planShardedDraw, shardRounds, summarizeShardAsync,
  type DrawOptions, type DrawResult, type DrawSpec, type ShardCandidatesSummary, type ShardCountsSummary, type ShardOptions,
} from '../../src/index.js';
import { entityRows, type EntityRowsOptions } from './entity-rows.js';

/**
 * Draws over the union of `tables` (disjoint parts of one register) by shard summaries. Connections come from the
 * PG* environment variables (or `config`), one per part plus one that holds the snapshot.
 */
export async function drawByPartition(
  tables: readonly string[], spec: DrawSpec, options: DrawOptions, rows: EntityRowsOptions = {}, config?: pg.ClientConfig,
): Promise<DrawResult> {
  const clients = tables.map(() => new pg.Client(config));
  const holder = new pg.Client(config);
  await Promise.all([holder, ...clients].map((c) => c.connect()));
  try {
    // One snapshot for every connection (as pg_dump -j does): all parts, in both rounds, read the register as it
    // stood at one instant, even while others edit it.
    await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [exported] } = await holder.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    for (const c of clients) {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await c.query(`SET TRANSACTION SNAPSHOT ${c.escapeLiteral(exported!.snapshot)}`);
    }
    // One summary per part, each through its own cursor, all at once.
    const round = (o: ShardOptions) => Promise.all(tables.map((t, i) => summarizeShardAsync(() => entityRows(clients[i]!, t, rows), spec, o)));
    // Sizes by ratio, per stratum or by weight need every part's counts first: then a counts round and a plan.
    const plan = shardRounds(spec) === 2 ? planShardedDraw(mergeShardSummaries(await round({ ...options, round: 'counts' })) as ShardCountsSummary) : undefined;
    const candidates = mergeShardSummaries(await round({ ...options, round: 'candidates', ...(plan === undefined ? {} : { plan }) }));
    return finishShardedDraw(candidates as ShardCandidatesSummary);
  } finally {
    await Promise.all([holder, ...clients].map((c) => c.end()));
  }
}
