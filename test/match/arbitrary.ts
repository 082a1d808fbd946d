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
      seed: fc.stringMatching(/^[0-9]{20,24}$/),
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
      seed: fc.stringMatching(/^[0-9]{20,24}$/),
    })
    .map(({ targetCount, expertCount, cap, perTarget, conflictBits, seed }) => {
      const inspectors: Inspector[] = [
        ...Array.from({ length: 10 }, (_, i): Inspector => ({
          id: `I${i}`, name: `人员${i}`, department: '市监', expertise: [], status: 'active', isExpert: false,
          certificate: { number: `Z${i}`, validTo: 'open-ended' },
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

/**
 * A small instance with a neighbouring pool (docs/spec.md §M6 step 3): 1–4 local and 1–4 neighbouring inspectors
 * (ids L*, N*), 1–4 targets, conflicts naming both pools, a workload limit that often binds, sometimes a joint
 * inspection or required expertise — so that run 2, the restriction of targets to local inspectors and the
 * completeness over the combined pool are all exercised. Brute force stays cheap at this size.
 */
export function neighbourInstance(): fc.Arbitrary<Instance> {
  const person = fc.record({
    dept: fc.constantFrom('市监', '市监', '卫健'),
    unit: fc.constantFrom('甲所', '乙所', undefined),
    expertise: fc.subarray(SPECIALTIES, { maxLength: 1 }),
    ok: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });
  return fc
    .record({
      local: fc.array(person, { minLength: 1, maxLength: 4 }),
      neighbours: fc.array(person, { minLength: 1, maxLength: 4 }),
      tgs: fc.array(fc.record({ unit: fc.constantFrom('甲所', '乙所', undefined), expertise: fc.subarray(SPECIALTIES, { maxLength: 1 }) }), { minLength: 1, maxLength: 4 }),
      joint: fc.constantFrom(false, false, true),
      teamSize: fc.constantFrom(2, 2, 2, 3),
      cap: fc.constantFrom(1, 1, 2, null),
      crossUnit: fc.boolean(),
      useExpertise: fc.constantFrom(false, true),
      conflictBits: fc.array(fc.nat(31), { maxLength: 8 }),
      seed: fc.stringMatching(/^[0-9]{20,24}$/),
    })
    .map(({ local, neighbours, tgs, joint, teamSize, cap, crossUnit, useExpertise, conflictBits, seed }) => {
      const make = (prefix: string) => (x: typeof local[number], i: number): Inspector => ({
        id: `${prefix}${i}`,
        name: `人员${prefix}${i}`,
        department: x.dept,
        ...(x.unit === undefined ? {} : { unit: x.unit }),
        expertise: x.expertise,
        status: x.ok ? 'active' : 'suspended',
        isExpert: false,
        certificate: { number: `Z${prefix}${i}`, validTo: '2027-01-01' },
      });
      const targets: MatchTarget[] = tgs.map((x, j) => ({
        id: `T${j}`,
        ...(x.unit === undefined ? {} : { supervisingUnit: x.unit }),
        ...(useExpertise && x.expertise.length > 0 ? { requiredExpertise: x.expertise } : {}),
      }));
      // Bit b names target b % 4 and inspector ⌊b / 4⌋: L0–L3, then N0–N3.
      const pair = (b: number) => ({ entityId: `T${b % 4}`, inspectorId: Math.floor(b / 4) < 4 ? `L${Math.floor(b / 4)}` : `N${Math.floor(b / 4) - 4}` });
      const options: MatchOptions = {
        seed,
        label: 'neighbours',
        date: '2025-07-01',
        department: '市监',
        ...(joint ? { cooperatingDepartments: ['卫健'] } : {}),
        teamSize: joint ? Math.max(teamSize, 2) : teamSize,
        maxTargetsPerInspector: cap,
        crossUnit,
        conflicts: conflictBits.map((b) => ({ ...pair(b), ground: 'interest' as const })),
        neighbourInspectors: neighbours.map(make('N')),
      };
      return { targets, inspectors: local.map(make('L')), options };
    });
}
