/**
 * Shared by the functions of `shuangsuiji/node`: their file options checked (strictly, as every option of the
 * library), the command's reading of the file built from them, and file problems thrown as one error.
 */
import { availableParallelism } from 'node:os';
import { ShuangsuijiError } from '../../../errors.js';
import { normaliseHeader } from '../../../models/internals/register-core.js';
import type { ParallelChoice } from '../../internals/parallel/parallel-reading.js';
import { DEFAULT_MIN_PARALLEL_BYTES, MAX_WORKERS } from '../../internals/parallel/worker-option.js';
import type { ProblemList } from '../../internals/problems.js';
import { RegisterReading, type ReadingChoices } from '../../internals/register-reading.js';
import type { RegisterFileErrorCode } from '../register-file-error-code.js';
import type { RegisterFileOptions } from '../register-file-options.js';

const FILE_KEYS: readonly string[] = ['workers', 'encoding', 'headers', 'ignoreColumns', 'sheet'];

function invalid(key: string, zh: string, en: string): ShuangsuijiError {
  return new ShuangsuijiError('INVALID_OPTION', zh, en, { path: ['options', key] });
}

/** Checks `options` (unknown keys, wrong types: `INVALID_OPTION`), allowing also the keys `extra`. */
export function checkFileOptions(options: unknown, extra: readonly string[] = []): RegisterFileOptions & Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_OPTION', '选项应为对象', 'the options must be an object', { path: ['options'] });
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!FILE_KEYS.includes(key) && !extra.includes(key)) {
      throw invalid(key, `未知选项 ${JSON.stringify(key)}；可用：${[...FILE_KEYS, ...extra].join(', ')}`, `unknown option ${JSON.stringify(key)}; options: ${[...FILE_KEYS, ...extra].join(', ')}`);
    }
  }
  const workers = o['workers'];
  if (workers !== undefined && !(Number.isInteger(workers) && (workers as number) >= 1 && (workers as number) <= MAX_WORKERS)) {
    throw invalid('workers', `workers 应为 1 至 ${MAX_WORKERS} 之间的整数`, `workers must be a whole number from 1 to ${MAX_WORKERS}`);
  }
  if (o['encoding'] !== undefined && o['encoding'] !== 'utf-8' && o['encoding'] !== 'gb18030') throw invalid('encoding', `encoding 应为 'utf-8' 或 'gb18030'`, `encoding must be 'utf-8' or 'gb18030'`);
  const headers = o['headers'];
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw invalid('headers', 'headers 应为 { 列名: 字段 } 对象', 'headers must be a { column: field } object');
  }
  const ignore = o['ignoreColumns'];
  if (ignore !== undefined && !(Array.isArray(ignore) && ignore.every((c) => typeof c === 'string'))) throw invalid('ignoreColumns', 'ignoreColumns 应为列名数组', 'ignoreColumns must be an array of column names');
  if (o['sheet'] !== undefined && typeof o['sheet'] !== 'string') throw invalid('sheet', 'sheet 应为文本', 'sheet must be a string');
  return o as RegisterFileOptions & Readonly<Record<string, unknown>>;
}

/** The threads that read the file, as the command's `--workers`. */
export function fileParallelChoice(options: RegisterFileOptions): ParallelChoice {
  if (options.workers !== undefined) return { workers: options.workers, minBytes: 0 };
  return { workers: Math.max(1, Math.min(MAX_WORKERS, availableParallelism())), minBytes: DEFAULT_MIN_PARALLEL_BYTES };
}

/** The command's reading of `path` as an entity register, from the file options (a bad mapping: `INVALID_OPTION`). */
export function fileReading(path: string, options: RegisterFileOptions): RegisterReading {
  // As the command reads `--headers` and `--ignore-columns`: names normalised as headers are.
  const headers: Record<string, string> = {};
  for (const [column, field] of Object.entries(options.headers ?? {})) {
    const name = normaliseHeader(column);
    if (name === '' || field.trim() === '') throw invalid('headers', `headers：列 ${JSON.stringify(column)} 应映射到一个字段名`, `headers: column ${JSON.stringify(column)} must map to a field name`);
    headers[name] = field.trim();
  }
  const ignore: string[] = [];
  for (const column of options.ignoreColumns ?? []) {
    const name = normaliseHeader(column);
    if (name === '' || ignore.includes(name)) continue;
    if (Object.hasOwn(headers, name)) throw invalid('ignoreColumns', `列 ${JSON.stringify(name)} 既被忽略又映射到字段 ${headers[name]}`, `column ${JSON.stringify(name)} is both ignored and mapped to field ${headers[name]}`);
    ignore.push(name);
  }
  const choices: ReadingChoices = { encoding: options.encoding, headers, ignore, ...(options.sheet === undefined ? {} : { sheet: options.sheet }) };
  const reading = RegisterReading.create(path, 'entity', choices);
  if (!(reading instanceof RegisterReading)) throw new ShuangsuijiError('INVALID_OPTION', reading.messageZh, reading.messageEn, { path: ['options', 'headers'] });
  return reading;
}

/** Most problems carried by the error (all are counted). */
const MAX_PROBLEMS_IN_ERROR = 100;

/** The file's problems as one error: `REGISTER_FILE_INVALID`, the first naming its line in the messages. */
export function fileProblems(path: string, problems: ProblemList): ShuangsuijiError<RegisterFileErrorCode> {
  const first = problems.kept[0];
  const at = first === undefined ? '' : first.line > 0 ? ` (line ${first.line})` : '';
  const atZh = first === undefined ? '' : first.line > 0 ? `（第 ${first.line} 行）` : '';
  return new ShuangsuijiError(
    'REGISTER_FILE_INVALID',
    `名录库文件 ${path} 有 ${problems.length} 处问题${first === undefined ? '' : `，首个：[${first.code}]${atZh} ${first.messageZh}`}`,
    `the register file ${path} has ${problems.length} problem(s)${first === undefined ? '' : `; the first: [${first.code}]${at} ${first.messageEn}`}`,
    { path: ['path'], details: { file: path, problemCount: problems.length, problems: problems.kept.slice(0, MAX_PROBLEMS_IN_ERROR) } },
  );
}
