import { generateEntityRegister } from './generate-entity-register.js';
import { countReader, defectsReader, readOptions, readSeed, refuseOption, type OptionReaders } from './internals/options.js';
import type { Seed } from './internals/prng.js';
import { toEntityExportRows } from './to-entity-export-rows.js';

/**
 * A defect that {@link generateBrokenEntityRows} can put into an entity row, with the issue code it causes.
 * Besides bad cells of each column, the classes a draw refuses: an id with white space at either end (ids are
 * never trimmed) or a line break inside, an id equal to another row's only after Unicode NFC normalisation
 * (`é` written as `e` + U+0301), text holding a lone surrogate (a cut emoji), and a field over 65534 UTF-8 bytes.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * ENTITY_ROW_DEFECTS['bad-check-character']; // 'USCC_CHECK_CHARACTER'
 * ```
 */
export const ENTITY_ROW_DEFECTS = Object.freeze({
  'bad-check-character': 'USCC_CHECK_CHARACTER',
  'lower-case-credit-code': 'USCC_INVALID_CHARACTER',
  'short-credit-code': 'USCC_LENGTH',
  'duplicate-credit-code': 'DUPLICATE_CREDIT_CODE',
  'unknown-risk-class': 'UNKNOWN_RISK_CLASS',
  'unknown-kind': 'UNKNOWN_KIND',
  'unknown-status': 'UNKNOWN_STATUS',
  'missing-name': 'MISSING_FIELD',
  'no-identifier': 'MISSING_IDENTIFIER',
  'bad-region-code': 'INVALID_REGION_CODE',
  'bad-complaint-count': 'INVALID_COUNT',
  'unknown-column': 'UNKNOWN_FIELD',
  'id-with-outer-white-space': 'INVALID_ID',
  'control-character-in-id': 'INVALID_ID',
  'nfc-duplicate-id': 'DUPLICATE_ID',
  'lone-surrogate-in-text': 'INVALID_TEXT',
  'over-long-field': 'FIELD_TOO_LONG',
} as const);
/**
 * A defect name of {@link ENTITY_ROW_DEFECTS}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const defect: EntityRowDefect = 'bad-check-character';
 * ```
 */
export type EntityRowDefect = keyof typeof ENTITY_ROW_DEFECTS;

/**
 * Options of {@link generateBrokenEntityRows}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const options: GenerateBrokenEntityRowsOptions = { count: 12, defects: ['bad-check-character', 'unknown-kind'] };
 * ```
 */
export interface GenerateBrokenEntityRowsOptions {
  /**
   * Seed of the underlying clean register.
   * @defaultValue `1`
   */
  readonly seed?: Seed;
  /**
   * Number of rows, 0 to 10,000,000; with defects, it must give one more row with a credit code than there are defects.
   * @defaultValue `20`
   */
  readonly count?: number;
  /**
   * The defects to inject, each into its own row (in this order, on rows that have a credit code); each at most once.
   * @defaultValue every defect of {@link ENTITY_ROW_DEFECTS}
   */
  readonly defects?: readonly EntityRowDefect[];
}

/**
 * What {@link generateBrokenEntityRows} returns: the rows and where each defect went.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * function defects(rows: BrokenRows<EntityRowDefect>): EntityRowDefect[] {
 *   return rows.defects.map((d) => d.defect);
 * }
 * ```
 */
export interface BrokenRows<Defect extends string> {
  /** Spreadsheet-style rows (Chinese headers, text values). */
  readonly rows: Record<string, string>[];
  /** Each injected defect, its row and the issue code the parser must report on that row. */
  readonly defects: readonly { readonly rowIndex: number; readonly defect: Defect; readonly expectedCode: string }[];
}

const READERS: OptionReaders<GenerateBrokenEntityRowsOptions> = {
  seed: readSeed,
  count: countReader('检查对象', 'entity'),
  defects: defectsReader(ENTITY_ROW_DEFECTS),
};

/**
 * 生成含错误的检查对象名录（合成数据）— spreadsheet-style entity rows (as {@link toEntityExportRows}) with
 * chosen defects, one per row, for demos and tests of `parseEntityRegister`. A
 * `duplicate-credit-code` row copies the code of the first row with a credit code (so both rows are
 * reported); for `nfc-duplicate-id` that first row gets the id `NFC-é-…` (precomposed) and the defective row the
 * same id spelt `e` + U+0301, so both rows are reported as `DUPLICATE_ID`.
 * Options are read strictly: options that are not a plain object (`null`, an array …), an unknown key or a bad
 * value (`null` included) throw `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`).
 *
 * @param options - seed, number of rows and which defects to plant ({@link GenerateBrokenEntityRowsOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const { rows, defects } = generateBrokenEntityRows({ defects: ['unknown-risk-class'] });
 * defects[0]?.expectedCode; // 'UNKNOWN_RISK_CLASS'
 * ```
 */
export function generateBrokenEntityRows(options: GenerateBrokenEntityRowsOptions = {}): BrokenRows<EntityRowDefect> {
  const read = readOptions(options, READERS);
  const count = read.count ?? 20;
  const chosen = read.defects ?? (Object.keys(ENTITY_ROW_DEFECTS) as EntityRowDefect[]);
  const entities = generateEntityRegister(count, { seed: read.seed ?? 1 });
  const rows = toEntityExportRows(entities);
  const candidates: number[] = [];
  rows.forEach((row, i) => {
    if (row['统一社会信用代码'] !== '') candidates.push(i);
  });
  // The defects' rows and the row that duplicates copy (none without defects).
  const needed = chosen.length === 0 ? 0 : chosen.length + 1;
  if (candidates.length < needed) {
    refuseOption(['options', 'count'], `options.count 太小：${chosen.length} 个缺陷需要至少 ${needed} 个带信用代码的行，只有 ${candidates.length} 个`, `options.count is too small: ${chosen.length} defects need at least ${needed} rows with a credit code, there are ${candidates.length}`);
  }
  const source = rows[candidates[0]!]!;
  const defects = chosen.map((defect, k) => {
    const rowIndex = candidates[k + 1]!;
    const row = rows[rowIndex]!;
    const code = row['统一社会信用代码']!;
    switch (defect) {
      case 'bad-check-character': {
        const last = code.charAt(17);
        row['统一社会信用代码'] = code.slice(0, 17) + (last === '0' ? '1' : '0');
        break;
      }
      case 'lower-case-credit-code': row['统一社会信用代码'] = `${code.slice(0, 8)}m${code.slice(9)}`; break;
      case 'short-credit-code': row['统一社会信用代码'] = code.slice(0, 17); break;
      case 'duplicate-credit-code': row['统一社会信用代码'] = source['统一社会信用代码']!; break;
      case 'unknown-risk-class': row['信用风险分类'] = 'E类'; break;
      case 'unknown-kind': row['类型'] = '示例未知类型'; break;
      case 'unknown-status': row['登记状态'] = '歇业中（示例）'; break;
      case 'missing-name': row['企业名称'] = ''; break;
      case 'no-identifier': row['统一社会信用代码'] = ''; row['编号'] = `NOID-${rowIndex}`; break;
      case 'bad-region-code': row['行政区划代码'] = '35010'; break;
      case 'bad-complaint-count': row['投诉举报数'] = '三次'; break;
      case 'unknown-column': row['联系电话（示例）'] = '000-0000'; break;
      case 'id-with-outer-white-space': row['编号'] = ` ${code}`; break;
      case 'control-character-in-id': row['编号'] = `ID-${rowIndex}\n${code}`; break;
      case 'nfc-duplicate-id':
        source['编号'] = `NFC-\u00e9-${candidates[0]!}`;
        row['编号'] = `NFC-e\u0301-${candidates[0]!}`;
        break;
      case 'lone-surrogate-in-text': row['所属行业'] = `${row['所属行业'] ?? ''}示例\ud83d`; break;
      case 'over-long-field': row['登记机关'] = '示例'.repeat(10923); break;
      default:
        // Unreachable: readOptions admits only the defects of the table.
        return refuseOption(['options', 'defects', k], `未知缺陷 ${JSON.stringify(defect)}`, `unknown defect ${JSON.stringify(defect)}`);
    }
    return Object.freeze({ rowIndex, defect, expectedCode: ENTITY_ROW_DEFECTS[defect] });
  });
  return { rows, defects: Object.freeze(defects) };
}
