import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { externalLinks } from './externalLinks.ts';

describe('externalLinks', () => {
  it('marks links to other sites noopener noreferrer and leaves the site’s own links alone', async () => {
    const html = (await markdownToHtml('[a](https://lore.kernel.org/) [b](//elixir.bootlin.com/) [c](/apic/) [d](#x)', { hastPlugins: [externalLinks] })).html;
    expect(html).toContain('<a href="https://lore.kernel.org/" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="//elixir.bootlin.com/" rel="noopener noreferrer">b</a>');
    expect(html).toContain('<a href="/apic/">c</a>');
    expect(html).toContain('<a href="#x">d</a>');
  });
});
