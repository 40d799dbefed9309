import { describe, expect, it } from 'vitest';
import { parseWikiLink } from './wikiLink.ts';

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
});
