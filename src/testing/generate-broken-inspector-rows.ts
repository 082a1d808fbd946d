import type { BrokenRows } from './generate-broken-entity-rows.js';
import { generateInspectorRegister } from './generate-inspector-register.js';
import { countReader, defectsReader, readOptions, readSeed, refuseOption, type OptionReaders } from './internals/options.js';
import type { Seed } from './internals/prng.js';
import { toInspectorExportRows } from './to-inspector-export-rows.js';

/**
 * A defect that {@link generateBrokenInspectorRows} can put into an inspector row, with its issue code.
 * `certificate-number-with-outer-white-space` and `nfc-duplicate-id` break the one id rule (ids, and the
 * certificate numbers they default to, are never trimmed and are compared in Unicode NFC: `nfc-duplicate-id` gives
 * the first row with a certificate the 编号 `NFC-é-…` and the defective row the same spelt `e` + U+0301);
 * `lone-surrogate-in-text` puts a cut emoji into 所属部门.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * INSPECTOR_ROW_DEFECTS['malformed-date']; // 'INVALID_DATE'
 * ```
 */
export const INSPECTOR_ROW_DEFECTS = Object.freeze({
  'certificate-ends-before-start': 'CERTIFICATE_ENDS_BEFORE_START',
  'malformed-date': 'INVALID_DATE',
  'duplicate-certificate-number': 'DUPLICATE_CERTIFICATE_NUMBER',
  'missing-department': 'MISSING_FIELD',
  'unknown-status': 'UNKNOWN_STATUS',
  'bad-expert-flag': 'INVALID_BOOLEAN',
  'certificate-number-with-outer-white-space': 'INVALID_ID',
  'nfc-duplicate-id': 'DUPLICATE_ID',
  'lone-surrogate-in-text': 'INVALID_TEXT',
} as const);
/**
 * A defect name of {@link INSPECTOR_ROW_DEFECTS}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const defect: InspectorRowDefect = 'malformed-date';
 * ```
 */
export type InspectorRowDefect = keyof typeof INSPECTOR_ROW_DEFECTS;

/**
 * Options of {@link generateBrokenInspectorRows}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const options: GenerateBrokenInspectorRowsOptions = { defects: ['malformed-date'] };
 * ```
 */
export interface GenerateBrokenInspectorRowsOptions {
  /**
   * Seed of the underlying clean register.
   * @defaultValue `1`
   */
  readonly seed?: Seed;
  /**
   * Number of rows, 0 to 10,000,000; with defects, it must give one more row with a certificate than there are defects.
   * @defaultValue `12`
   */
  readonly count?: number;
  /**
   * The defects to inject, each into its own row that has a certificate; each at most once.
   * @defaultValue every defect of {@link INSPECTOR_ROW_DEFECTS}
   */
  readonly defects?: readonly InspectorRowDefect[];
}

const READERS: OptionReaders<GenerateBrokenInspectorRowsOptions> = {
  seed: readSeed,
  count: countReader('执法检查人员', 'inspector'),
  defects: defectsReader(INSPECTOR_ROW_DEFECTS),
};

/**
 * 生成含错误的执法检查人员名录（合成数据）— spreadsheet-style inspector rows (as {@link toInspectorExportRows})
 * with chosen defects, one per row, for demos and tests of `parseInspectorRegister`.
 * Options are read strictly: options that are not a plain object (`null`, an array …), an unknown key or a bad
 * value (`null` included) throw `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`).
 *
 * @param options - seed, number of rows and which defects to plant ({@link GenerateBrokenInspectorRowsOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const { defects } = generateBrokenInspectorRows({ defects: ['certificate-ends-before-start'] });
 * defects[0]?.expectedCode; // 'CERTIFICATE_ENDS_BEFORE_START'
 * ```
 */
export function generateBrokenInspectorRows(options: GenerateBrokenInspectorRowsOptions = {}): BrokenRows<InspectorRowDefect> {
  const read = readOptions(options, READERS);
  const chosen = read.defects ?? (Object.keys(INSPECTOR_ROW_DEFECTS) as InspectorRowDefect[]);
  const rows = toInspectorExportRows(generateInspectorRegister(read.count ?? 12, { seed: read.seed ?? 1 }));
  const candidates: number[] = [];
  rows.forEach((row, i) => {
    if (row['执法证号'] !== '') candidates.push(i);
  });
  // The defects' rows and the row that duplicates copy (none without defects).
  const needed = chosen.length === 0 ? 0 : chosen.length + 1;
  if (candidates.length < needed) {
    refuseOption(['options', 'count'], `options.count 太小：${chosen.length} 个缺陷需要至少 ${needed} 个持证人员行，只有 ${candidates.length} 个`, `options.count is too small: ${chosen.length} defects need at least ${needed} rows with a certificate, there are ${candidates.length}`);
  }
  const source = rows[candidates[0]!]!;
  const defects = chosen.map((defect, k) => {
    const rowIndex = candidates[k + 1]!;
    const row = rows[rowIndex]!;
    switch (defect) {
      case 'certificate-ends-before-start': {
        const from = row['有效期起']!;
        row['有效期起'] = row['有效期止']!;
        row['有效期止'] = from;
        break;
      }
      case 'malformed-date': row['有效期止'] = '2025-02-30'; break;
      case 'duplicate-certificate-number': row['执法证号'] = source['执法证号']!; break;
      case 'missing-department': row['所属部门'] = ''; break;
      case 'unknown-status': row['人员状态'] = '休假（示例）'; break;
      case 'bad-expert-flag': row['是否专家'] = '也许'; break;
      case 'certificate-number-with-outer-white-space': row['执法证号'] = `${row['执法证号']!} `; break;
      case 'nfc-duplicate-id':
        source['编号'] = `NFC-\u00e9-${candidates[0]!}`;
        row['编号'] = `NFC-e\u0301-${candidates[0]!}`;
        break;
      case 'lone-surrogate-in-text': row['所属部门'] = `${row['所属部门']!}\ud83d`; break;
      default:
        // Unreachable: readOptions admits only the defects of the table.
        return refuseOption(['options', 'defects', k], `未知缺陷 ${JSON.stringify(defect)}`, `unknown defect ${JSON.stringify(defect)}`);
    }
    return Object.freeze({ rowIndex, defect, expectedCode: INSPECTOR_ROW_DEFECTS[defect] });
  });
  return { rows, defects: Object.freeze(defects) };
}
