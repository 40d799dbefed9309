import { describe, expect, it } from 'vitest';
import { buildPreviews, previewKey } from './previews.ts';
import { loadSite } from './site.ts';
import { GOOD_FIXTURE } from './testFixture.ts';

describe('previews', () => {
  const { site } = loadSite(GOOD_FIXTURE);
  const previews = buildPreviews(site);
  const key = (href: string, citation = false, from = '/apic/child/') => {
    const url = new URL(href, `http://site${from}`);
    return previewKey({ pathname: url.pathname, hash: url.hash, citation });
  };

  it('finds the preview of a link from where it points: a page (or a section of it), a glossary or symbol entry, a cited source', () => {
    expect(previews[key('/apic/')]).toMatchObject({ type: 'page', title: site.pages.get('apic')!.data.title });
    expect(previews[key('/apic/#second-part')]).toMatchObject({ type: 'page', title: site.pages.get('apic')!.data.title });
    expect(previews[key('#second-part')]).toMatchObject({ type: 'page', title: site.pages.get('apic/child')!.data.title });
    expect(previews[key('/glossary/#xyz')]).toMatchObject({ type: 'term', title: 'XYZ' });
    expect(previews[key('/symbols/#do_thing')]).toMatchObject({ type: 'sym', title: 'do_thing' });
    expect(previews[key('#source-src-one', true)]).toMatchObject({ type: 'source' });
  });

  it('has no preview for a link to a glossary entry that does not exist', () => {
    expect(previews[key('/glossary/#nope')]).toBeUndefined();
  });
});
