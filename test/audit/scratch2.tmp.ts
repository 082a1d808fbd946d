import { auditDrawHistory } from '../../src/audit/index.js';
import { simulateRegisters, simulateHistory, fairSelector } from './helpers/simulate.js';
const design = { stratifyBy: 'riskClass', ratios: { A: 0.03, B: 0.03, C: 0.03, D: 0.03 } } as const;
const snaps = simulateRegisters(1, 5000, [2022, 2023, 2024]);
let ts = 0, ta = 0;
for (let k = 0; k < 30; k++) {
let t = performance.now();
const h = simulateHistory(snaps, design, fairSelector, 7+k);
ts += performance.now() - t; t = performance.now();
auditDrawHistory(h, snaps, design);
ta += performance.now() - t;
}
console.log('sim', ts/30, 'audit', ta/30);
