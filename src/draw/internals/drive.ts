import { compareCodePoints } from '../../internals/compare.js';
/** Sync and async drivers: feed a register (one or two passes) into the engine. */
import { ShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import type { DrawSpec, NormalizedDrawSpec } from '../draw-spec.js';
import type { DrawResult } from '../draw-record.js';
import type { AsyncRegisterSource, DrawOptions, RegisterSource } from '../draw-options.js';
import { DrawEngine, type EngineOptions } from './engine.js';
import { normalizeSpec } from './plan.js';
import { checkSeedCommitment } from '../check-seed-commitment.js';
import { readSeed } from './seed.js';

function notReiterable(): ShuangsuijiError {
  return new ShuangsuijiError(
    'REGISTER_NOT_REITERABLE',
    '此抽取需读取名录库两遍（按比例、分层或加权），请传入数组或返回新迭代器的函数',
    'this draw reads the register twice (ratio, strata or weights): pass an array or a function returning a fresh iterable',
  );
}

function malformedCommitment(zh: string, en: string, path: readonly (string | number)[]): ShuangsuijiError {
  return new ShuangsuijiError('INVALID_COMMITMENT', zh, en, { path });
}

/**
 * Checks the published commitment against the seed: the hash must be 64 hex digits (`INVALID_COMMITMENT`
 * otherwise, as for a salt that is not a string), is compared case-insensitively (as `checkSeedCommitment`
 * does) and is recorded in lower case; a well-formed hash of another seed or salt is `SEED_COMMITMENT_MISMATCH`.
 */
function checkCommitment(given: unknown, seedHex: string): { hash: string; salt: string } {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw malformedCommitment('承诺值须为 { hash, salt } 对象', 'the commitment must be a { hash, salt } object', ['commitment']);
  }
  for (const key of Object.keys(given).sort(compareCodePoints)) {
    if (key !== 'hash' && key !== 'salt') throw malformedCommitment(`承诺值含未知字段 ${key}（应为 hash 和 salt）`, `unknown key ${key} in the commitment (expected hash and salt)`, ['commitment', key]);
  }
  const hash = (given as { hash?: unknown }).hash;
  const given2 = (given as { salt?: unknown }).salt;
  const salt = given2 === undefined ? '' : given2;
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash)) {
    throw malformedCommitment(
      `承诺值 hash 须为 64 个十六进制字符（SHA-256），收到 ${typeof hash === 'string' ? JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}…` : hash) : typeof hash}`,
      `the commitment hash must be 64 hexadecimal characters (SHA-256); received ${typeof hash === 'string' ? JSON.stringify(hash.length > 80 ? `${hash.slice(0, 80)}…` : hash) : typeof hash}`,
      ['commitment', 'hash'],
    );
  }
  if (typeof salt !== 'string') throw malformedCommitment('承诺值的 salt 须为字符串', 'the commitment salt must be a string', ['commitment', 'salt']);
  if (!checkSeedCommitment(seedHex, hash, { salt })) {
    throw new ShuangsuijiError('SEED_COMMITMENT_MISMATCH', '种子与事先公布的承诺值不符', 'the seed does not match the commitment published before', { path: ['commitment'] });
  }
  return { hash: hash.toLowerCase(), salt };
}

/** The keys of DrawOptions: any other key is refused, so a misspelt `commitment` is never silently unchecked. */
const DRAW_OPTION_KEYS: readonly string[] = ['seed', 'commitment', 'history'];

/**
 * Validates a spec and draw options (`keys`: the option keys allowed — a shard's options add `round` and `plan`,
 * read by the caller); returns the normalised spec and the engine's options.
 */
export function prepareDraw(spec: DrawSpec, options: DrawOptions, keys: readonly string[] = DRAW_OPTION_KEYS, shape = '{ seed, commitment?, history? }'): { spec: NormalizedDrawSpec; options: EngineOptions } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ShuangsuijiError('INVALID_OPTION', `抽取选项须为对象 ${shape}`, `the draw options must be an object ${shape}`, { path: ['options'] });
  for (const key of Object.keys(options).sort(compareCodePoints)) {
    if (!keys.includes(key)) {
      throw new ShuangsuijiError('INVALID_OPTION', `抽取选项含未知字段 ${key}（可用 ${keys.join('、')}）`, `unknown draw option ${key} (expected one of ${keys.join(', ')})`, { path: ['options', key] });
    }
  }
  if (options.history !== undefined && !Array.isArray(options.history)) throw new ShuangsuijiError('INVALID_OPTION', '往期检查记录须为数组', 'the history must be an array', { path: ['options', 'history'] });
  const normalized = normalizeSpec(spec);
  const seed = readSeed(options.seed);
  const commitment = options.commitment === undefined ? null : checkCommitment(options.commitment, seed.hex);
  if (normalized.exclusion !== undefined && options.history === undefined) {
    throw new ShuangsuijiError('HISTORY_REQUIRED', '规则要求年度去重，但未提供往期检查记录', 'the spec excludes past inspections but no history was given', { path: ['history'] });
  }
  return {
    spec: normalized,
    options: { seed: seed.bytes, seedHex: seed.hex, seedOrigin: seed.origin, seedCommitment: commitment, history: options.history ?? [] },
  };
}

/** Builds the engine from a spec and options (validates everything first). */
export function makeEngine(spec: DrawSpec, options: DrawOptions): DrawEngine {
  const ready = prepareDraw(spec, options);
  return new DrawEngine(ready.spec, ready.options);
}

function feed(engine: DrawEngine, rows: Iterable<Entity>, visit: (e: Entity, i: number) => void = (e, i) => engine.row(e, i)): void {
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<Entity>)[Symbol.iterator] !== 'function') throw invalidRegister();
  if (Array.isArray(rows)) {
    // Index loop: no iterator result object per row.
    const list = rows as readonly Entity[];
    for (let i = 0; i < list.length; i++) visit(list[i]!, i);
    return;
  }
  let i = 0;
  for (const row of rows) visit(row, i++);
}

function invalidRegister(): ShuangsuijiError {
  return new ShuangsuijiError('INVALID_REGISTER', '名录库须为数组、可迭代对象或返回它们的函数', 'the register must be an array, an iterable or a function returning one', { path: ['register'] });
}

/** Runs a draw over a synchronous source. */
export function runSync(engine: DrawEngine, source: RegisterSource): DrawResult {
  readSync(engine, source);
  return engine.finish();
}

/** Reads a synchronous source into the engine: its passes, and a confirming read when the duplicate guard asks. */
export function readSync(engine: DrawEngine, source: RegisterSource): void {
  const open = (): Iterable<Entity> => (typeof source === 'function' ? source() : source);
  const first = open();
  if (first === null || typeof first !== 'object' || typeof (first as Iterable<Entity>)[Symbol.iterator] !== 'function') throw invalidRegister();
  let oneShot = false;
  if (Array.isArray(first)) {
    feed(engine, first);
  } else {
    const it = first[Symbol.iterator]();
    oneShot = typeof source !== 'function' && (it as unknown) === first;
    if (engine.passes === 2 && oneShot) throw notReiterable();
    let i = 0;
    // for … of over the same iterator: a refused row closes the source (its finally runs: a cursor, a file).
    for (const e of { [Symbol.iterator]: () => it }) engine.row(e, i++);
  }
  if (engine.passes === 2) {
    engine.startSecondPass();
    feed(engine, open());
  } else if (engine.closeFirstPass()) {
    if (oneShot) throw engine.unconfirmable();
    feed(engine, open(), (e, i) => engine.confirmRow(e, i));
  }
}

/** Runs a draw over a sync or async source. */
export async function runAsync(engine: DrawEngine, source: AsyncRegisterSource): Promise<DrawResult> {
  await readAsync(engine, source);
  return engine.finish();
}

/** Reads a sync or async source into the engine (as {@link readSync}). */
export async function readAsync(engine: DrawEngine, source: AsyncRegisterSource): Promise<void> {
  const open = (): Iterable<Entity> | AsyncIterable<Entity> => (typeof source === 'function' ? source() : source);
  let oneShot = false;
  const pass = async (rows: Iterable<Entity> | AsyncIterable<Entity>, check: boolean, visit: (e: Entity, i: number) => void): Promise<void> => {
    if (rows !== null && typeof rows === 'object' && typeof (rows as AsyncIterable<Entity>)[Symbol.asyncIterator] === 'function') {
      const it = (rows as AsyncIterable<Entity>)[Symbol.asyncIterator]();
      if (check) oneShot = typeof source !== 'function' && (it as unknown) === rows;
      if (check && engine.passes === 2 && oneShot) throw notReiterable();
      let i = 0;
      for await (const e of { [Symbol.asyncIterator]: () => it }) visit(e, i++);
      return;
    }
    if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<Entity>)[Symbol.iterator] !== 'function') throw invalidRegister();
    if (Array.isArray(rows)) { feed(engine, rows, visit); return; }
    const it = (rows as Iterable<Entity>)[Symbol.iterator]();
    if (check) oneShot = typeof source !== 'function' && (it as unknown) === rows;
    if (check && engine.passes === 2 && oneShot) throw notReiterable();
    let i = 0;
    for (const e of { [Symbol.iterator]: () => it }) visit(e, i++);
  };
  await pass(open(), true, (e, i) => engine.row(e, i));
  if (engine.passes === 2) {
    engine.startSecondPass();
    await pass(open(), false, (e, i) => engine.row(e, i));
  } else if (engine.closeFirstPass()) {
    if (oneShot) throw engine.unconfirmable();
    await pass(open(), false, (e, i) => engine.confirmRow(e, i));
  }
}
