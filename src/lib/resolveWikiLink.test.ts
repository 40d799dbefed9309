import { describe, expect, it } from 'vitest';
import { resolveWikiLink } from './resolveWikiLink.ts';
import { loadSite } from './site.ts';
import { GOOD_FIXTURE } from './testFixture.ts';
import { parseWikiLink, type WikiLink } from './wikiLink.ts';

const { site } = loadSite(GOOD_FIXTURE);
const resolve = (inner: string, from = 'apic') => resolveWikiLink(site, parseWikiLink(inner) as WikiLink, from);

describe('resolveWikiLink', () => {
  it('resolves a page to its URL with its title as label', () => {
    expect(resolve('apic/child')).toEqual({
      ok: true,
      link: { kind: 'page', href: '/apic/child/', label: 'Child page', pageId: 'apic/child', anchor: null },
    });
  });

  it('resolves a heading, defaulting the label to the heading text', () => {
    const result = resolve('apic/child#second-part');
    expect(result.ok && result.link).toMatchObject({ href: '/apic/child/#second-part', label: 'Second part' });
  });

  it('resolves a same-page anchor to a fragment', () => {
    const result = resolve('#overview|see above');
    expect(result.ok && result.link).toMatchObject({ href: '#overview', label: 'see above', pageId: 'apic' });
  });

  it('resolves a term by name or alias, in any case', () => {
    for (const key of ['term:XYZ', 'term:xyz', 'term:Ex Why Zed']) {
      const result = resolve(key);
      expect(result.ok && result.link).toEqual({ kind: 'term', href: '/glossary/#xyz', label: 'XYZ', termId: 'xyz' });
    }
  });

  it('resolves a symbol to the symbol index', () => {
    const result = resolve('sym:do_thing');
    expect(result.ok && result.link).toEqual({ kind: 'sym', href: '/symbols/#do_thing', label: 'do_thing', name: 'do_thing' });
  });

  it('resolves a citation to the page\'s source list entry', () => {
    const result = resolve('cite:src-two|§1.2');
    expect(result.ok && result.link).toEqual({ kind: 'cite', href: '#source-src-two', sourceId: 'src-two', locator: '§1.2' });
  });

  it('refuses unknown targets with a message', () => {
    expect(resolve('apic/nope')).toEqual({ ok: false, message: 'unknown page "apic/nope"' });
    expect(resolve('term:nope')).toEqual({ ok: false, message: 'unknown glossary term "nope"' });
  });
});
