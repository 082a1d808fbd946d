/**
 * Worked example: 从 PostgreSQL 抽取 — a draw straight from the database that keeps the register, in bounded memory.
 * Run: bash scripts/with-postgres.sh npx tsx examples/postgres/draw-from-postgres.ts
 * (a throwaway server; against yours, set PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE). Exits 0 when the record
 * verifies and the same draw over a partitioned table, merged from one summary per partition, gives the same record.
 */
import pg from 'pg';
import { drawTargetsAsync, seedFromDice, verifyDrawAsync, type DrawSpec, type Entity } from '../../src/index.js';
import { generateEntityRegister } from '../../src/testing/index.js';
import { drawByPartition } from './draw-by-partition.js';
import { entityRows } from './entity-rows.js';
import { createRegisterTable, loadRegister } from './load-register.js';

const client = new pg.Client(); // connection from the PG* environment variables
await client.connect();
try {
  // Demo data: 100,000 synthetic entities in five provinces. A vendor's table is already there.
  const provinces = ['11', '31', '35', '44', '51'];
  await createRegisterTable(client, 'entity_register');
  await loadRegister(client, 'entity_register', generateEntityRegister(100_000, { seed: 2026, regionCodes: provinces.map((p) => `${p}0101`) }));

  // Sizes by ratio per risk class need the counts first, so this draw reads the register twice: give it a function
  // that opens a fresh cursor for each pass. One REPEATABLE READ transaction makes both passes (and the check
  // below) see the same rows while others keep editing the table.
  const rows = (): AsyncGenerator<Entity> => entityRows(client, 'entity_register', { batchSize: 10_000 });
  const spec: DrawSpec = {
    label: '2026年度 市场监管 第一批（示例）',
    stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.01 }, B: { ratio: 0.02 }, C: { ratio: 0.05 }, D: { ratio: 0.1 }, '': { ratio: 0.02 } } },
  };
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const seed = seedFromDice('31415926535897932384626');
  const { record } = await drawTargetsAsync(rows, spec, { seed });
  // The record repeats the register digest (名录库摘要, registerDigest of the same rows) published before the draw.
  console.log(`名录库摘要 register digest ${record.register.digest.slice(0, 16)}… over ${record.register.size} rows; ${record.selected.length} selected`);

  // Anyone with the same rows recomputes the record: here through the same cursor, in the same snapshot.
  const verdict = await verifyDrawAsync(record, rows);
  await client.query('COMMIT');
  console.log(verdict.ok ? '核验通过 the record verifies' : `核验失败 ${verdict.code}: ${verdict.messageEn}`);
  if (!verdict.ok) process.exitCode = 1;

  // The same register kept by province: a partitioned table, one summary per partition, merged.
  await createRegisterTable(client, 'entity_register_by_province', provinces);
  await client.query('INSERT INTO entity_register_by_province SELECT * FROM entity_register');
  const sharded = await drawByPartition(provinces.map((p) => `entity_register_by_province_${p}`), spec, { seed });
  const same = JSON.stringify(sharded.record) === JSON.stringify(record);
  console.log(same ? '分区合并的抽取记录与整表抽取逐字节相同 the record from 5 partitions is byte-identical' : '分区合并结果不同 the merged record differs');
  if (!same) process.exitCode = 1;
} finally {
  await client.end();
}
