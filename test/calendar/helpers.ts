import { expect } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import type { ErrorCode } from '../../src/error-code.js';

/** Runs `fn`, expects a ShuangsuijiError with `code`, and returns it. */
export function expectError(fn: () => unknown, code: ErrorCode): { code: string; messageZh: string; messageEn: string; path: readonly (string | number)[]; details: Readonly<Record<string, unknown>> | undefined } {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected ${code} to be thrown`).toBeDefined();
  if (!isShuangsuijiError(thrown, code)) throw new Error(`expected ${code}, got ${String(thrown)}`);
  return thrown;
}
