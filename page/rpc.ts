/**
 * The page's side of the worker: the worker is created from a Blob URL of its inlined code (a page opened from
 * disk may not load `new Worker('file://…')` in Chromium), and each call is a promise with progress callbacks.
 */
import type { Progress, WorkerResponse } from './protocol.js';

/** A coded failure of a worker call (a `ShuangsuijiError` of the library, or `INTERNAL_ERROR`). */
export class CallError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly path: readonly (string | number)[] | undefined,
  ) {
    super(`${code}: ${messageEn}`);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: CallError) => void; onProgress: (p: Progress) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function start(code: string): Worker {
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const w = new Worker(url);
  w.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const call = pending.get(message.id);
    if (call === undefined) return;
    if (message.type === 'progress') {
      call.onProgress(message.progress);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'result') call.resolve(message.value);
    else call.reject(new CallError(message.code, message.messageZh, message.messageEn, message.path));
  };
  w.onerror = (event) => {
    event.preventDefault();
    const text = event.message || 'worker error';
    for (const [id, call] of pending) {
      pending.delete(id);
      call.reject(new CallError('INTERNAL_ERROR', `内部错误（${text}）`, `internal error (${text})`, undefined));
    }
  };
  return w;
}

/** Sets up the worker from its code (called once at start). */
export function initWorker(code: string): void {
  worker ??= start(code);
}

/** Calls operation `op` of the worker with `args`; `onProgress` gets its progress messages. */
export function call<T>(op: string, args: unknown, onProgress: (p: Progress) => void = () => {}): Promise<T> {
  const w = worker;
  if (w === undefined) return Promise.reject(new CallError('INTERNAL_ERROR', '后台线程未启动', 'the worker has not started', undefined));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
    w.postMessage({ id, op, args });
  });
}
