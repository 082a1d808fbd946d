import { daysFromCivil, plainDateOf } from '../internals/plain-date.js';
import type { Certificate, Inspector } from '../models/inspector.js';
import { MAX_NAME_LENGTH, dateReader, listReader, nameProblem, readOptions, readSeed, regionCodeProblem, type OptionReaders } from './internals/options.js';
import { Prng, checkCount, pad } from './internals/prng.js';
import type { Seed } from './internals/prng.js';

/**
 * Options of {@link generateInspectorRegister}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const options: GenerateInspectorRegisterOptions = { seed: 3, departments: ['市场监管局'] };
 * ```
 */
export interface GenerateInspectorRegisterOptions {
  /**
   * Seed of the generator (a safe integer or text).
   * @defaultValue `1`
   */
  readonly seed?: Seed;
  /**
   * 所属部门 to spread inspectors over (round robin): 1 to 10 distinct names, each non-empty, well-formed text of at
   * most 100 characters without white space at either end (so the exported rows read back as written).
   * @defaultValue `['市场监管局', '卫生健康委', '生态环境局']`
   */
  readonly departments?: readonly string[];
  /**
   * The day certificates are judged against: about 10% of certificates end before it. A real `YYYY-MM-DD` date
   * from `0010-01-01` to `9990-12-31` (so every certificate date stays a four-digit-year date).
   * @defaultValue `'2025-01-01'`
   */
  readonly referenceDate?: string;
  /**
   * Six-digit 行政区划代码 of the inspectors' areas (1 to 1000 distinct codes).
   * @defaultValue `['350102', '350103', '350104', '350105', '350111', '350121']`
   */
  readonly regionCodes?: readonly string[];
}

const DEFAULT_DEPARTMENTS = ['市场监管局', '卫生健康委', '生态环境局'] as const;
const DEFAULT_REGIONS = ['350102', '350103', '350104', '350105', '350111', '350121'] as const;
const EXPERTISE: Readonly<Record<string, readonly string[]>> = {
  市场监管局: ['食品安全', '特种设备', '广告监管', '价格监管', '企业公示信息', '药品监管'],
  卫生健康委: ['公共场所卫生', '医疗机构', '职业卫生', '传染病防治'],
  生态环境局: ['大气污染', '水污染', '固体废物', '辐射安全'],
};
const GENERIC_EXPERTISE = ['综合执法', '法制审核', '信息公示'] as const;
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'] as const;
const POSITIONS = ['科员', '副主任科员', '主任科员', '科长', '副科长', '执法队员'] as const;
/** Day number of the default reference date, 2025-01-01. */
const DEFAULT_REFERENCE_DAY = daysFromCivil(2025, 1, 1);

/**
 * The options as read: `referenceDate` becomes its day number. Its range keeps every generated certificate date
 * (up to seven years before it, five after) a real four-digit-year date.
 */
const READERS: OptionReaders<Omit<GenerateInspectorRegisterOptions, 'referenceDate'> & { readonly referenceDate?: number }> = {
  seed: readSeed,
  departments: listReader(STEMS.length, nameProblem, `不同的部门名称（非空、首尾无空白、至多 ${MAX_NAME_LENGTH} 个字符）`, `distinct department names (non-empty, no white space at either end, at most ${MAX_NAME_LENGTH} characters)`),
  referenceDate: dateReader('0010-01-01', '9990-12-31'),
  regionCodes: listReader(1000, regionCodeProblem, '不同的 6 位数字行政区划代码', 'distinct six-digit region codes'),
};

/**
 * 生成执法检查人员名录（合成数据）— a deterministic synthetic inspector register: departments in round
 * robin, two or three units per department, 业务专长 from the department's field, 执法证 valid for five
 * years with about 10% already ended on `referenceDate`, about 5% experts (专家, no certificate) and about
 * 3% suspended (暂停执法). Names are obviously synthetic: `检查员甲-017` (the stem names the department).
 * Options are read strictly: options that are not a plain object (`null`, an array …), an unknown key or a bad
 * value (`null` included) throw `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`).
 *
 * @param count - how many synthetic inspectors (执法检查人员) to make, a whole number ≥ 0
 * @param options - seed, departments, the date certificates are judged on and region codes
 * ({@link GenerateInspectorRegisterOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const inspectors = generateInspectorRegister(30, { seed: 1 });
 * new Set(inspectors.map((i) => i.department)).size; // 3
 * ```
 */
export function generateInspectorRegister(count: number, options: GenerateInspectorRegisterOptions = {}): readonly Inspector[] {
  checkCount(count, '执法检查人员', 'inspector');
  const read = readOptions(options, READERS);
  const departments = read.departments ?? DEFAULT_DEPARTMENTS;
  const regions = read.regionCodes ?? DEFAULT_REGIONS;
  const reference = read.referenceDate ?? DEFAULT_REFERENCE_DAY;
  const prng = new Prng(read.seed ?? 1, 'inspectors');
  const out: Inspector[] = [];
  for (let index = 0; index < count; index++) {
    const d = index % departments.length;
    const department = departments[d]!;
    const serial = pad(index + 1, 3);
    // Own keys only: a department named 'constructor' or '__proto__' has the generic field, not Object's.
    const field = Object.hasOwn(EXPERTISE, department) ? EXPERTISE[department]! : GENERIC_EXPERTISE;
    const expertise: string[] = [field[prng.int(field.length)]!];
    if (prng.chance(400)) {
      const second = field[prng.int(field.length)]!;
      if (!expertise.includes(second)) expertise.push(second);
    }
    const isExpert = prng.chance(50);
    const inspector: { -readonly [K in keyof Inspector]: Inspector[K] } = { id: `ZF-${d + 1}-${serial}` } as Inspector;
    inspector.name = isExpert ? `专家${STEMS[d]}-${serial}` : `检查员${STEMS[d]}-${serial}`;
    inspector.department = department;
    inspector.unit = `${department}示例第${1 + prng.int(3)}执法队`;
    inspector.position = isExpert ? '特邀专家' : POSITIONS[prng.int(POSITIONS.length)]!;
    inspector.expertise = Object.freeze(expertise);
    if (!isExpert) {
      // Five-year certificates; ~10% ended before the reference date.
      const expired = prng.chance(100);
      const from = expired ? reference - 365 * 5 - 30 - prng.int(700) : reference - prng.int(365 * 4);
      const certificate: Certificate = Object.freeze({
        number: `ZF${d + 1}${pad(index + 1, 6)}`,
        issuer: '示例市人民政府',
        validFrom: plainDateOf(from),
        validTo: plainDateOf(from + 365 * 5 - 1),
      });
      inspector.certificate = certificate;
      inspector.id = certificate.number;
    } else inspector.id = `EXPERT-${d + 1}-${serial}`;
    inspector.status = prng.chance(30) ? 'suspended' : 'active';
    inspector.isExpert = isExpert;
    inspector.regionCode = regions[prng.int(regions.length)]!;
    out.push(Object.freeze(inspector));
  }
  return Object.freeze(out);
}
