import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lockfile that lacks any optional dependency of a locked package (rollup's and esbuild's
// per-platform binaries): a contributor on another platform then cannot install at all. The lockfile must list
// every optional dependency of every locked package (issue 14 §6; README "Install and test").
interface LockedPackage {
  readonly version?: string;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { lockfileVersion: number; packages: Record<string, LockedPackage> };

  it('lists every optional dependency of every locked package, so `npm ci` works on every platform', () => {
    expect(lock.lockfileVersion).toBe(3);
    const missing: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
        // npm resolves a dependency next to its dependant first, then up the tree.
        const candidates: string[] = [];
        let base = path;
        for (;;) {
          candidates.push(`${base === '' ? '' : `${base}/`}node_modules/${name}`);
          const cut = base.lastIndexOf('node_modules/');
          if (cut < 0) break;
          base = base.slice(0, Math.max(0, cut - 1));
        }
        if (!candidates.some((c) => c in lock.packages)) missing.push(`${path || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
