/**
 * The page's Web Worker: every library call runs here, so that reading and hashing a register of a million rows
 * never freezes the page. Messages: see `protocol.ts`. A `ShuangsuijiError` becomes a coded error answer (the
 * same code and messages as the library and the command line); anything else is `INTERNAL_ERROR`.
 */
import { isShuangsuijiError } from '../src/errors.js';
import type { Progress, WorkerRequest, WorkerResponse } from './protocol.js';
import { OPS } from './worker/registry.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, op, args } = event.data;
  const run = OPS[op];
  const progress = (p: Progress): void => scope.postMessage({ id, type: 'progress', progress: p });
  if (run === undefined) {
    scope.postMessage({ id, type: 'error', code: 'INTERNAL_ERROR', messageZh: `未知操作 ${op}`, messageEn: `unknown operation ${op}` });
    return;
  }
  Promise.resolve()
    .then(() => run(args as never, progress))
    .then(
      (value) => scope.postMessage({ id, type: 'result', value }),
      (error: unknown) => {
        if (isShuangsuijiError(error)) {
          scope.postMessage({ id, type: 'error', code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, path: error.path });
        } else {
          const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          scope.postMessage({ id, type: 'error', code: 'INTERNAL_ERROR', messageZh: `内部错误（${text}）：这是程序缺陷，不是输入的问题；请报告。`, messageEn: `internal error (${text}): a bug of the program, not a problem of the input; please report it.` });
        }
      },
    );
};
