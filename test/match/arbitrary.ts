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
