import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { ecKernelTitleLinks, kernelTitleContent, parseKernelTitle } from './ecKernelTitleLinks.ts';

const span = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties: { className: ['title'] }, children });
const linksOf = (node: Element): [string, string][] =>
  node.children.flatMap((c) => (c.type === 'element' ? (c.tagName === 'a' ? [[String(c.properties.href), toString(c)] as [string, string]] : linksOf(c)) : []));
const rendered = (title: string) => {
  const t = parseKernelTitle(title);
  return t && span(kernelTitleContent(t));
};

describe('code-frame titles that name a kernel file and symbol', () => {
  it('link the file and the function at upstream v6.12, for code read in Debian 6.12.118 too', () => {
    const title = rendered('arch/x86/kvm/lapic.c, __apic_update_ppr() (Linux 6.12.118)')!;
    expect(linksOf(title)).toEqual([
      ['https://elixir.bootlin.com/linux/v6.12/source/arch/x86/kvm/lapic.c', 'arch/x86/kvm/lapic.c'],
      ['https://elixir.bootlin.com/linux/v6.12/A/ident/__apic_update_ppr', '__apic_update_ppr()'],
    ]);
    expect(title.children.filter((c) => c.type === 'element').every((a) => String((a as Element).properties.rel) === 'noopener,noreferrer')).toBe(true);
  });

  it('keep every word of the title, and link a union, a macro or a v6.5 function by its name', () => {
    for (const text of [
      'arch/x86/include/asm/kvm_host.h, union kvm_mmu_page_role (v6.12, excerpt)',
      'arch/x86/kvm/svm/svm.h, AVIC_REQUIRED_APICV_INHIBITS (Linux 6.12.118, excerpt)',
      'arch/x86/kvm/mmu/mmu.c, kvm_faultin_pfn() (v6.5)',
    ]) expect(toString(rendered(text)!)).toBe(text);
    expect(linksOf(rendered('arch/x86/include/asm/kvm_host.h, union kvm_mmu_page_role (v6.12, excerpt)')!)[1]).toEqual(['https://elixir.bootlin.com/linux/v6.12/A/ident/kvm_mmu_page_role', 'kvm_mmu_page_role']);
    expect(linksOf(rendered('arch/x86/kvm/mmu/mmu.c, kvm_faultin_pfn() (v6.5)')!)[0]![0]).toBe('https://elixir.bootlin.com/linux/v6.5/source/arch/x86/kvm/mmu/mmu.c');
  });

  it('leave titles without a version we can link plain', () => {
    expect(parseKernelTitle('arch/x86/kvm/mmu/mmu.c, __kvm_faultin_pfn() before 5bd74f6eecd5 (as removed in the 2024 diffs)')).toBeNull();
    expect(parseKernelTitle('Enable nesting on an Intel L0 (after running-nested-guests.rst)')).toBeNull();
    expect(parseKernelTitle('arch/x86/kvm/mmu/mmu.c @@ -4307,13 +4331,8 @@ static int')).toBeNull();
  });

  it('the plugin rewrites the title span Expressive Code rendered', () => {
    const title = span([{ type: 'text', value: 'arch/x86/kvm/x86.c, kvm_vcpu_update_apicv() (v6.12)' }]);
    const block: Element = { type: 'element', tagName: 'figure', properties: {}, children: [{ type: 'element', tagName: 'figcaption', properties: { className: ['header'] }, children: [title] }] };
    ecKernelTitleLinks().hooks.postprocessRenderedBlock({ renderData: { blockAst: block } });
    expect(linksOf(block).map(([href]) => href)).toEqual([
      'https://elixir.bootlin.com/linux/v6.12/source/arch/x86/kvm/x86.c',
      'https://elixir.bootlin.com/linux/v6.12/A/ident/kvm_vcpu_update_apicv',
    ]);
  });
});
