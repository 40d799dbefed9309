import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHunk, parsePatch, PATCH_FILE, patchLineKind } from './patch.ts';

const text = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE), 'utf8');

describe('the RFC patch file', () => {
  it('is a byte-identical copy of the archived mail (shared/seed/000_b59dd51bc31e1a3b.txt)', () => {
    const bytes = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE));
    expect(bytes.length).toBe(4293);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('ee796e441066fe76926a8349dd596036572a39119923444d1d33b097ea73220c');
  });
});

describe('parsePatch', () => {
  const files = parsePatch(text);

  it('finds the four files and their hunks', () => {
    expect(files.map((f) => [f.path, f.hunks.length])).toEqual([
      ['arch/x86/include/asm/kvm_host.h', 1],
      ['arch/x86/kvm/mmu/mmu.c', 2],
      ['arch/x86/kvm/svm/svm.h', 1],
      ['arch/x86/kvm/vmx/vmx.c', 1],
    ]);
  });

  it('uses the hunk header counts to find where each hunk ends', () => {
    for (const file of files) {
      for (const hunk of file.hunks) {
        const [, oldCount, newCount] = /^@@ -\d+,(\d+) \+\d+,(\d+) @@/.exec(hunk.header)!;
        const added = hunk.lines.filter((l) => l.startsWith('+')).length;
        const removed = hunk.lines.filter((l) => l.startsWith('-')).length;
        expect(hunk.lines.length - added).toBe(Number(oldCount));
        expect(hunk.lines.length - removed).toBe(Number(newCount));
      }
    }
    const added = files.flatMap((f) => f.hunks.flatMap((h) => h.lines)).filter((l) => l.startsWith('+')).length;
    const removed = files.flatMap((f) => f.hunks.flatMap((h) => h.lines)).filter((l) => l.startsWith('-')).length;
    expect([added, removed]).toEqual([36, 9]);
  });

  it('finds a hunk by file and number, and explains a wrong one', () => {
    expect(findHunk(files, 'arch/x86/kvm/mmu/mmu.c', 2).header).toMatch(/^@@ -4307,13 \+4331,8 @@/);
    expect(() => findHunk(files, 'arch/x86/kvm/x86.c', 1)).toThrow(/has no file "arch\/x86\/kvm\/x86.c"/);
    expect(() => findHunk(files, 'arch/x86/kvm/mmu/mmu.c', 3)).toThrow('"arch/x86/kvm/mmu/mmu.c" has 2 hunk(s) in the patch; hunk 3 does not exist');
  });
});

describe('patchLineKind', () => {
  it('classifies the lines of a patch', () => {
    expect(patchLineKind('diff --git a/x b/x')).toBe('file');
    expect(patchLineKind('+++ b/arch/x86/kvm/mmu/mmu.c')).toBe('file');
    expect(patchLineKind('@@ -1,2 +1,3 @@')).toBe('hunk');
    expect(patchLineKind('+ fault->slot = NULL;')).toBe('ins');
    expect(patchLineKind('- return RET_PF_CONTINUE;')).toBe('del');
    expect(patchLineKind('---')).toBe('text');
    expect(patchLineKind('Signed-off-by: Ake Koomsin')).toBe('text');
  });
});
