import type { InspectionItem } from '../models/inspection-item.js';
import type { InspectionMethod, ItemCategory } from '../models/vocabulary.js';
import { MAX_NAME_LENGTH, integerReader, listReader, nameProblem, readOptions, readSeed, type OptionReaders } from './internals/options.js';
import { Prng, pad } from './internals/prng.js';
import type { Seed } from './internals/prng.js';

/**
 * Options of {@link generateItemList}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const options: GenerateItemListOptions = { seed: 2, itemsPerDepartment: 4 };
 * ```
 */
export interface GenerateItemListOptions {
  /**
   * Seed of the generator (a safe integer or text).
   * @defaultValue `1`
   */
  readonly seed?: Seed;
  /**
   * 部门名称 of the list: 1 to 100 distinct names, each non-empty, well-formed text of at most 100 characters
   * without white space at either end.
   * @defaultValue `['市场监管局', '卫生健康委', '生态环境局']`
   */
  readonly departments?: readonly string[];
  /**
   * Items per department, 1 to 999.
   * @defaultValue `3`
   */
  readonly itemsPerDepartment?: number;
}

const DEFAULT_DEPARTMENTS = ['市场监管局', '卫生健康委', '生态环境局'] as const;
const SUBJECTS = ['企业公示信息', '食品经营', '特种设备使用', '广告发布', '公共场所卫生', '排污许可执行', '产品质量', '价格行为'] as const;
const METHODS: readonly InspectionMethod[] = ['on-site', 'document', 'online', 'sampling', 'third-party', 'other-department-findings'];
const RATIOS = [0.03, 0.05, 0.1] as const;
/** Most departments of one list: with at most 999 items each, a list holds under 100,000 items (bounded memory). */
const MAX_DEPARTMENTS = 100;

const READERS: OptionReaders<GenerateItemListOptions> = {
  seed: readSeed,
  departments: listReader(MAX_DEPARTMENTS, nameProblem, `不同的部门名称（非空、首尾无空白、至多 ${MAX_NAME_LENGTH} 个字符）`, `distinct department names (non-empty, no white space at either end, at most ${MAX_NAME_LENGTH} characters)`),
  itemsPerDepartment: integerReader(1, 999),
};

/**
 * 生成随机抽查事项清单（合成数据）— a deterministic synthetic item list: per department
 * `itemsPerDepartment` items named `示例事项01 企业公示信息检查` …, 一般 (ratio 3%, 5% or 10%, once a year)
 * or 重点 (per-class ratios A 1% B 3% C 10% D 30%, twice a year), one or two methods, a synthetic legal
 * basis (`《示例条例》第3条`) and, for every fourth item, a joint inspection with the next department.
 * Options are read strictly: options that are not a plain object (`null`, an array …), an unknown key or a bad
 * value (`null` included) throw `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`).
 *
 * @param options - seed, departments and items per department ({@link GenerateItemListOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const items = generateItemList({ seed: 1 });
 * items.length; // 9
 * ```
 */
export function generateItemList(options: GenerateItemListOptions = {}): readonly InspectionItem[] {
  const read = readOptions(options, READERS);
  const departments = read.departments ?? DEFAULT_DEPARTMENTS;
  const perDepartment = read.itemsPerDepartment ?? 3;
  const prng = new Prng(read.seed ?? 1, 'items');
  const out: InspectionItem[] = [];
  let sequence = 0;
  departments.forEach((department, d) => {
    for (let k = 0; k < perDepartment; k++) {
      sequence++;
      const category: ItemCategory = prng.chance(250) ? 'key' : 'general';
      const subject = SUBJECTS[prng.int(SUBJECTS.length)]!;
      const first = METHODS[prng.int(2)]!;
      const methods: InspectionMethod[] = [first];
      if (prng.chance(400)) {
        const second = METHODS[2 + prng.int(METHODS.length - 2)]!;
        methods.push(second);
      }
      const item: { -readonly [K in keyof InspectionItem]: InspectionItem[K] } = { id: `ITEM-${pad(sequence, 3)}` } as InspectionItem;
      item.sequence = sequence;
      item.department = department;
      item.name = `示例事项${pad(sequence, 2)} ${subject}检查`;
      item.legalBasis = Object.freeze([`《示例条例》第${1 + prng.int(60)}条`, `《示例办法》第${1 + prng.int(30)}条`]);
      item.inspectingBody = department;
      item.category = category;
      item.targetDescription = '辖区内示例检查对象';
      if (category === 'general') {
        item.ratio = RATIOS[prng.int(RATIOS.length)]!;
        item.frequencyPerYear = 1;
      } else {
        item.ratioByRiskClass = Object.freeze({ A: 0.01, B: 0.03, C: 0.1, D: 0.3 });
        item.frequencyPerYear = 2;
      }
      item.methods = Object.freeze(methods);
      item.requiredExpertise = Object.freeze([subject]);
      if (sequence % 4 === 0 && departments.length > 1) {
        item.joint = Object.freeze({ initiatingDepartment: department, cooperatingDepartments: Object.freeze([departments[(d + 1) % departments.length]!]) });
        item.remark = '跨部门联合抽查（示例）';
      }
      out.push(Object.freeze(item));
    }
  });
  return Object.freeze(out);
}
