/** fast-check generators of small synthetic matching instances. */
import fc from 'fast-check';
import type { Inspector } from '../../src/models/inspector.js';
import type { MatchOptions, MatchTarget } from '../../src/match/index.js';

export interface Instance {
  targets: MatchTarget[];
  inspectors: Inspector[];
  options: MatchOptions;
}

const SPECIALTIES = ['食品', '特种设备'];

export function instance(maxTargets = 6, maxInspectors = 8): fc.Arbitrary<Instance> {
  const inspectorArb = fc.record({
    dept: fc.constantFrom('市监', '市监', '卫健'),
    unit: fc.constantFrom('甲所', '乙所', undefined),
    expertise: fc.subarray(SPECIALTIES, { maxLength: 2 }),
    state: fc.oneof({ weight: 10, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: fc.constantFrom('expired', 'suspended', 'expert', 'nocert', 'future') }),
  });
  const targetArb = fc.record({
    unit: fc.constantFrom('甲所', '乙所', undefined),
    rep: fc.constantFrom('张某', '李某', undefined),
    expertise: fc.subarray(SPECIALTIES, { maxLength: 2 }),
  });
  return fc
    .record({
      ins: fc.array(inspectorArb, { minLength: 3, maxLength: maxInspectors }),
      tgs: fc.array(targetArb, { minLength: 1, maxLength: maxTargets }),
      joint: fc.boolean(),
      teamSize: fc.constantFrom(2, 2, 2, 3),
      cap: fc.constantFrom(1, 2, 2, 3, null),
      crossUnit: fc.boolean(),
      useExpertise: fc.constantFrom(false, true, true),
      conflictBits: fc.array(fc.nat(47), { maxLength: 4 }),
      requestBits: fc.array(fc.nat(47), { maxLength: 2 }),
      relative: fc.boolean(),
      seed: fc.stringMatching(/^[0-9]{4,12}$/),
    })
    .map(({ ins, tgs, joint, teamSize, cap, crossUnit, useExpertise, conflictBits, requestBits, relative, seed }) => {
      const inspectors: Inspector[] = ins.map((x, i) => ({
        id: `I${i}`,
        name: `人员${i}`,
        department: x.dept,
        ...(x.unit === undefined ? {} : { unit: x.unit }),
        expertise: x.expertise,
        status: x.state === 'suspended' ? 'suspended' : 'active',
        isExpert: x.state === 'expert',
        ...(x.state === 'nocert'
          ? {}
          : {
              certificate: {
                number: `Z${i}`,
                ...(x.state === 'expired' ? { validTo: '2025-06-30' } : { validTo: '2027-01-01' }),
                ...(x.state === 'future' ? { validFrom: '2025-08-01' } : {}),
              },
            }),
      }));
      const targets: MatchTarget[] = tgs.map((x, j) => ({
        id: `T${j}`,
        ...(x.unit === undefined ? {} : { supervisingUnit: x.unit }),
        ...(x.rep === undefined ? {} : { legalRepresentative: x.rep }),
        ...(useExpertise && x.expertise.length > 0 ? { requiredExpertise: x.expertise } : {}),
      }));
      const pair = (b: number) => ({ inspectorId: `I${b % 8}`, entityId: `T${Math.floor(b / 8)}` });
      const options: MatchOptions = {
        seed,
        label: 'prop',
        date: '2025-07-01',
        department: '市监',
        ...(joint ? { cooperatingDepartments: ['卫健'] } : {}),
        teamSize,
        maxTargetsPerInspector: cap,
        crossUnit,
        conflicts: conflictBits.map((b) => ({ ...pair(b), ground: 'interest' as const })),
        recusalRequests: requestBits.map(pair),
        relatives: relative ? [{ inspectorId: 'I0', name: '张某' }] : [],
      };
      return { targets, inspectors, options };
    });
}

/**
 * A small instance (workload limit biased low, so that it binds for experts) plus 专家: up to 4 local experts (some suspended, of another department, without a
 * certificate or lacking the required expert specialty), up to 2 neighbouring inspectors (experts or not),
 * recusal facts naming experts, and `expertsPerTarget` 1–3.
 */
export function expertInstance(): fc.Arbitrary<Instance> {
  const expertArb = fc.record({
    dept: fc.constantFrom('市监', '市监', '市监', '卫健', '其他'),
    unit: fc.constantFrom('甲所', '乙所', undefined, undefined),
    expertise: fc.subarray(SPECIALTIES, { maxLength: 2 }),
    state: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'nocert', 'expired', 'suspended'),
  });
  return fc
    .record({
      base: instance(5, 8),
      cap: fc.constantFrom(1, 1, 2, 2, 3, null),
      experts: fc.array(expertArb, { minLength: 1, maxLength: 4 }),
      neighbours: fc.array(fc.record({ expert: fc.boolean(), dept: fc.constantFrom('市监', '卫健') }), { maxLength: 2 }),
      perTarget: fc.constantFrom(1, 1, 2, 3),
      needs: fc.subarray(SPECIALTIES, { maxLength: 1 }),
      conflictBits: fc.array(fc.nat(23), { maxLength: 3 }),
      requestBits: fc.array(fc.nat(23), { maxLength: 2 }),
      relative: fc.boolean(),
    })
    .map(({ base, cap, experts, neighbours, perTarget, needs, conflictBits, requestBits, relative }) => {
      const local: Inspector[] = experts.map((x, i) => ({
        id: `X${i}`,
        name: `专家${i}`,
        department: x.dept,
        ...(x.unit === undefined ? {} : { unit: x.unit }),
        expertise: x.expertise,
        status: x.state === 'suspended' ? 'suspended' : 'active',
        isExpert: true,
        ...(x.state === 'nocert' ? {} : { certificate: { number: `E${i}`, validTo: x.state === 'expired' ? '2025-01-01' : '2027-01-01' } }),
      }));
      const neighbourInspectors: Inspector[] = neighbours.map((x, i) => ({
        id: `N${i}`,
        name: `邻${i}`,
        department: x.dept,
        expertise: ['食品'],
        status: 'active',
        isExpert: x.expert,
        certificate: { number: `N${i}`, validTo: '2027-01-01' },
      }));
      const pair = (b: number) => ({ inspectorId: `X${b % 4}`, entityId: `T${Math.floor(b / 4)}` });
      const o = base.options;
      const options: MatchOptions = {
        ...o,
        maxTargetsPerInspector: cap,
        expertsPerTarget: perTarget,
        ...(needs.length > 0 ? { requiredExpertExpertise: needs } : {}),
        conflicts: [...(o.conflicts ?? []), ...conflictBits.map((b) => ({ ...pair(b), ground: 'other' as const }))],
        recusalRequests: [...(o.recusalRequests ?? []), ...requestBits.map(pair)],
        relatives: [...(o.relatives ?? []), ...(relative ? [{ inspectorId: 'X1', name: '李某' }] : [])],
        ...(neighbourInspectors.length > 0 ? { neighbourInspectors } : {}),
      };
      return { targets: base.targets, inspectors: [...base.inspectors, ...local], options };
    });
}

/**
 * Plenty of enforcement inspectors and 2–4 eligible 专家 with a binding workload limit and recusals, so that
 * the expert draw's look-ahead (an earlier target must not take the only expert a later one may have) matters.
 */
export function denseExpertInstance(): fc.Arbitrary<Instance> {
  return fc
    .record({
      targetCount: fc.integer({ min: 2, max: 5 }),
      expertCount: fc.integer({ min: 2, max: 4 }),
      cap: fc.constantFrom(1, 1, 2),
      perTarget: fc.constantFrom(1, 1, 2),
      conflictBits: fc.array(fc.nat(19), { maxLength: 6 }),
      seed: fc.stringMatching(/^[0-9]{4,12}$/),
    })
    .map(({ targetCount, expertCount, cap, perTarget, conflictBits, seed }) => {
      const inspectors: Inspector[] = [
        ...Array.from({ length: 10 }, (_, i): Inspector => ({
          id: `I${i}`, name: `人员${i}`, department: '市监', expertise: [], status: 'active', isExpert: false,
          certificate: { number: `Z${i}` },
        })),
        ...Array.from({ length: expertCount }, (_, i): Inspector => ({
          id: `X${i}`, name: `专家${i}`, department: '市监', expertise: [], status: 'active', isExpert: true,
        })),
      ];
      const targets: MatchTarget[] = Array.from({ length: targetCount }, (_, j) => ({ id: `T${j}` }));
      const options: MatchOptions = {
        seed, label: 'dense', date: '2025-07-01', department: '市监', maxTargetsPerInspector: cap, expertsPerTarget: perTarget,
        conflicts: conflictBits.map((b) => ({ inspectorId: `X${b % 4}`, entityId: `T${Math.floor(b / 4)}`, ground: 'interest' as const })),
      };
      return { targets, inspectors, options };
    });
}
