import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePatch, PATCH_FILE } from '../../src/lib/patch.ts';
import { DIST, parse } from './distSite.ts';

describe('the rendered RFC patch', () => {
  it('shows exactly the text of the patch file', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE), 'utf8');
    const root = parse(readFileSync(resolve(DIST, 'rfc/patch/index.html'), 'utf8'));
    const block = root.querySelector('[data-patch="full"]');
    expect(block).not.toBeNull();
    expect(block!.querySelector('.patch-verbatim pre')!.text).toBe(file);
  });

  it('gives each hunk header an anchor, numbered in order, which the map of the diff and the walkthrough link to', () => {
    const root = parse(readFileSync(resolve(DIST, 'rfc/patch/index.html'), 'utf8'));
    const headers = root.querySelectorAll('.patch-verbatim .pl-hunk');
    expect(headers.map((h) => h.id)).toEqual(['hunk-1', 'hunk-2', 'hunk-3', 'hunk-4', 'hunk-5']);
    for (const h of headers) expect(h.text.startsWith('@@ ')).toBe(true);
    const mapLinks = root.querySelectorAll('.doc-body table a[href^="#hunk-"]').map((a) => a.getAttribute('href'));
    expect(mapLinks).toEqual(headers.map((h) => `#${h.id}`));
    const walkthroughLinks = root.querySelectorAll('.doc-body table a[href^="/rfc/walkthrough/#"]');
    expect(walkthroughLinks).toHaveLength(5);
    const walkthrough = parse(readFileSync(resolve(DIST, 'rfc/walkthrough/index.html'), 'utf8'));
    const back = walkthrough.querySelectorAll('.patch-where a').map((a) => a.getAttribute('href'));
    expect(back).toEqual(['/rfc/patch/#hunk-1', '/rfc/patch/#hunk-2', '/rfc/patch/#hunk-3', '/rfc/patch/#hunk-4', '/rfc/patch/#hunk-5']);
  });

  it('shows a re-indented view of every hunk whose code text, leading whitespace aside, is the patch\'s', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE), 'utf8');
    const root = parse(readFileSync(resolve(DIST, 'rfc/patch/index.html'), 'utf8'));
    const hunks = parsePatch(file).flatMap((f) => f.hunks);
    const views = root.querySelectorAll('.patch-readable .patch-hunk');
    expect(views.map((v) => v.id)).toEqual(hunks.map((_, i) => `hunk-${i + 1}-readable`));
    views.forEach((view, i) => {
      const shown = view.querySelectorAll('.ec-line').map((l) => l.text.replace(/^[+\- ]/, '').trim());
      expect(shown).toEqual(hunks[i]!.lines.map((l) => (/^[+-]/.test(l) ? l.slice(1) : l).trim()));
    });
    // Indentation is back (Expressive Code drops the diff column and any indentation common to all lines).
    expect(views[1]!.querySelectorAll('.ec-line').map((l) => l.text)).toContain('\t\tkvm_set_apicv_inhibit(vcpu->kvm,');
  });
});
