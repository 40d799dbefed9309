import { describe, expect, it } from 'vitest';
import { pageSearchAliases, searchAcronyms } from './searchMeta.ts';
import { loadSite } from './site.ts';
import { fixtureWith, GOOD_FIXTURE } from './testFixture.ts';

describe('search metadata', () => {
  it('gives a page its aliases and the glossary terms it explains', () => {
    const { site } = loadSite(GOOD_FIXTURE);
    expect(pageSearchAliases(site, site.pages.get('apic')!)).toEqual(['ALP', 'XYZ', 'Ex why zed', 'ex why zed']);
  });

  it('splits single-token names into acronyms and tokens that extend another page\'s', () => {
    const dir = fixtureWith({ 'docs/apicv/index.mdx': (t) => t.replace('kind: concept\n', 'kind: concept\naliases: [XYZ12, BETA, beta thing, beta_fn, B2X]\n') });
    const acronyms = searchAcronyms(loadSite(dir).site);
    expect(acronyms.get('apic')).toEqual({ acronyms: ['ALP', 'XYZ'], extended: [] });
    // "XYZ12" would also match the query "XYZ" (Pagefind matches meta by prefix): weighted lower.
    expect(acronyms.get('apicv')).toEqual({ acronyms: ['BETA'], extended: ['XYZ12', 'B2X'] });
  });
});
