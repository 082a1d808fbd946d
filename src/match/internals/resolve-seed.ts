import type { MatchOptions } from '../match-options.js';

/** `MatchOptions` with the seed reduced to its text (internal). */
export type ResolvedMatchOptions = Omit<MatchOptions, 'seed'> & { readonly seed: string };

/** Reduces a `DrawSeed` to its 64-hex text; strings pass unchanged (internal). */
export function resolveMatchSeed(options: MatchOptions): ResolvedMatchOptions {
  const seed = options.seed;
  return typeof seed === 'object' && seed !== null ? { ...options, seed: seed.seed } : (options as ResolvedMatchOptions);
}
