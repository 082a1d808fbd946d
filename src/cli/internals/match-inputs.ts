/**
 * The inputs of `match` read from files: the targets — the `selected` ids of a draw record (joined, with
 * `--register`, with the register rows the draw read, for 属地监管单位 and 法定代表人), a JSON array of targets (the
 * format `verify --targets` reads), or a CSV / JSON Lines table of targets — and the inspector register, read and
 * checked exactly as `verify` reads it. Every problem is added to the command's {@link ProblemList} with its file
 * and line; nothing is guessed.
 */
import { extname } from 'node:path';
import type { DataIssue } from '../../errors.js';
import { isShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import { ENTITY_HEADERS, ENTITY_INPUT_FIELDS } from '../../models/entity-headers.js';
import type { Inspector } from '../../models/inspector.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { parseInspectorRegister } from '../../models/parse-inspector-register.js';
import type { MatchTarget } from '../../match/match-target.js';
import { MAX_JSON_FILE_BYTES } from './limits.js';
import { locatedRows, ProblemList, readJson } from './problems.js';
import { RegisterDigestStream } from './register-digest-stream.js';
import { RegisterReading } from './register-reading.js';

/** The targets of a match and what is known about each for printing. */
export interface TargetsRead {
  /** Exactly what is given to the matcher (and written to `targets.json` for `verify --targets`). */
  readonly targets: readonly MatchTarget[];
  /** Entity names by NFC id, where known (from the register or a 名称 column), for the team table. */
  readonly names: ReadonlyMap<string, string>;
  /** Where target `i` came from: the file, and a line (0 when unknown) or the path inside a JSON file. */
  readonly origin: (i: number) => { readonly file: string; readonly line: number; readonly path: readonly (string | number)[] };
  /** Whether the targets are the `selected` of a draw record read without its register (only ids are known). */
  readonly idsOnly: boolean;
}

/** The reading of the entity register given with `--register`: as `digest` reads it without reading options. */
function defaultReading(file: string): RegisterReading {
  const reading = RegisterReading.create(file, 'entity', { encoding: undefined, headers: {}, ignore: [] });
  if (!(reading instanceof RegisterReading)) throw new Error(`no default reading: ${reading.code}`);
  return reading;
}

type TargetField = 'id' | 'creditCode' | 'name' | 'supervisingUnit' | 'legalRepresentative' | 'requiredExpertise';

/**
 * Column headers of a targets table: the field names themselves, the entity register's default Chinese headers of
 * these fields, the id column of `drawn.csv` and the usual names of the expertise a target needs.
 */
function targetHeader(header: string): TargetField | undefined {
  const own: readonly TargetField[] = ['id', 'creditCode', 'name', 'supervisingUnit', 'legalRepresentative', 'requiredExpertise'];
  if ((own as readonly string[]).includes(header)) return header as TargetField;
  if (header === '统一社会信用代码/编号' || header === '检查对象') return 'id';
  if (header === '所需业务专长' || header === '业务专长' || header === '检查人员要求') return 'requiredExpertise';
  const field = Object.hasOwn(ENTITY_HEADERS, header) ? ENTITY_HEADERS[header] : undefined;
  return field !== undefined && (own as readonly string[]).includes(field) ? (field as TargetField) : undefined;
}

/** Columns of `drawn.csv` that say nothing the matcher reads (the draw record holds them): passed over. */
const DRAWN_ONLY: readonly string[] = ['序号', '签号', '分层', '入样概率', '入样概率（约）'];

/**
 * Whether a column that fills no target field is still a known one: another field of the entity register (its name
 * or default header) or a column of `drawn.csv`. Any other column is refused, never dropped unseen: a renamed
 * 属地监管单位 column would otherwise switch 所所交叉 off without a word.
 */
function knownColumn(header: string): boolean {
  return Object.hasOwn(ENTITY_HEADERS, header) || (ENTITY_INPUT_FIELDS as readonly string[]).includes(header) || DRAWN_ONLY.includes(header);
}

/** A list of specialties: an array of strings, or one cell split on 、 , ， ; ； | and line breaks. */
function specialties(value: unknown): string[] | undefined {
  const items = typeof value === 'string' ? value.split(/[、,，;；|\r\n]/) : Array.isArray(value) ? value : undefined;
  if (items === undefined || !items.every((v) => typeof v === 'string')) return undefined;
  return (items as string[]).map((v) => v.trim()).filter((v) => v !== '');
}

function issue(code: string, path: (string | number)[], messageZh: string, messageEn: string): DataIssue {
  return { code, path, messageZh, messageEn };
}

/**
 * One row of a targets table → a target and its name (ids as written, never trimmed; text trimmed; empty = absent).
 * An unknown column is reported once, on the first row that has it (`reported` holds the columns already named).
 */
function targetOfRow(row: unknown, i: number, issues: DataIssue[], reported: Set<string>): { target: MatchTarget; name: string | undefined } | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    issues.push(issue('INVALID_TYPE', [i], '检查对象的每一行应为对象', 'each target row must be an object'));
    return undefined;
  }
  const values = new Map<TargetField, { header: string; value: unknown }>();
  const before = issues.length;
  for (const [header, value] of Object.entries(row)) {
    const field = targetHeader(header);
    if (field === undefined && !knownColumn(header) && !reported.has(header)) {
      reported.add(header);
      issues.push(issue(
        'UNKNOWN_COLUMN', [i, header],
        `未知的列“${header}”：检查对象表可有编号/统一社会信用代码、名称、属地监管单位、法定代表人、所需业务专长及名录库的其他列；请改用这些列名或删去该列`,
        `unknown column "${header}": a targets table may have 编号/统一社会信用代码 (id), 名称, 属地监管单位, 法定代表人, 所需业务专长 and the other columns of the entity register; rename or remove it`,
      ));
      continue;
    }
    if (field === undefined || value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const seen = values.get(field);
    if (seen === undefined) values.set(field, { header, value });
    else if (JSON.stringify(seen.value) !== JSON.stringify(value)) {
      issues.push(issue('CONFLICTING_COLUMNS', [i, field], `列“${seen.header}”与“${header}”的值不同`, `columns "${seen.header}" and "${header}" differ`));
    }
  }
  const text = (field: TargetField): string | undefined => {
    const cell = values.get(field);
    if (cell === undefined) return undefined;
    if (typeof cell.value !== 'string') {
      issues.push(issue('INVALID_TYPE', [i, field], `“${cell.header}”应为文本`, `"${cell.header}" must be text`));
      return undefined;
    }
    return field === 'id' || field === 'creditCode' ? cell.value : cell.value.trim();
  };
  const id = text('id') ?? text('creditCode');
  if (id === undefined && !values.has('id') && !values.has('creditCode')) {
    issues.push(issue('MISSING_FIELD', [i, 'id'], '缺少检查对象编号（编号或统一社会信用代码）', 'the target has no id (编号 or 统一社会信用代码)'));
  }
  const name = text('name');
  const supervisingUnit = text('supervisingUnit');
  const legalRepresentative = text('legalRepresentative');
  const expertise = values.get('requiredExpertise');
  const requiredExpertise = expertise === undefined ? undefined : specialties(expertise.value);
  if (expertise !== undefined && requiredExpertise === undefined) {
    issues.push(issue('INVALID_TYPE', [i, 'requiredExpertise'], `“${expertise.header}”应为专长列表（以“、”分隔）`, `"${expertise.header}" must be a list of specialties (separated by 、)`));
  }
  if (issues.length !== before || id === undefined) return undefined;
  const target: { -readonly [K in keyof MatchTarget]: MatchTarget[K] } = { id };
  if (supervisingUnit !== undefined) target.supervisingUnit = supervisingUnit;
  if (legalRepresentative !== undefined) target.legalRepresentative = legalRepresentative;
  if (requiredExpertise !== undefined && requiredExpertise.length > 0) target.requiredExpertise = requiredExpertise;
  return { target, name };
}

type TargetRow = { target: MatchTarget; name: string | undefined };

/** The batch parser of one read of a targets table. */
function targetsBatch(): (rows: readonly unknown[]) => { success: true; data: readonly TargetRow[] } | { success: false; issues: readonly DataIssue[] } {
  const reported = new Set<string>();
  return (rows) => {
    const issues: DataIssue[] = [];
    const data = rows.map((row, i) => targetOfRow(row, i, issues, reported));
    if (issues.length > 0) return { success: false, issues };
    return { success: true, data: data as TargetRow[] };
  };
}

function nfc(id: string): string {
  return id.normalize('NFC');
}

/**
 * Reads the targets of a match from `file` (a draw record, a JSON array, or a CSV / JSON Lines table), joined with
 * `registerFile` when the file is a draw record. `undefined` when problems were found (they are in `problems`).
 *
 * @example
 * ```ts
 * // const read = await readMatchTargets('抽取结果/draw-record.json', '名录库.csv', problems, () => {});
 * ```
 */
export async function readMatchTargets(
  file: string,
  registerFile: string | undefined,
  problems: ProblemList,
  onProgress: (rows: number) => void,
): Promise<TargetsRead | undefined> {
  // A .json file is read whole (a draw record or an array of targets); any other is a table read row by row.
  if (extname(file).toLowerCase() !== '.json') {
    if (registerFile !== undefined) {
      problems.push(registerWithoutRecord(registerFile));
      return undefined;
    }
    const targets: MatchTarget[] = [];
    const lines: number[] = [];
    const names = new Map<string, string>();
    let bytes = 0;
    for await (const row of locatedRows(file, targetsBatch(), problems, onProgress)) {
      bytes += row.bytes;
      if (bytes > MAX_JSON_FILE_BYTES) {
        problems.push({ file, line: row.line, record: row.record, code: 'FILE_TOO_LARGE', messageZh: `检查对象文件超过 ${MAX_JSON_FILE_BYTES} 字节`, messageEn: `the targets file is larger than ${MAX_JSON_FILE_BYTES} bytes` });
        break;
      }
      targets.push(row.value.target);
      lines.push(row.line);
      if (row.value.name !== undefined) names.set(nfc(row.value.target.id), row.value.name);
    }
    if (problems.length > 0) return undefined;
    return { targets, names, idsOnly: false, origin: (i) => ({ file, line: lines[i] ?? 0, path: [] }) };
  }

  const value = await readJson(file, problems);
  if (problems.length > 0) return undefined;
  if (Array.isArray(value)) {
    if (registerFile !== undefined) {
      problems.push(registerWithoutRecord(registerFile));
      return undefined;
    }
    const names = new Map<string, string>();
    for (const t of value) {
      const row = t as { id?: unknown; name?: unknown } | null;
      if (typeof row === 'object' && row !== null && typeof row.id === 'string' && typeof row.name === 'string') names.set(nfc(row.id), row.name);
    }
    return { targets: value as MatchTarget[], names, idsOnly: false, origin: (i) => ({ file, line: 0, path: [i] }) };
  }
  const algorithm = typeof value === 'object' && value !== null ? (value as { algorithm?: unknown }).algorithm : undefined;
  if (algorithm !== 'shuangsuiji-draw') {
    problems.push({
      file, line: 0, record: 0, code: 'TARGETS_NOT_ARRAY',
      messageZh: '检查对象应为抽取记录（draw-record.json）或检查对象的 JSON 数组',
      messageEn: 'the targets must be a draw record (draw-record.json) or a JSON array of targets',
    });
    return undefined;
  }
  const record = value as { selected?: unknown; register?: { digest?: unknown } | null };
  const selected = record.selected;
  if (!Array.isArray(selected) || !selected.every((s) => typeof s === 'object' && s !== null && typeof (s as { id?: unknown }).id === 'string')
    || typeof record.register !== 'object' || record.register === null || typeof record.register.digest !== 'string') {
    problems.push({
      file, line: 0, record: 0, code: 'RECORD_MALFORMED',
      messageZh: '抽取记录缺少 selected（被抽中对象及其 id）或 register.digest',
      messageEn: 'the draw record lacks selected (the drawn entities and their ids) or register.digest',
    });
    return undefined;
  }
  const ids = (selected as readonly { id: string }[]).map((s) => nfc(s.id));
  const origin = (i: number) => ({ file, line: 0, path: ['selected', i] as (string | number)[] });
  if (registerFile === undefined) return { targets: ids.map((id) => ({ id })), names: new Map(), idsOnly: true, origin };

  // Join with the register the draw read: check that it is that register (its digest), and take the drawn rows.
  const reading = defaultReading(registerFile);
  const entityBatch = (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
  const wanted = new Set(ids);
  const found = new Map<string, Entity>();
  const stream = new RegisterDigestStream();
  const collect = async (confirm: boolean): Promise<void> => {
    for await (const row of locatedRows<Entity>(registerFile, entityBatch, problems, confirm ? () => {} : onProgress, reading)) {
      if (problems.length > 0) continue; // keep reading to list every problem
      try {
        if (confirm) stream.confirm(row.value, row.record - 1);
        else stream.add(row.value, row.record - 1);
      } catch (error) {
        if (!isShuangsuijiError(error)) throw error;
        problems.push({ file: registerFile, line: row.line, record: row.record, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn });
        if (confirm) break;
        continue;
      }
      const id = nfc(row.value.id);
      if (!confirm && wanted.has(id)) found.set(id, row.value);
    }
  };
  await collect(false);
  if (problems.length > 0) return undefined;
  if (stream.close()) {
    await collect(true);
    if (problems.length > 0) return undefined;
  }
  const { digest } = stream.result();
  if (digest !== record.register.digest) {
    problems.push({
      file: registerFile, line: 0, record: 0, code: 'REGISTER_DIGEST_MISMATCH',
      messageZh: `名录库不是抽取时所用的那一份：摘要 ${digest}，抽取记录中为 ${String(record.register.digest)}`,
      messageEn: `the register is not the one the draw read: its digest is ${digest}, the draw record's ${String(record.register.digest)}`,
    });
    return undefined;
  }
  const names = new Map<string, string>();
  const targets: MatchTarget[] = [];
  for (const [i, id] of ids.entries()) {
    const e = found.get(id);
    if (e === undefined) {
      problems.push({ file, line: 0, record: 0, path: ['selected', i, 'id'], code: 'TARGET_NOT_IN_REGISTER', messageZh: `被抽中对象 ${id} 不在名录库中`, messageEn: `drawn entity ${id} is not in the register` });
      continue;
    }
    names.set(id, e.name);
    const target: { -readonly [K in keyof MatchTarget]: MatchTarget[K] } = { id };
    if (e.supervisingUnit !== undefined) target.supervisingUnit = e.supervisingUnit;
    if (e.legalRepresentative !== undefined) target.legalRepresentative = e.legalRepresentative;
    targets.push(target);
  }
  if (problems.length > 0) return undefined;
  return { targets, names, idsOnly: false, origin };
}

function registerWithoutRecord(registerFile: string): Parameters<ProblemList['push']>[0] {
  return {
    file: registerFile, line: 0, record: 0, code: 'REGISTER_WITHOUT_RECORD',
    messageZh: '--register 仅在以抽取记录给出检查对象时使用（用以补全属地监管单位和法定代表人）；检查对象表已含这些字段',
    messageEn: '--register is only for targets given as a draw record (it supplies supervising units and legal representatives); a targets table carries them itself',
  };
}

/**
 * Reads the inspector register with the command's reading (`--encoding`, `--headers` …), every row checked, the
 * whole register held (so bounded like a JSON file). Returns the inspectors and the line of each.
 *
 * @example
 * ```ts
 * // const { inspectors } = await readInspectors('执法检查人员名录库.csv', reading, problems, () => {});
 * ```
 */
export async function readInspectors(file: string, reading: RegisterReading, problems: ProblemList, onProgress: (rows: number) => void): Promise<{ inspectors: Inspector[]; lines: number[] }> {
  const inspectors: Inspector[] = [];
  const lines: number[] = [];
  let bytes = 0;
  const inspectorBatch = (rows: readonly unknown[]) => parseInspectorRegister(rows, reading.parserOptions);
  for await (const row of locatedRows<Inspector>(file, inspectorBatch, problems, onProgress, reading)) {
    bytes += row.bytes;
    if (bytes > MAX_JSON_FILE_BYTES) {
      problems.push({
        file, line: row.line, record: row.record, code: 'FILE_TOO_LARGE',
        messageZh: `执法检查人员名录库超过 ${MAX_JSON_FILE_BYTES} 字节（匹配时须整体读入）`,
        messageEn: `the inspector register is larger than ${MAX_JSON_FILE_BYTES} bytes (a match reads it whole)`,
      });
      break;
    }
    inspectors.push(row.value);
    lines.push(row.line);
  }
  return { inspectors, lines };
}
