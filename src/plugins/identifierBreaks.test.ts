import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { identifierBreaks } from './identifierBreaks.ts';

/** Renders Markdown with the plugin and writes each <wbr> as "|". */
const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [identifierBreaks] })).html.replaceAll('<wbr>', '|');

describe('identifierBreaks', async () => {
  it('lets inline identifiers and paths wrap after "_" and "/"', async () => {
    expect(await render('`EXIT_REASON_APIC_ACCESS`')).toContain('<code>EXIT_|REASON_|APIC_|ACCESS</code>');
    expect(await render('`arch/x86/kvm/vmx/vmx.c`')).toContain('<code>arch/|x86/|kvm/|vmx/|vmx.c</code>');
    expect(await render('see [`kvm_set_apicv_inhibit()`](/x/)')).toContain('<code>kvm_|set_|apicv_|inhibit()</code>');
  });

  it('leaves short names, leading underscores and code blocks alone', async () => {
    expect(await render('`0xFEE00000`')).toContain('<code>0xFEE00000</code>');
    expect(await render('`__kvm_faultin_pfn`')).toContain('<code>__kvm_|faultin_|pfn</code>');
    expect(await render('```\na_b_c\n```')).toContain('a_b_c');
  });

  it('keeps identifiers in tables whole (the table scrolls instead)', async () => {
    const html = await render('| `SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES` |\n|---|\n| `A_B` |');
    expect(html).toContain('<code>SECONDARY_EXEC_VIRTUALIZE_APIC_ACCESSES</code>');
    expect(html).toContain('<code>A_B</code>');
  });
});
