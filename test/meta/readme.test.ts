// README.md is assembled from docs/readme/ by scripts/build-readme.sh; this fails when someone edits one
// side only, and checks that the README names the two commands a newcomer needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('README', () => {
  it('is the assembly of docs/readme/ in the order of scripts/build-readme.sh', () => {
    const order = /for part in ([^;]+);/.exec(read('scripts/build-readme.sh'))![1]!.trim().split(/\s+/);
    const assembled = order.map((part) => `${read(`docs/readme/${part}.md`)}\n`).join('');
    expect(read('README.md')).toBe(assembled);
  });

  it('gives the demo and test commands, and .ci/run runs the same test command', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm install && npm test');
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });
});
