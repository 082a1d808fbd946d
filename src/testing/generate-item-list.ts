import { ShuangsuijiError } from '../errors.js';
import type { InspectionItem } from '../models/inspection-item.js';
import type { InspectionMethod, ItemCategory } from '../models/vocabulary.js';
import { Prng, pad } from './internals/prng.js';
import type { Seed } from './internals/prng.js';

/**
 * Options of {@link generateItemList}.
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
   * 部门名称 of the list.
   * @defaultValue `['市场监管局', '卫生健康委', '生态环境局']`
   */
  readonly departments?: readonly string[];
  /**
   * Items per department.
   * @defaultValue `3`
   */
  readonly itemsPerDepartment?: number;
}

const DEFAULT_DEPARTMENTS = ['市场监管局', '卫生健康委', '生态环境局'] as const;
const SUBJECTS = ['企业公示信息', '食品经营', '特种设备使用', '广告发布', '公共场所卫生', '排污许可执行', '产品质量', '价格行为'] as const;
const METHODS: readonly InspectionMethod[] = ['on-site', 'document', 'online', 'sampling', 'third-party', 'other-department-findings'];
const RATIOS = [0.03, 0.05, 0.1] as const;

/**
 * 生成随机抽查事项清单（合成数据）— a deterministic synthetic item list: per department
 * `itemsPerDepartment` items named `示例事项01 企业公示信息检查` …, 一般 (ratio 3%, 5% or 10%, once a year)
 * or 重点 (per-class ratios A 1% B 3% C 10% D 30%, twice a year), one or two methods, a synthetic legal
 * basis (`《示例条例》第3条`) and, for every fourth item, a joint inspection with the next department.
 *
 * @example
 * ```ts
 * const items = generateItemList({ seed: 1 });
 * items.length; // 9
 * ```
 */
export function generateItemList(options: GenerateItemListOptions = {}): readonly InspectionItem[] {
  const departments = options.departments ?? DEFAULT_DEPARTMENTS;
  const perDepartment = options.itemsPerDepartment ?? 3;
  if (!Array.isArray(departments) || departments.length === 0 || departments.some((d) => typeof d !== 'string' || d.length === 0)) {
    throw new ShuangsuijiError('INVALID_OPTION', 'departments 应为非空部门名称列表', 'option departments must list non-empty department names', { path: ['departments'] });
  }
  if (!Number.isSafeInteger(perDepartment) || perDepartment < 1 || perDepartment > 999) {
    throw new ShuangsuijiError('INVALID_OPTION', 'itemsPerDepartment 应为 1–999 的整数', 'option itemsPerDepartment must be an integer from 1 to 999', { path: ['itemsPerDepartment'] });
  }
  const prng = new Prng(options.seed ?? 1, 'items');
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
