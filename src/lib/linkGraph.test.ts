import { describe, expect, it } from 'vitest';
import { buildLinkGraph, citationAnchor, citationCounts, pageCitations } from './linkGraph.ts';
import { buildPreviews } from './previews.ts';
import { pathSteps, readingPaths, topicPages } from './readingPaths.ts';
import { loadSite } from './site.ts';
import { GOOD_FIXTURE } from './testFixture.ts';

const { site } = loadSite(GOOD_FIXTURE);
const graph = buildLinkGraph(site);

describe('buildLinkGraph', () => {
  it('records outgoing links once each, without self-links', () => {
    expect(graph.outgoing.get('apic')).toEqual(['apic/child']);
    expect(graph.outgoing.get('apic/child')).toEqual(['apic']);
    expect(graph.outgoing.get('apicv')).toEqual(['apic/child']);
  });

  it('computes backlinks, sorted', () => {
    expect(graph.backlinks.get('apic/child')).toEqual(['apic', 'apicv']);
    expect(graph.backlinks.get('apic')).toEqual(['apic/child']);
    expect(graph.backlinks.get('apicv')).toEqual([]);
  });

  it('records which pages use each term and symbol', () => {
    expect(graph.termUsage.get('xyz')).toEqual(['apic']);
    expect(graph.symbolUsage.get('do_thing')).toEqual(['apic']);
  });
});

describe('pageCitations', () => {
  it('numbers sources by first citation, then the remaining frontmatter sources', () => {
    expect(pageCitations(site, site.pages.get('apic')!).map((s) => s.id)).toEqual(['src-two', 'src-one']);
    expect(pageCitations(site, site.pages.get('apic/child')!).map((s) => s.id)).toEqual(['src-one']);
  });

  it('counts citations per source for the back-links, and a source never cited has none', () => {
    expect([...citationCounts(site.pages.get('apic')!)]).toEqual([['src-two', 1], ['src-one', 1]]);
    expect(citationCounts(site.pages.get('apic/child')!).size).toBe(0);
    expect(citationAnchor(1, 2)).toBe('cite-1-2');
  });
});

describe('reading paths', () => {
  it('orders a topic with its landing first, then by order', () => {
    expect(topicPages(site, 'apic').map((p) => p.id)).toEqual(['apic', 'apic/child']);
  });

  it('gives prev and next on every path containing a page', () => {
    const steps = pathSteps(readingPaths(site), 'apic/child');
    expect(steps.map((s) => [s.path.id, s.prev, s.next])).toEqual([
      ['tour', 'apic', 'apicv'],
      ['topic-apic', 'apic', null],
    ]);
  });
});

describe('buildPreviews', () => {
  it('has a preview for every page, term and symbol', () => {
    const previews = buildPreviews(site);
    expect(Object.keys(previews).sort()).toEqual(['/apic/', '/apic/child/', '/apicv/', '/glossary/#xyz', '/symbols/#do_thing', 'source:src-one', 'source:src-two']);
    expect(previews['/symbols/#do_thing']).toMatchObject({
      type: 'sym', file: 'arch/x86/kvm/thing.c',
      elixir: [
        { version: 'v6.5', url: 'https://elixir.bootlin.com/linux/v6.5/A/ident/do_thing' },
        { version: 'v6.12', url: 'https://elixir.bootlin.com/linux/v6.12/A/ident/do_thing' },
      ],
    });
    expect(previews['/glossary/#xyz']).toMatchObject({ type: 'term', expansion: 'Ex why zed' });
    expect(previews['source:src-one']).toEqual({ type: 'source', title: site.sources.get('src-one')!.data.title, kind: 'Web page', details: ['2026-01-01'] });
  });
});
