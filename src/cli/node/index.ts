/**
 * **shuangsuiji/node — 名录库文件（Node.js）**: digest, draw and verify straight from a register file — CSV, JSON,
 * JSON Lines or `.xlsx`, in UTF-8 or GB18030 — read exactly as the `shuangsuiji` command reads it, with one worker
 * thread per core on large files (issue 16: each thread reads and summarises its own byte range; the summaries
 * merge into the result of one pass, byte for byte the same with any number of threads). Node only: in a browser,
 * read files with `shuangsuiji/readers` and draw with `shuangsuiji`.
 *
 * @example
 * ```ts
 * import { seedFromDice } from 'shuangsuiji';
 * import { drawFromFile, registerDigestOfFile, verifyDrawOfFile } from 'shuangsuiji/node';
 *
 * const { digest } = await registerDigestOfFile('检查对象名录库.csv');
 * const { record } = await drawFromFile('检查对象名录库.csv', { label: '2026 第一批', size: { count: 30 } }, { seed: seedFromDice('31415926535897932384') });
 * console.log(record.register.digest === digest, (await verifyDrawOfFile(record, '检查对象名录库.csv')).ok); // true true
 * ```
 *
 * @groupDescription Node
 * Register files in Node.js: the command's reading, on every core.
 *
 * @module shuangsuiji/node
 */
export { registerDigestOfFile } from './register-digest-of-file.js';
export { drawFromFile } from './draw-from-file.js';
export { verifyDrawOfFile } from './verify-draw-of-file.js';
export type { VerifyDrawOfFileOptions } from './verify-draw-of-file.js';
export type { RegisterFileOptions } from './register-file-options.js';
export type { RegisterFileErrorCode } from './register-file-error-code.js';
