import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './distSite.ts';

const files = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();

describe('reproducible builds', () => {
  it('a second build of the same tree is byte-identical to dist/', () => {
    const again = mkdtempSync(join(tmpdir(), 'vapic-rebuild-'));
    const root = join(DIST, '..');
    // What `npm run build` runs, with this test's Node (24) rather than whatever is on PATH.
    try {
      execSync(`"${process.execPath}" node_modules/astro/bin/astro.mjs build --outDir ${again}`, { cwd: root, stdio: 'ignore' });
      expect(files(again)).toEqual(files(DIST));
      const differing = files(DIST).filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(again, f))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 300_000);
});
