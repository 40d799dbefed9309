import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeIdentifierBreaks from './rehypeIdentifierBreaks.ts';

/** Runs the plugin on one <code> (optionally inside <pre>) and writes each <wbr> as "|". */
function breaks(value: string, inside?: 'pre' | 'table'): string {
  const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value }] };
  const cell: Element = { type: 'element', tagName: 'td', properties: {}, children: [code] };
  const wrap = (tagName: string, child: Element): Element => ({ type: 'element', tagName, properties: {}, children: [child] });
  const outer = inside === 'pre' ? wrap('pre', code) : inside === 'table' ? wrap('table', wrap('tbody', wrap('tr', cell))) : code;
  const tree: Root = { type: 'root', children: [outer] };
  rehypeIdentifierBreaks()(tree);
  return code.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' && c.tagName === 'wbr' ? '|' : '?')).join('');
}

describe('rehypeIdentifierBreaks', () => {
  it('lets inline identifiers and paths wrap after "_" and "/"', () => {
    expect(breaks('EXIT_REASON_APIC_ACCESS')).toBe('EXIT_|REASON_|APIC_|ACCESS');
    expect(breaks('arch/x86/kvm/vmx/vmx.c')).toBe('arch/|x86/|kvm/|vmx/|vmx.c');
    expect(breaks('kvm_set_apicv_inhibit()')).toBe('kvm_|set_|apicv_|inhibit()');
  });

  it('leaves short names, leading underscores and code blocks alone', () => {
    expect(breaks('0xFEE00000')).toBe('0xFEE00000');
    expect(breaks('__kvm_faultin_pfn')).toBe('__kvm_|faultin_|pfn');
    expect(breaks('a_b_c', 'pre')).toBe('a_b_c');
  });

  it('keeps identifiers in tables whole (the table scrolls instead)', () => {
    expect(breaks('SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES', 'table')).toBe('SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES');
  });
});
