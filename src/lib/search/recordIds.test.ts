import { describe, expect, it } from 'vitest';
import { claimShortName, readFragments, recordIdsFromFragments, shortRecordIds, type PagefindFile } from './recordIds.ts';

const idsOf = (files: PagefindFile[]) => recordIdsFromFragments(readFragments(files));
const fragment = (id: string, data: unknown) => ({ path: `fragment/${id}.pf_fragment`, content: new TextEncoder().encode(`pagefind_dcd${JSON.stringify(data)}`) });

describe('readFragments and recordIdsFromFragments', () => {
  it('maps each record URL to the id its fragment file is named by, ignoring other files', () => {
    const ids = idsOf([
      fragment('en_1a2b3c4', { url: '/apic/', content: 'The local APIC' }),
      fragment('en_5d6e7f8', { url: '/glossary/#rvi', content: 'RVI' }),
      { path: 'index/en_9999999.pf_index', content: new Uint8Array([1, 2, 3]) },
    ]);
    expect([...ids]).toEqual([
      ['/apic/', 'en_1a2b3c4'],
      ['/glossary/#rvi', 'en_5d6e7f8'],
    ]);
  });

  it('names the file that is not a fragment it can read', () => {
    expect(() => idsOf([{ path: 'fragment/en_1.pf_fragment', content: new TextEncoder().encode('{"url":"/a/"}') }])).toThrow(
      'fragment/en_1.pf_fragment: not a Pagefind fragment',
    );
    expect(() => idsOf([fragment('en_2', { content: 'x' })])).toThrow('fragment/en_2.pf_fragment: Pagefind fragment without a url');
  });

  it('refuses two records for one URL (a card could show the wrong one)', () => {
    expect(() => idsOf([fragment('en_1', { url: '/a/' }), fragment('en_2', { url: '/a/' })])).toThrow('two search records for /a/');
  });
});

describe('shortRecordIds and claimShortName', () => {
  it('cuts each id to four hex digits, one more where the shorter name is taken, the same in any input order', () => {
    const ids = ['en_67f6535', 'en_d15c7ad', 'en_d15c0aa', 'en_d15c0ab'];
    const short = shortRecordIds(ids);
    expect([...short]).toEqual([
      ['en_67f6535', 'en_67f6'],
      ['en_d15c0aa', 'en_d15c'],
      ['en_d15c0ab', 'en_d15c0'],
      ['en_d15c7ad', 'en_d15c7'],
    ]);
    expect(shortRecordIds([...ids].reverse())).toEqual(short);
    expect(new Set(short.values()).size).toBe(ids.length);
  });

  it('keeps a full name whose every shorter start is taken, and fails clearly when that is taken too', () => {
    const taken = new Set(['en_abcde', 'en_abcdef']);
    expect(claimShortName('en_abcdef0', 5, taken)).toBe('en_abcdef0');
    expect(() => claimShortName('en_abcdef0', 5, taken)).toThrow('every short name of en_abcdef0 is taken');
    expect(() => claimShortName('abc', 2, new Set())).toThrow('abc is not named "en_<hash>"');
  });
});
