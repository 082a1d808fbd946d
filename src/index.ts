/**
 * shuangsuiji — 双随机、一公开. The public surface, listed by hand so it can be reviewed in one place.
 *
 * @packageDocumentation
 */
export { ShuangsuijiError, isShuangsuijiError } from './errors.js';
export type { DataIssue, IssuePath, ParseResult, ShuangsuijiErrorOptions } from './errors.js';
