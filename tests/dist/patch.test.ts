import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATCH_FILE } from '../../src/lib/patch.ts';
import { DIST, parse } from './distSite.ts';

describe('the rendered RFC patch', () => {
  it('shows exactly the text of the patch file', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE), 'utf8');
    const root = parse(readFileSync(resolve(DIST, 'rfc/patch/index.html'), 'utf8'));
    const block = root.querySelector('[data-patch="full"]');
    expect(block).not.toBeNull();
    expect(block!.querySelector('pre')!.text).toBe(file);
  });
});
