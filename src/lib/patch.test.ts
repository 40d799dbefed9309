import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHunk, parsePatch, PATCH_FILE, patchLineKind, reindentHunk } from './patch.ts';

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

describe('reindentHunk', () => {
  const hunk = (header: string, lines: string[]) => ({ header, lines });

  it('restores kernel indentation: bodies, one-statement ifs, continuations and block comments', () => {
    const lines = reindentHunk(hunk('@@ -4293,6 +4293,30 @@ void kvm_arch_async_page_ready(struct kvm_vcpu *vcpu, struct kvm_async_pf *work)', [
      'kvm_mmu_do_page_fault(vcpu, work->cr2_or_gpa, 0, true, NULL);',
      '}',
      '',
      '+static int f(struct kvm_vcpu *vcpu,',
      '+ struct kvm_page_fault *fault)',
      '+{',
      '+ /*',
      '+ * A comment.',
      '+ */',
      '+ if (unlikely(slot &&',
      '+ kvm_apicv_activated(vcpu->kvm)))',
      '+ kvm_set_apicv_inhibit(vcpu->kvm,',
      '+ REASON);',
      '+ return RET_PF_CONTINUE;',
      '+}',
    ]));
    expect(lines).toEqual([
      ' \tkvm_mmu_do_page_fault(vcpu, work->cr2_or_gpa, 0, true, NULL);',
      ' }',
      ' ',
      '+static int f(struct kvm_vcpu *vcpu,',
      '+    struct kvm_page_fault *fault)',
      '+{',
      '+\t/*',
      '+\t * A comment.',
      '+\t */',
      '+\tif (unlikely(slot &&',
      '+\t    kvm_apicv_activated(vcpu->kvm)))',
      '+\t\tkvm_set_apicv_inhibit(vcpu->kvm,',
      '+\t\t    REASON);',
      '+\treturn RET_PF_CONTINUE;',
      '+}',
    ]);
  });

  it('indents an enum body and the list inside a macro it starts in', () => {
    expect(reindentHunk(hunk('@@ -1188,6 +1188,12 @@ enum kvm_apicv_inhibit {', ['A,', '+ B,']))).toEqual([' \tA,', '+\tB,']);
    expect(reindentHunk(hunk('@@ -683,7 +683,8 @@ extern struct kvm_x86_nested_ops svm_nested_ops;', ['BIT(A) | \\', '- BIT(B) \\', '+ BIT(C) \\', ')', '', 'bool f(void);'])))
      .toEqual([' \tBIT(A) | \\', '-\tBIT(B) \\', '+\tBIT(C) \\', ' )', ' ', ' bool f(void);']);
    // A macro list right after a function: the "\\" lines decide, not the function named after @@.
    expect(reindentHunk(hunk('@@ -8189,7 +8189,8 @@ static void g(void)', ['BIT(A) \\', ')']))).toEqual([' \tBIT(A) \\', ' )']);
  });

  it('reads a signature cut short in the @@ line as a function body', () => {
    expect(reindentHunk(hunk('@@ -4307,13 +4331,8 @@ static int f(struct kvm_vcpu *vcpu, struct kvm_page_fault *fault', ['return X;', 'if (a) {', '- b();', '}'])))
      .toEqual([' \treturn X;', ' \tif (a) {', '-\t\tb();', ' \t}']);
  });

  it('keeps every line\'s code text: only whitespace at the start changes', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../..', PATCH_FILE), 'utf8');
    for (const h of parsePatch(text).flatMap((f) => f.hunks)) {
      const again = reindentHunk(h);
      expect(again.map((l) => l.slice(1).trim())).toEqual(h.lines.map((l) => (/^[+-]/.test(l) ? l.slice(1) : l).trim()));
    }
  });
});
