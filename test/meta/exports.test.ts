// src/index.ts is written by hand; this checks that it lists every public name of every domain barrel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as index from '../../src/index.js';
import * as audit from '../../src/audit/index.js';
import * as calendar from '../../src/calendar/index.js';
import * as draw from '../../src/draw/index.js';
import * as match from '../../src/match/index.js';
import * as models from '../../src/models/index.js';
import * as workflow from '../../src/workflow/index.js';

const barrels = { audit, calendar, draw, match, models, workflow } as const;
const root = join(import.meta.dirname, '..', '..');

function typeNames(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const names: string[] = [];
  for (const m of text.matchAll(/export\s+type\s+\{([^}]*)\}/g)) {
    for (const n of m[1]!.split(',')) if (n.trim()) names.push(n.trim().split(/\s+as\s+/).pop()!);
  }
  return names;
}

describe('the public surface', () => {
  it('re-exports every runtime value of every barrel', () => {
    for (const [name, barrel] of Object.entries(barrels)) {
      const missing = Object.keys(barrel).filter((key) => !(key in index));
      expect(missing, `${name} names missing from src/index.ts`).toEqual([]);
      expect(Object.keys(barrel).length, `${name} exports values`).toBeGreaterThan(0);
    }
  });

  it('re-exports every type of every barrel', () => {
    const exported = new Set(typeNames('src/index.ts'));
    for (const name of Object.keys(barrels)) {
      const missing = typeNames(`src/${name}/index.ts`).filter((t) => !exported.has(t));
      expect(missing, `${name} types missing from src/index.ts`).toEqual([]);
    }
  });

});
