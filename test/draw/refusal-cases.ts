/** Runs one refusal vector (test/vectors/draw/refusals.json) through the library; returns its code and path. */
import { commitSeed, drawTargets, registerDigest, seedFromDice, seedFromOrigin } from '../../src/draw/index.js';
import { isShuangsuijiError } from '../../src/errors.js';

export interface RefusalCase {
  readonly name: string;
  readonly call: 'drawTargets' | 'registerDigest' | 'seedFromOrigin' | 'commitSeed';
  readonly register?: unknown;
  readonly spec?: unknown;
  readonly dice?: string;
  readonly seedHex?: string;
  readonly commitment?: unknown;
  readonly history?: unknown;
  readonly extraOption?: Record<string, unknown>;
  readonly origin?: unknown;
  readonly value?: unknown;
  readonly options?: unknown;
  readonly expected: { readonly code: string; readonly path: readonly (string | number)[] } | undefined;
}

export function runRefusal(c: RefusalCase): { code: string; path: (string | number)[] } | undefined {
  try {
    if (c.call === 'registerDigest') registerDigest(c.register as never);
    else if (c.call === 'seedFromOrigin') seedFromOrigin(c.origin as never);
    else if (c.call === 'commitSeed') commitSeed(c.value as never, c.options as never);
    else {
      const options: Record<string, unknown> = { seed: c.seedHex ?? seedFromDice(c.dice!), ...(c.extraOption ?? {}) };
      if (c.commitment !== undefined) options['commitment'] = c.commitment;
      if (c.history !== undefined) options['history'] = c.history;
      drawTargets(c.register as never, c.spec as never, options as never);
    }
    return undefined;
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return { code: error.code, path: [...error.path] };
  }
}
