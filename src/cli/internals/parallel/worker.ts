/**
 * The worker thread of a parallel reading (built as `dist/cli-worker.js`; run from source through tsx): takes one
 * job at a time (`protocol.ts`), answers with progress messages and then `done`, `problem` or `failed`.
 */
import { parentPort } from 'node:worker_threads';
import { isShuangsuijiError } from '../../../errors.js';
import type { RangeJob, WorkerMessage } from './protocol.js';
import { RangeProblem } from './range-rows.js';
import { runRangeJob } from './range-task.js';

const port = parentPort;
if (port === null) throw new Error('shuangsuiji: the range worker runs in a worker thread only');

port.on('message', (job: RangeJob) => {
  const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  runRangeJob(job, (rows, bytes) => send({ type: 'progress', rows, bytes })).then(
    (result) => {
      const transfer = result.ids === null ? [] : [result.ids.buffer as ArrayBuffer];
      send({ type: 'done', result }, transfer);
    },
    (error: unknown) => {
      if (error instanceof RangeProblem || isShuangsuijiError(error)) send({ type: 'problem', code: error.code });
      else send({ type: 'failed', name: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
