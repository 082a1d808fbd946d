/** The operations of the worker by name (the page calls them through `rpc.ts`). */
import type { Progress } from '../protocol.js';
import { digestOp, drawOp, historyOp, lookupOp, readJsonOp, seedOp, verifyDrawOp, verifyMatchOp } from './ops.js';

type Op = (args: never, progress: (p: Progress) => void) => unknown;

export const OPS: Readonly<Record<string, Op>> = {
  verifyDraw: verifyDrawOp,
  digest: digestOp,
  seed: seedOp,
  draw: drawOp,
  verifyMatch: verifyMatchOp,
  readJson: readJsonOp,
  lookup: lookupOp,
  history: historyOp,
};
