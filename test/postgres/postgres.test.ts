// The PostgreSQL example (examples/postgres/) against a real server: `npm test` runs this file once through
// scripts/with-postgres.sh, which starts a throwaway server and passes the connection in PG* variables
// (`bash scripts/with-postgres.sh npx vitest run --config vitest.postgres.config.ts`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawTargets, drawTargetsAsync, isShuangsuijiError, registerDigest, seedFromDice, verifyDraw, verifyDrawAsync,
  type DrawSpec, type Entity, type EntityRegisterIssueCode,
} from '../../src/index.js';
import { generateEntityRegister } from '../../src/testing/index.js';
import { drawByPartition } from '../../examples/postgres/draw-by-partition.js';
import { entityRows } from '../../examples/postgres/entity-rows.js';
import { createRegisterTable, loadRegister } from '../../examples/postgres/load-register.js';

const ROWS = 200_000;
const BATCH = 10_000;
// Districts of five provinces, so that the partitioned table has five parts (11, 31, 35, 44, 51).
const REGION_CODES = ['110101', '110105', '310104', '350102', '350103', '440103', '440106', '510104'];
const register = generateEntityRegister(ROWS, { seed: 16, regionCodes: REGION_CODES });
const seed = seedFromDice('27182818284590452353602');

const undirected: DrawSpec = { label: '不定向抽取（测试）', size: { count: 500 } };
const stratified: DrawSpec = {
  label: '按信用风险分类（测试）',
  population: { filter: [{ field: 'kind', op: 'in', values: ['enterprise', 'individual-business'] }] },
  stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.001 }, B: { ratio: 0.002 }, C: { ratio: 0.01 }, D: { ratio: 0.05 } } },
};

let client: pg.Client;

beforeAll(async () => {
  if (process.env['PGHOST'] === undefined) throw new Error('no PostgreSQL server: run `bash scripts/with-postgres.sh npx vitest run --config vitest.postgres.config.ts`');
  client = new pg.Client();
  await client.connect();
  await createRegisterTable(client, 'register_test');
  await loadRegister(client, 'register_test', register);
});

afterAll(async () => {
  await client?.end();
});

describe('a draw streamed from PostgreSQL through a cursor (examples/postgres/entity-rows.ts)', () => {
  it('loaded the synthetic register', async () => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM register_test');
    expect(Number(rows[0]!.n)).toBe(ROWS);
  });

  it('gives the record of drawTargets over the same rows in memory, byte for byte, holding one batch at a time', async () => {
    const batches: number[] = [];
    let fetched = 0;
    let handedOver = 0;
    let mostInFlight = 0;
    const onBatch = (n: number): void => {
      batches.push(n);
      fetched += n;
      mostInFlight = Math.max(mostInFlight, fetched - handedOver);
    };
    // Counts the rows the draw has taken: rows fetched but not yet taken are the ones this process holds.
    async function* counted(rows: AsyncIterable<Entity>): AsyncGenerator<Entity> {
      for await (const e of rows) {
        handedOver++;
        yield e;
      }
    }
    const streamed = await drawTargetsAsync(counted(entityRows(client, 'register_test', { batchSize: BATCH, onBatch })), undirected, { seed });
    const inMemory = drawTargets(register, undirected, { seed });

    expect(JSON.stringify(streamed.record)).toBe(JSON.stringify(inMemory.record));
    // Every field of the selected entities survives the trip through SQL columns.
    expect(streamed.selected).toEqual(inMemory.selected);
    // The server sent the rows in batches of the cursor's size (and an empty one at the end) …
    expect(batches).toEqual([...Array<number>(ROWS / BATCH).fill(BATCH), 0]);
    // … and the next batch was fetched only after the draw had taken every row of the one before.
    expect(mostInFlight).toBe(BATCH);
    expect(handedOver).toBe(ROWS);
  });

  it('reads twice in one snapshot for a two-pass draw; the digest and verifyDraw agree with the rows in memory', async () => {
    const rows = (): AsyncGenerator<Entity> => entityRows(client, 'register_test', { batchSize: BATCH });
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const streamed = await drawTargetsAsync(rows, stratified, { seed });
    const fromCursor = await verifyDrawAsync(streamed.record, rows);
    await client.query('COMMIT');
    const inMemory = drawTargets(register, stratified, { seed });

    expect(JSON.stringify(streamed.record)).toBe(JSON.stringify(inMemory.record));
    expect(streamed.record.register.digest).toBe(registerDigest(register).digest);
    expect(streamed.record.register.size).toBe(ROWS);
    expect(fromCursor).toMatchObject({ ok: true });
    expect(verifyDraw(streamed.record, register)).toMatchObject({ ok: true });
  });

  it('verifyDrawAsync from the cursor names a row changed in the table since the draw', async () => {
    const { record } = drawTargets(register, undirected, { seed });
    await client.query('BEGIN');
    await client.query('UPDATE register_test SET complaint_count = complaint_count + 1 WHERE id = $1', [record.selected[0]!.id]);
    const verdict = await verifyDrawAsync(record, entityRows(client, 'register_test'));
    await client.query('ROLLBACK');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.messageEn).toContain(record.selected[0]!.id);
  });
});

describe('a malformed row in the table', () => {
  const SIZE = 25_000;
  const AT = 17_345; // in the second batch of 10,000
  const good = register.slice(0, SIZE);
  const victim = good[AT]!;
  const wrongCheck = (code: string): string => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
  const cases: { name: string; row: Entity; code: EntityRegisterIssueCode; field: string }[] = [
    { name: 'a credit code with a wrong check character', row: { ...victim, creditCode: wrongCheck(victim.creditCode!) }, code: 'USCC_CHECK_CHARACTER', field: 'creditCode' },
    { name: 'an unknown status', row: { ...victim, status: '营业中' as Entity['status'] }, code: 'UNKNOWN_STATUS', field: 'status' },
  ];

  it.each(cases)('stops the draw with the library’s coded error and the row path: $name', async ({ row, code, field }) => {
    expect(victim.creditCode).toBeDefined();
    await createRegisterTable(client, 'register_malformed');
    // A fresh table read by a sequential scan returns rows in the order COPY wrote them, so the bad row is row AT.
    await loadRegister(client, 'register_malformed', good.map((e, i) => (i === AT ? row : e)));
    let caught: unknown;
    try {
      await drawTargetsAsync(entityRows(client, 'register_malformed', { batchSize: BATCH }), undirected, { seed });
    } catch (error) {
      caught = error;
    }
    expect(isShuangsuijiError(caught, code)).toBe(true);
    if (!isShuangsuijiError(caught)) return;
    expect(caught.path).toEqual([AT, field]);
    expect(caught.details?.['id']).toBe(victim.id);
    // The cursor was closed when the stream stopped: the connection takes the next query.
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]!.one).toBe(1);
  });
});

describe('the shard path over a partitioned table (examples/postgres/draw-by-partition.ts)', () => {
  const PROVINCES = ['11', '31', '35', '44', '51'];
  const parts = PROVINCES.map((p) => `register_parts_${p}`);

  beforeAll(async () => {
    await createRegisterTable(client, 'register_parts', PROVINCES);
    await client.query('INSERT INTO register_parts SELECT * FROM register_test');
  });

  it('spreads the register over five partitions', async () => {
    const { rows } = await client.query<{ part: string; n: string }>('SELECT tableoid::regclass::text AS part, count(*) AS n FROM register_parts GROUP BY 1 ORDER BY 1');
    expect(rows.map((r) => r.part)).toEqual(parts);
    expect(rows.every((r) => Number(r.n) > BATCH)).toBe(true);
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(ROWS);
  });

  it.each([
    { name: 'one round (a count)', spec: undirected, rounds: 1 },
    { name: 'two rounds (ratios per stratum, directed)', spec: stratified, rounds: 2 },
  ])('merges one summary per partition into the record of one pass, byte for byte: $name', async ({ spec, rounds }) => {
    const batches: number[] = [];
    const sharded = await drawByPartition(parts, spec, { seed }, { batchSize: BATCH, onBatch: (n) => batches.push(n) });
    expect(JSON.stringify(sharded.record)).toBe(JSON.stringify(drawTargets(register, spec, { seed }).record));
    // Each round read every partition once through a cursor of its own (each ends with one empty batch), in batches
    // of the cursor's size.
    expect(batches.filter((n) => n === 0)).toHaveLength(parts.length * rounds);
    expect(batches.reduce((a, b) => a + b)).toBe(ROWS * rounds);
    expect(Math.max(...batches)).toBe(BATCH);
  });
});

describe('the runnable example', () => {
  it('draws from its demo table and verifies (npx tsx examples/postgres/draw-from-postgres.ts)', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'examples/postgres/draw-from-postgres.ts'], { cwd: `${import.meta.dirname}/../..` });
    expect(stdout).toContain('核验通过 the record verifies');
  });
});
