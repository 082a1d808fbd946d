import type { Entity } from '../models/entity.js';
import type { EntityKind, EntityStatus, ListMembership, RiskClass } from '../models/vocabulary.js';
import { listReader, readOptions, readSeed, refuseOption, regionCodeProblem, type OptionReaders } from './internals/options.js';
import { Prng, checkCount, pad } from './internals/prng.js';
import type { Seed } from './internals/prng.js';
import { syntheticUscc } from './internals/uscc-gen.js';

/**
 * Options of {@link generateEntityRegister}.
 *
 * @group Testing
 *
 * @example
 * ```ts
 * const options: GenerateEntityRegisterOptions = { seed: 'demo', regionCodes: ['350102', '350103'] };
 * ```
 */
export interface GenerateEntityRegisterOptions {
  /**
   * Seed of the generator (a safe integer or text): the same seed and count give the same register.
   * @defaultValue `1`
   */
  readonly seed?: Seed;
  /**
   * Six-digit 行政区划代码 to spread entities over (districts under one city): 1 to 1000 distinct codes.
   * @defaultValue `['350102', '350103', '350104', '350105', '350111', '350121']`
   */
  readonly regionCodes?: readonly string[];
  /**
   * Index of the first generated entity (names and code bodies count from it), so that several calls
   * can build disjoint registers. A whole number with `startIndex + count` at most 887503681.
   * @defaultValue `0`
   */
  readonly startIndex?: number;
}

const DEFAULT_REGIONS = ['350102', '350103', '350104', '350105', '350111', '350121'] as const;
const KINDS: readonly EntityKind[] = ['enterprise', 'individual-business', 'farmer-cooperative', 'other'];
const KIND_WEIGHTS = [55, 38, 4, 3];
const RISKS: readonly RiskClass[] = ['A', 'B', 'C', 'D'];
const RISK_WEIGHTS = [60, 30, 8, 2];
const INDUSTRIES = ['批发和零售业', '住宿和餐饮业', '制造业', '建筑业', '交通运输业', '信息技术服务业', '农业'] as const;
const NAME_WORDS = ['商贸', '餐饮', '制造', '建设', '物流', '科技', '农业'] as const;
const SCALES = ['大型', '中型', '小型', '微型'] as const;
const SCALE_WEIGHTS = [2, 8, 30, 60];
const TAGS = ['食品经营', '特种设备', '广告发布', '网络交易', '药品零售', '危险化学品'] as const;
const STATUSES: readonly EntityStatus[] = ['active', 'deregistered', 'revoked', 'cancelled', 'moved-out'];
const STATUS_WEIGHTS = [960, 20, 10, 5, 5];
const CATEGORY: Readonly<Record<EntityKind, string>> = { enterprise: '1', 'individual-business': '2', 'farmer-cooperative': '3', other: '9' };
const DISTRICT_NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'] as const;

/** The most region codes an entity register spreads over. */
const MAX_REGIONS = 1000;
/** startIndex + count may not exceed this: the six base-31 characters of a code body number the entities. */
const MAX_INDEX = 887_503_681;

const READERS: OptionReaders<GenerateEntityRegisterOptions> = {
  seed: readSeed,
  regionCodes: listReader(MAX_REGIONS, regionCodeProblem, '不同的 6 位数字行政区划代码', 'distinct six-digit region codes'),
  startIndex: (value, path) => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_INDEX) return value;
    return refuseOption(path, `options.startIndex 应为 0 至 ${MAX_INDEX} 之间的整数`, `options.startIndex must be a whole number from 0 to ${MAX_INDEX}`);
  },
};

/**
 * 生成检查对象名录（合成数据）— a deterministic synthetic entity register of `count` entities: valid
 * 统一社会信用代码 (unique), kinds 企业 55% / 个体工商户 38% / 农民专业合作社 4% / 其他 3%, credit-risk
 * classes A 60% B 30% C 8% D 2% with about 15% unclassified, industries, scales (enterprises), districts
 * under one city, one 监管所 per district, some on the 经营异常名录 (3%) or 严重违法失信名单 (0.5%),
 * complaint counts, tags, and about 4% not 存续. Names are obviously synthetic (`示例商贸有限公司000042`,
 * `代表人-000042`). `other` targets have no credit code but an `otherIdentifier` (`product`).
 * No `Math.random`: the same seed gives the same register on every platform.
 * Options are read strictly: options that are not a plain object (`null`, an array …), an unknown key or a bad
 * value (`null` included) throw `INVALID_ARGUMENT` with the path of the option (`['options', key, …]`).
 *
 * @param count - how many synthetic entities (检查对象) to make, a whole number ≥ 0
 * @param options - seed, region codes and the index to number from (for disjoint registers)
 * ({@link GenerateEntityRegisterOptions})
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const register = generateEntityRegister(100, { seed: 7 });
 * register.length; // 100
 * register.every((e) => e.creditCode === undefined || isValidUscc(e.creditCode)); // true
 * ```
 */
export function generateEntityRegister(count: number, options: GenerateEntityRegisterOptions = {}): readonly Entity[] {
  checkCount(count, '检查对象', 'entity');
  const read = readOptions(options, READERS);
  const regions = read.regionCodes ?? DEFAULT_REGIONS;
  const start = read.startIndex ?? 0;
  if (start + count > MAX_INDEX) {
    refuseOption(['options', 'startIndex'], `startIndex + count 不得超过 ${MAX_INDEX}`, `startIndex + count must not exceed ${MAX_INDEX}`);
  }
  const prng = new Prng(read.seed ?? 1, 'entities');
  const out: Entity[] = new Array<Entity>(count);
  for (let k = 0; k < count; k++) {
    const index = start + k;
    const serial = pad(index, 6);
    const kind = KINDS[prng.weighted(KIND_WEIGHTS)]!;
    const regionIndex = prng.int(regions.length);
    const regionCode = regions[regionIndex]!;
    const district = DISTRICT_NAMES[regionIndex % DISTRICT_NAMES.length]!;
    const industryIndex = prng.int(INDUSTRIES.length);
    const word = NAME_WORDS[industryIndex]!;
    const entity: { -readonly [K in keyof Entity]: Entity[K] } = { id: '' } as Entity;
    if (kind === 'other') {
      entity.id = `OTHER-${serial}`;
      entity.otherIdentifier = Object.freeze({ scheme: 'product', value: `P-${serial}` });
      entity.name = `示例产品批次${serial}`;
    } else {
      const code = syntheticUscc(prng, CATEGORY[kind], regionCode, index);
      entity.id = code;
      entity.creditCode = code;
      entity.name =
        kind === 'enterprise' ? `示例${word}有限公司${serial}` : kind === 'individual-business' ? `示例${word}个体店${serial}` : `示例${word}农民专业合作社${serial}`;
    }
    entity.kind = kind;
    entity.industry = INDUSTRIES[industryIndex]!;
    if (kind === 'enterprise') entity.scale = SCALES[prng.weighted(SCALE_WEIGHTS)]!;
    entity.regionCode = regionCode;
    entity.registrationAuthority = `示例市${district}区市场监督管理局`;
    entity.supervisingUnit = `示例${district}区第${1 + prng.int(3)}市场监管所`;
    entity.status = STATUSES[prng.weighted(STATUS_WEIGHTS)]!;
    if (kind !== 'other' && !prng.chance(150)) entity.riskClass = RISKS[prng.weighted(RISK_WEIGHTS)]!;
    const lists: ListMembership[] = [];
    if (prng.chance(30)) lists.push('abnormal-operations');
    if (prng.chance(5)) lists.push('serious-violations');
    entity.lists = Object.freeze(lists);
    entity.complaintCount = prng.chance(850) ? 0 : 1 + prng.int(prng.chance(900) ? 3 : 20);
    const tags: string[] = [];
    if (prng.chance(300)) tags.push(TAGS[prng.int(TAGS.length)]!);
    if (prng.chance(50)) {
      const tag = TAGS[prng.int(TAGS.length)]!;
      if (!tags.includes(tag)) tags.push(tag);
    }
    entity.tags = Object.freeze(tags);
    if (kind !== 'other') entity.legalRepresentative = `代表人-${serial}`;
    entity.address = `示例市${district}区示例路${1 + prng.int(999)}号`;
    if (kind !== 'other') entity.businessScope = `${entity.industry}（示例经营范围）`;
    out[k] = Object.freeze(entity);
  }
  return Object.freeze(out);
}
