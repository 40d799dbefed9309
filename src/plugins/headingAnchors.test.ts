import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from './headingAnchors.ts';

const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [headingAnchors] })).html;

describe('headingAnchors', () => {
  it('gives headings github-slugger ids (repeats numbered) and h2-h4 a labelled self-link', async () => {
    const html = await render('# Title\n\n## The `vmcs12` page\n\n## The `vmcs12` page\n\n#### Deep\n\n##### Deeper');
    expect(html).toContain('<h1 id="title">Title</h1>');
    expect(html).toContain('<h2 id="the-vmcs12-page">The <code>vmcs12</code> page<a class="heading-anchor" href="#the-vmcs12-page" aria-label="Link to section: The vmcs12 page"></a></h2>');
    expect(html).toContain('<h2 id="the-vmcs12-page-1">');
    expect(html).toContain('<h4 id="deep">Deep<a class="heading-anchor" href="#deep"');
    expect(html).toContain('<h5 id="deeper">Deeper</h5>');
  });

  it('numbers repeats per page, not across pages', async () => {
    expect(await render('## Setup')).toContain('id="setup"');
    expect(await render('## Setup')).toContain('id="setup"');
  });
});
