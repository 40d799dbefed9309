import { describe, expect, it } from 'vitest';
import { checkReference, describeCheck, findLineReferences, type KernelTree, type LineReference } from './lineReferences.ts';

// A two-file tree: x86.c has the tracepoint call on line 4, lapic.c has the function on line 2.
const FILES: Record<string, string> = {
  'arch/x86/kvm/x86.c': 'static void set_or_clear_apicv_inhibit(void)\n{\n\t__set_bit(reason, inhibits);\n\ttrace_kvm_apicv_inhibit_changed(reason);\n}\n',
  'arch/x86/kvm/lapic.c': '\nint kvm_alloc_apic_access_page(struct kvm *kvm)\n{\n}\n',
  'arch/x86/include/asm/vmx.h': '#define APIC_ACCESS_PAGE_PRIVATE_MEMSLOT 1\n',
  'arch/x86/kvm/vmx/vmx.h': 'struct vcpu_vmx;\n',
};
const tree = (version = '6.12.118'): KernelTree => ({
  version,
  filesEnding: (p) => Object.keys(FILES).filter((f) => f === p || f.endsWith(`/${p}`)),
  lines: (f) => FILES[f]!.split('\n'),
});
const one = (text: string, source = 'page.mdx'): LineReference => {
  const refs = findLineReferences(text, source);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('finding references', () => {
  it('reads a path, a line or range, more lines of the same file, the version and the named identifier', () => {
    const r = one('The event fires in trace_kvm_apicv_inhibit_changed() (6.12.118 x86.c:3-4, 1).');
    expect(r).toMatchObject({ path: 'x86.c', ranges: [{ start: 3, end: 4 }, { start: 1, end: 1 }], version: '6.12.118' });
    expect(r.targets[0]).toBe('trace_kvm_apicv_inhibit_changed');
  });

  it('takes the version of its own clause, not of a neighbouring one', () => {
    const refs = findLineReferences('v6.5 vmx.c:8189 VMX_REQUIRED_APICV_INHIBITS; 6.12.118 vmx/main.c:10 VMX_REQUIRED_APICV_INHIBITS', 'a.mdx');
    expect(refs.map((r) => r.version)).toEqual(['v6.5', '6.12.118']);
  });

  it('continues a clause from the previous comment line, and falls back to a file declaration', () => {
    const text = '// line references: 6.12.118\n// kvm_alloc_apic_access_page()\n// (lapic.c:2) returns early.';
    const r = one(text, 'x.ts');
    expect(r.version).toBe('6.12.118');
    expect(r.targets).toEqual(['kvm_alloc_apic_access_page']);
  });

  it('reads a declaration written as prose on a page', () => {
    expect(one('Line references on this page are for Linux 6.12.118.\n\n`__set_bit` is at x86.c:3.').version).toBe('6.12.118');
  });

  it('does not take a bare 6.12 for a version, nor a file name for a target', () => {
    const r = one('In 6.12 posted_intr.h:46 is it.');
    expect(r.version).toBeNull();
    expect(r.targets).toEqual([]);
  });

  it('in TypeScript, looks in the comment, not the code beside it', () => {
    const r = one("const fast = offsetValue === 1; // `APIC_EOI` write, 6.12.118 x86.c:3", 'x.ts');
    expect(r.targets).toEqual(['APIC_EOI']);
  });

  it('names a backticked target by its identifier, skipping C keywords', () => {
    expect(one('`enum kvm_apicv_inhibit` (6.12.118 x86.c:1)').targets).toEqual(['kvm_apicv_inhibit']);
  });
});

describe('checking against a tree', () => {
  it('passes a reference whose identifier is in its lines', () => {
    expect(checkReference(one('trace_kvm_apicv_inhibit_changed (6.12.118 x86.c:4)'), tree())).toEqual({ status: 'ok', file: 'arch/x86/kvm/x86.c' });
  });

  it('reports a moved reference with where its identifier is now', () => {
    const r = one('trace_kvm_apicv_inhibit_changed (6.12.118 x86.c:2)');
    const c = checkReference(r, tree());
    expect(c).toEqual({ status: 'moved', moved: [{ range: '2', now: 'arch/x86/kvm/x86.c:4' }] });
    expect(describeCheck(r, c, '6.12.118')).toBe('page.mdx:1: x86.c:2: trace_kvm_apicv_inhibit_changed not at line 2 in 6.12.118; nearest now at arch/x86/kvm/x86.c:4');
  });

  it('lets an enum member named without its prefix land, but not a lower-case word inside an identifier', () => {
    const files = { 'arch/x86/kvm/x86.c': 'kvm_clear_apicv_inhibit(kvm, APICV_INHIBIT_REASON_ABSENT);\n' };
    const t: KernelTree = { version: '6.12.118', filesEnding: () => ['arch/x86/kvm/x86.c'], lines: (f) => files[f as keyof typeof files].split('\n') };
    expect(checkReference(one('clears `ABSENT` (6.12.118 x86.c:1)'), t).status).toBe('ok');
    expect(checkReference(one('clears `apicv_inhibit` (6.12.118 x86.c:1)'), t).status).toBe('moved');
  });

  it('lands a "quoted phrase" on a comment line that holds it as written, and only there', () => {
    const files = { 'arch/x86/kvm/x86.c': '\t/*\n\t * Wake any target vCPUs that are blocking, i.e. waiting for a wake\n\t */\n' };
    const t: KernelTree = { version: '6.12.118', filesEnding: () => ['arch/x86/kvm/x86.c'], lines: (f) => files[f as keyof typeof files].split('\n') };
    const r = one("source: 'comment \"Wake any target vCPUs\", x86.c:1-3'", 'x.ts');
    expect(r.targets).toEqual(['Wake any target vCPUs']);
    expect(checkReference({ ...r, version: '6.12.118' }, t)).toEqual({ status: 'ok', file: 'arch/x86/kvm/x86.c' });
    expect(checkReference({ ...r, version: '6.12.118', ranges: [{ start: 3, end: 3 }] }, t).status).toBe('moved');
    expect(one('"a wake" x86.c:2').targets).toEqual([]); // shorter than eight characters: not a target
  });

  it('checks every range of a reference', () => {
    expect(checkReference(one('__set_bit (6.12.118 x86.c:3, 5)'), tree()).status).toBe('moved');
  });

  it('leaves references for another version unchecked, including upstream v6.12 against 6.12.118', () => {
    expect(checkReference(one('__set_bit (v6.12 x86.c:1)'), tree()).status).toBe('other-version');
    expect(checkReference(one('__set_bit (v6.12.118 x86.c:3)'), tree()).status).toBe('ok');
  });

  it('fails a reference without a version or without a target, with a message saying how to fix it', () => {
    const noVersion = one('__set_bit at x86.c:3');
    expect(describeCheck(noVersion, checkReference(noVersion, tree()), '6.12.118')).toMatch(/names no version.*6\.12\.118 x86\.c:3/);
    const noTarget = one('see 6.12.118 x86.c:3');
    expect(describeCheck(noTarget, checkReference(noTarget, tree()), '6.12.118')).toMatch(/names no identifier/);
  });

  it('resolves a short path that several files end with by where the target is, or asks for more of it', () => {
    expect(checkReference(one('APIC_ACCESS_PAGE_PRIVATE_MEMSLOT (6.12.118 vmx.h:1)'), tree())).toEqual({ status: 'ok', file: 'arch/x86/include/asm/vmx.h' });
    expect(checkReference(one('nothing_here (6.12.118 vmx.h:1)'), tree()).status).toBe('ambiguous');
    expect(checkReference(one('nothing_here (6.12.118 svm.c:1)'), tree()).status).toBe('no-file');
  });
});
