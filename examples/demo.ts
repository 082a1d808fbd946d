/**
 * `npm run demo [-- <folder>]` — the end-to-end demonstration on synthetic data:
 * registers (一单两库) first, then a whole annual cycle (draw, match, inspect, publish).
 * With a folder argument, the public notices are also written there as CSV and JSON.
 */
import { runRegisterDemo } from './demo/registers.js';
import { runAnnualCycleDemo } from './demo/annual-cycle.js';

const outDir = process.argv[2];
const print = (line: string): void => console.log(line);

runRegisterDemo(print);
print('');
await runAnnualCycleDemo(print, outDir);
