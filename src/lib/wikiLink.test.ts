import { describe, expect, it } from 'vitest';
import { leakedWikiLinks, parseWikiLink, strayWikiLinkOpenings, WIKILINK_PATTERN } from './wikiLink.ts';

describe('parseWikiLink', () => {
  it('parses page links with and without anchor and label', () => {
    expect(parseWikiLink('apicv/posted-interrupts')).toEqual({ kind: 'page', page: 'apicv/posted-interrupts', anchor: null, label: null });
    expect(parseWikiLink('apicv/posted-interrupts#descriptor|the descriptor')).toEqual({
      kind: 'page', page: 'apicv/posted-interrupts', anchor: 'descriptor', label: 'the descriptor',
    });
    expect(parseWikiLink('#rvi-and-svi|RVI')).toEqual({ kind: 'page', page: null, anchor: 'rvi-and-svi', label: 'RVI' });
  });

  it('parses term, symbol and citation links', () => {
    expect(parseWikiLink('term:RVI')).toEqual({ kind: 'term', key: 'RVI', label: null });
    expect(parseWikiLink('term:RVI|requesting vector')).toEqual({ kind: 'term', key: 'RVI', label: 'requesting vector' });
    expect(parseWikiLink('sym:kvm_set_apicv_inhibit')).toEqual({ kind: 'sym', name: 'kvm_set_apicv_inhibit', label: null });
    expect(parseWikiLink('cite:sdm|§29.6')).toEqual({ kind: 'cite', id: 'sdm', locator: '§29.6' });
  });

  it('explains malformed links', () => {
    expect(parseWikiLink('|label')).toBe('empty link target in [[|label]]');
    expect(parseWikiLink('term:')).toBe('missing term name in [[term:]]');
    expect(parseWikiLink('foo:bar')).toBe('unknown link prefix in [[foo:bar]]; use term:, sym: or cite:');
    expect(parseWikiLink('apic#')).toBe('empty anchor in [[apic#]]');
  });

  it('reads a link wrapped across source lines as if written on one line', () => {
    const text = 'the [[apicv/apic-access-page|APIC-register\nvirtualization]], and';
    const [m] = [...text.matchAll(WIKILINK_PATTERN)];
    expect(parseWikiLink(m![1]!)).toEqual({ kind: 'page', page: 'apicv/apic-access-page', anchor: null, label: 'APIC-register virtualization' });
    expect(parseWikiLink('cite:sdm|§29.6,\n  table 29-1')).toEqual({ kind: 'cite', id: 'sdm', locator: '§29.6, table 29-1' });
  });
});

describe('strayWikiLinkOpenings', () => {
  it('finds a [[ that opens no link, and nothing in well-formed text', () => {
    expect(strayWikiLinkOpenings('a [[x]] b [[y|\nz]] c')).toEqual([]);
    expect(strayWikiLinkOpenings('a [[x]] b [[unclosed')).toEqual([10]);
    expect(strayWikiLinkOpenings('[[term:X|a ')).toEqual([0]);
  });
});

describe('leakedWikiLinks', () => {
  it('finds [[ in page text and attributes with its HTML line, but not in code or scripts', () => {
    const html = '<p>ok</p>\n<pre><code>a[[0]]\n</code></pre>\n<p>With the [[apicv/apic-access-page|APIC-register\nvirtualization]]</p>\n<script>x="[["</script><code>[[sym]]</code>';
    expect(leakedWikiLinks(html)).toEqual([{ line: 4, excerpt: '[[apicv/apic-access-page|APIC-register' }]);
    expect(leakedWikiLinks('<meta content="see [[x]]">')).toEqual([{ line: 1, excerpt: '[[x]]">' }]);
    expect(leakedWikiLinks('<p>fine</p>')).toEqual([]);
  });
});
