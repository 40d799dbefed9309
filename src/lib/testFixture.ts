// Test helper: a copy of tests/fixtures/good in a temp dir, with files changed or added per test,
// removed when the test that made it finishes (a full `npm test` made about a hundred of them).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';

export const GOOD_FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/good');

type Change = string | ((text: string) => string) | { copyOf: string };

export function fixtureWith(changes: Record<string, Change>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vapic-fixture-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(GOOD_FIXTURE, dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file);
    let text: string;
    if (typeof change === 'string') text = change;
    else if (typeof change === 'function') text = change(readFileSync(path, 'utf8'));
    else text = readFileSync(join(dir, change.copyOf), 'utf8');
    writeFileSync(path, text);
  }
  return dir;
}
