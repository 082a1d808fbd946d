/**
 * Messages between the page (main thread) and its Web Worker. Every library call of the page runs in the worker:
 * the page sends `{ id, op, args }`, the worker answers with progress messages and one result (or one coded error)
 * for that id. Everything crossing the boundary is structured-cloneable: files go as `Blob`/`File`, results as
 * the library's own JSON-serialisable values.
 */

/** A problem of an input file, located when possible (the same codes and messages as the command line). */
export interface PageProblem {
  readonly file: string;
  /** 1-based line (or sheet row) it is on; 0 when it is about the file as a whole. */
  readonly line: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly path?: readonly (string | number)[];
}

/** Input problems, kept up to a bound; `count` counts them all. */
export interface ProblemReport {
  readonly kind: 'problems';
  readonly problems: readonly PageProblem[];
  readonly count: number;
}

/** How a register file was read. */
export interface ReadSummary {
  readonly format: string | undefined;
  readonly encoding: string | undefined;
  readonly rows: number;
}

/** Progress of a long operation. */
export interface Progress {
  readonly phase: 'read' | 'verify' | 'draw' | 'digest';
  /** Pass over the register (1-based): ratio-based, stratified and weighted draws read it twice. */
  readonly pass: number;
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number | undefined;
}

export type WorkerRequest = { readonly id: number; readonly op: string; readonly args: unknown };

export type WorkerResponse =
  | { readonly id: number; readonly type: 'progress'; readonly progress: Progress }
  | { readonly id: number; readonly type: 'result'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly code: string; readonly messageZh: string; readonly messageEn: string; readonly path?: readonly (string | number)[] };
