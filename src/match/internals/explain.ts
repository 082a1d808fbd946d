/** Builds the {@link UnstaffableReason} of a target that cannot be staffed (docs/spec.md §M8). */
import type { UnstaffableCounts, UnstaffableReason } from '../unstaffable-reason.js';
import { Status } from './eligibility.js';
import { compareCodePoints } from './encoding.js';
import { recusalBits, type Prepared } from './prepare.js';
import { DAY_BIT, GROUND_BITS } from './recusals.js';

const DECLARED = GROUND_BITS['close-relative'] | GROUND_BITS.interest | GROUND_BITS['former-employment'] | GROUND_BITS.other;

export function explain(
  p: Prepared,
  t: number,
  considered: readonly number[],
  load: Int32Array,
  afterRecusal: boolean,
): UnstaffableReason {
  let wrongDepartment = 0, experts = 0, suspended = 0, noCertificate = 0, certificateExpired = 0, certificateNotYetValid = 0;
  let declared = 0, relative = 0, request = 0, sameUnit = 0, rotation = 0, dayOfInspection = 0;
  let eligible = 0, atWorkloadLimit = 0;
  const expired = new Set<string>();
  const eligibleList: number[] = [];
  for (const i of considered) {
    const s = p.status[i]!;
    if (s === Status.WrongDepartment) wrongDepartment++;
    else if (s === Status.Expert) experts++;
    else if (s === Status.Suspended) suspended++;
    else if (s === Status.NoCertificate) noCertificate++;
    else if (s === Status.Expired) {
      certificateExpired++;
      expired.add(p.inspectors[i]!.certificate!.validTo!);
    } else if (s === Status.NotYetValid) certificateNotYetValid++;
    else {
      const bits = recusalBits(p, t, i);
      if (bits === 0) {
        eligible++;
        eligibleList.push(i);
        if (load[i]! >= p.capacity) atWorkloadLimit++;
      } else if (bits & DECLARED) declared++;
      else if (bits & GROUND_BITS.relative) relative++;
      else if (bits & GROUND_BITS.request) request++;
      else if (bits & 256) sameUnit++;
      else if (bits & GROUND_BITS.rotation) rotation++;
      else if (bits & DAY_BIT) dayOfInspection++;
    }
  }
  const recused = declared + relative + request + sameUnit + rotation + dayOfInspection;
  const k = p.teamSize;
  const counts: UnstaffableCounts = {
    considered: considered.length,
    wrongDepartment, experts, suspended, noCertificate, certificateExpired, certificateNotYetValid,
    recused,
    recusedBy: { declared, relative, request, sameUnit, rotation, dayOfInspection },
    eligible, atWorkloadLimit, needed: k,
  };
  const expertise = p.expertise[t]!;
  const missingExpertise = expertise.filter((s) => !eligibleList.some((i) => p.inspectors[i]!.expertise.includes(s)));
  const departmentShortfalls = p.rules.departmentMinimums
    .map(([department, required]) => ({
      department,
      required,
      available: eligibleList.filter((i) => p.inspectors[i]!.department === department).length,
    }))
    .filter((d) => d.available < d.required);
  const spare = eligibleList.filter((i) => load[i]! < p.capacity);
  const spareShort =
    spare.length < k ||
    p.rules.departmentMinimums.some(([d, m]) => spare.filter((i) => p.inspectors[i]!.department === d).length < m) ||
    expertise.some((s) => !spare.some((i) => p.inspectors[i]!.expertise.includes(s)));
  const code: UnstaffableReason['code'] = afterRecusal
    ? 'RECUSED_AFTER_MATCH'
    : eligible < k
      ? 'TOO_FEW_ELIGIBLE'
      : departmentShortfalls.length > 0
        ? 'DEPARTMENT_SHORTFALL'
        : missingExpertise.length > 0
          ? 'EXPERTISE_UNAVAILABLE'
          : spareShort
            ? 'WORKLOAD_EXHAUSTED'
            : 'NO_VALID_TEAM';
  const expiredOn = [...expired].sort(compareCodePoints);
  const id = p.targets[t]!.id;

  const zh: string[] = [];
  const en: string[] = [];
  const both = (n: number, z: string, e: string): void => {
    if (n > 0) { zh.push(z); en.push(e); }
  };
  both(wrongDepartment, `${wrongDepartment} 名不属于本次抽查部门`, `${wrongDepartment} of another department`);
  both(experts, `${experts} 名为专家（不计入执法人员）`, `${experts} expert(s), who do not count as enforcement inspectors`);
  both(suspended, `${suspended} 名暂停执法`, `${suspended} suspended`);
  both(noCertificate, `${noCertificate} 名无执法证`, `${noCertificate} without a certificate`);
  both(certificateExpired, `${certificateExpired} 名执法证已于 ${expiredOn.join('、')} 过期`, `${certificateExpired} certificate(s) expired on ${expiredOn.join(', ')}`);
  both(certificateNotYetValid, `${certificateNotYetValid} 名执法证尚未生效`, `${certificateNotYetValid} certificate(s) not yet valid`);
  if (recused > 0) {
    const parts: [number, string, string][] = [
      [declared, '申报利害关系', 'declared conflict'],
      [relative, '近亲属', 'relative'],
      [request, '当事人申请', "entity's request"],
      [sameUnit, '所所交叉', 'own supervising unit'],
      [rotation, '轮换', 'rotation'],
      [dayOfInspection, '现场申请回避', 'recusal on the day'],
    ];
    const used = parts.filter(([n]) => n > 0);
    zh.push(`${recused} 名需回避（${used.map(([n, z]) => `${z} ${n}`).join('，')}）`);
    en.push(`${recused} recused (${used.map(([n, , e]) => `${e} ${n}`).join(', ')})`);
  }
  both(atWorkloadLimit, `${atWorkloadLimit} 名已达工作量上限`, `${atWorkloadLimit} at the workload limit`);
  let tailZh: string, tailEn: string;
  switch (code) {
    case 'TOO_FEW_ELIGIBLE':
      tailZh = `符合条件的仅 ${eligible} 名，每组需要 ${k} 名`;
      tailEn = `only ${eligible} eligible, a team needs ${k}`;
      break;
    case 'DEPARTMENT_SHORTFALL':
      tailZh = departmentShortfalls.map((d) => `${d.department}需 ${d.required} 名、仅有 ${d.available} 名`).join('；');
      tailEn = departmentShortfalls.map((d) => `${d.department} needs ${d.required}, has ${d.available}`).join('; ');
      break;
    case 'EXPERTISE_UNAVAILABLE':
      tailZh = `无符合条件的人员具备业务专长：${missingExpertise.join('、')}`;
      tailEn = `no eligible inspector has the expertise: ${missingExpertise.join(', ')}`;
      break;
    case 'WORKLOAD_EXHAUSTED':
      tailZh = `尚有工作量余额的 ${spare.length} 名人员无法组成符合要求的检查组`;
      tailEn = `the ${spare.length} inspector(s) with workload to spare cannot form a valid team`;
      break;
    case 'NO_VALID_TEAM':
      tailZh = `剩余人员无法同时满足人数、部门和业务专长要求`;
      tailEn = `the remaining inspectors cannot meet team size, department and expertise rules together`;
      break;
    default:
      tailZh = `回避后无法重新组成符合要求的检查组`;
      tailEn = `no valid team could be re-drawn after the recusal`;
  }
  const prefixZh = `检查对象 ${id} 无法选派检查组：在 ${considered.length} 名人员中，`;
  const prefixEn = `target ${id} cannot be staffed: of ${considered.length} inspectors, `;
  return {
    code,
    counts,
    expiredOn,
    missingExpertise,
    departmentShortfalls,
    messageZh: `${prefixZh}${zh.length > 0 ? zh.join('，') + '；' : ''}${tailZh}。`,
    messageEn: `${prefixEn}${en.length > 0 ? en.join(', ') + '; ' : ''}${tailEn}.`,
  };
}
