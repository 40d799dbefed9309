import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { CONTENT_ROOT } from '../lib/project.ts';
import { wikiLinks } from './wikiLinks.ts';

// A page of the real site: the plugin resolves links against the project's link graph.
const PAGE = join(CONTENT_ROOT, 'docs', 'apic', 'registers-and-priority.mdx');
const compile = async (body: string, file = PAGE) => (await mdxToJs(body, { mdastPlugins: [wikiLinks], fileURL: pathToFileURL(file) })).code;

describe('wikiLinks', () => {
  it('turns cross-links into resolved links, also when one wraps across lines', async () => {
    const code = await compile('See [[apicv/virtual-interrupt-delivery#the-virtual-apic-page|the\nvirtual-APIC page]] and [[sym:kvm_set_apicv_inhibit]].');
    expect(code).toContain('href: "/apicv/virtual-interrupt-delivery/#the-virtual-apic-page"');
    expect(code).toContain('children: "the virtual-APIC page"');
    expect(code).toMatch(/className: "xref xref-sym"[^}]*children: _jsx\(_components\.code, \{ children: "kvm_set_apicv_inhibit" \}\)/s);
    expect(code).not.toContain('[[');
  });

  it('numbers citations by the page’s Sources list and keeps each marker on its word’s line', async () => {
    const code = await compile('First claim [[cite:intel-sdm-vol3a-apic|§11.8]] and again [[cite:intel-sdm-vol3a-apic]].');
    expect(code).toMatch(/"First claim\\xA0"/);
    expect(code).toMatch(/className: "cite",\s*id: "cite-\d+-1"/);
    expect(code).toMatch(/className: "cite",\s*id: "cite-\d+-2"/);
    expect(code).toMatch(/children: "\[\d+, §11\.8\]"/);
  });

  it('fails naming the file and line of a stray "[[" or a link that does not resolve', async () => {
    await expect(compile('Fine.\n\nText [[ with no end.')).rejects.toThrow(/registers-and-priority\.mdx:3: "\[\[" opens no cross-link/);
    await expect(compile('One\ntwo [[apic/no-such-page]].')).rejects.toThrow(/registers-and-priority\.mdx:2: \[\[apic\/no-such-page\]\]: /);
  });
});
