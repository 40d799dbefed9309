import { describe, expect, it } from 'vitest';
import { decodePagefindData, encodePagefindData, rechunkIndex, type ChunkRange, type PackedWord } from './pagefindIndexChunks.ts';
import { pageRenumbering, renumberFilter, renumberMetaPages, renumberWord, type MetaPage, type PackedFilter } from './pagefindPageOrder.ts';

// Postings store each page number as the difference from the previous one: pages 0, 2 and 3 are [0, 2, 1].
const absolute = (word: PackedWord) => word[1].reduce<number[]>((pages, p) => [...pages, (pages.at(-1) ?? 0) + p[0]], []);

describe('renumbering records into a chosen order', () => {
  // Pagefind finished c, a, d, b (numbers 0-3); the build wants a, b, c, d.
  const pages: MetaPage[] = [['en_c', 30, ''], ['en_a', 10, ''], ['en_d', 40, ''], ['en_b', 20, '']];
  const order = ['en_a', 'en_b', 'en_c', 'en_d'];
  const renumber = pageRenumbering(pages, order);

  it('numbers each record by its place in the order, and lists the metadata pages that way', () => {
    expect(renumber).toEqual([2, 0, 3, 1]);
    expect(renumberMetaPages(pages, renumber).map((p) => p[0])).toEqual(order);
  });

  it('keeps each posting with its record, ascending and difference-coded again', () => {
    // "apic" on records 0 (c), 2 (d) and 3 (b), with their locations.
    const word: PackedWord = ['apic', [[0, [5], []], [2, [7, 9], [1]], [1, [11], []]], []];
    const out = renumberWord(word, renumber);
    expect(absolute(out)).toEqual([1, 2, 3]); // b, c, d
    expect(out[1].map((p) => p[1])).toEqual([[11], [5], [7, 9]]);
    expect(out[1][2]![2]).toEqual([1]);
    expect(out[0]).toBe('apic');
  });

  it('renumbers the postings of a spelling with diacritics too', () => {
    const word: PackedWord = ['ahvenjarvi', [], [['ahvenjärvi', [[1, [4], []], [2, [8], []]]]]];
    const out = renumberWord(word, renumber) as unknown as [string, [], [string, PackedWord[1]][]];
    expect(out[2][0]![0]).toBe('ahvenjärvi');
    expect(absolute(['', out[2][0]![1], []])).toEqual([0, 1]); // a (was 1) and b (was 3)
    expect(out[2][0]![1].map((p) => p[1])).toEqual([[4], [8]]);
  });

  it('renumbers filter page lists and sorts the values by name', () => {
    const filter: PackedFilter = ['vendor', [['Intel', [0, 2]], ['AMD', [1, 3]]]];
    expect(renumberFilter(filter, renumber)).toEqual(['vendor', [['AMD', [0, 1]], ['Intel', [2, 3]]]]);
  });

  it('fails clearly when the order and the index disagree', () => {
    expect(() => pageRenumbering(pages, ['en_a', 'en_b', 'en_c'])).toThrow('record en_d is in the index but not in the record order');
    expect(() => pageRenumbering(pages, [...order, 'en_e'])).toThrow('records in the order but not in the index: en_e');
    expect(() => pageRenumbering(pages, ['en_a', 'en_a', 'en_c', 'en_d'])).toThrow('lists a record twice');
    expect(() => renumberWord(['x', [[9, [], []]], []], renumber)).toThrow('the word "x" is on record 9');
  });
});

describe('rechunkIndex with a record order', () => {
  const words: PackedWord[] = [
    ['apic', [[0, [1], []], [3, [2], []]], []], // records 0 and 3
    ['avic', [[2, [4], []]], []], // record 2
  ];
  const list: ChunkRange[] = [['', 'zz', 'en_w']];
  const meta = encodePagefindData(['1.6.0', [['en_c', 3, ''], ['en_a', 1, ''], ['en_d', 4, ''], ['en_b', 2, '']], list, [['vendor', 'en_v'], ['kind', 'en_k']], [], []]);
  const filters = [
    { name: 'en_v', bytes: encodePagefindData(['vendor', [['Intel', [0, 2]], ['AMD', [1, 3]]]]) },
    { name: 'en_k', bytes: encodePagefindData(['kind', [['Concept', [0, 1, 2, 3]]]]) },
  ];
  const run = (order: string[]) => rechunkIndex([{ name: 'en_w', bytes: encodePagefindData([words]) }], meta, (b) => `en_${b.length}_${b.reduce((n, x) => (n * 31 + x) % 1e9, 7)}`, { renumber: { order, filters } });

  it('rewrites postings, metadata pages and filters together, filters listed by name', () => {
    const out = run(['en_a', 'en_b', 'en_c', 'en_d']);
    const m = decodePagefindData('meta', out.meta) as [string, MetaPage[], ChunkRange[], [string, string][]];
    expect(m[1].map((p) => p[0])).toEqual(['en_a', 'en_b', 'en_c', 'en_d']);
    expect(m[3].map((f) => f[0])).toEqual(['kind', 'vendor']);
    expect([...out.filters.keys()]).toEqual(m[3].map((f) => f[1]));
    expect(decodePagefindData('f', out.filters.get(m[3][1]![1])!)).toEqual(['vendor', [['AMD', [0, 1]], ['Intel', [2, 3]]]]);
    const all = [...out.chunks.values()].flatMap((b) => (decodePagefindData('c', b) as [PackedWord[]])[0]);
    expect(absolute(all.find((w) => w[0] === 'apic')!)).toEqual([1, 2]); // b and c
    expect(absolute(all.find((w) => w[0] === 'avic')!)).toEqual([3]); // d
  });

  it('renames the records in the metadata when given new ids, and numbers them by the order of the new ids', () => {
    const rename = new Map([['en_a', 'en_1'], ['en_b', 'en_2'], ['en_c', 'en_3'], ['en_d', 'en_4']]);
    const out = rechunkIndex([{ name: 'en_w', bytes: encodePagefindData([words]) }], meta, (b) => `en_${b.length}`, { renumber: { order: ['en_1', 'en_2', 'en_3', 'en_4'], filters, rename } });
    const m = decodePagefindData('meta', out.meta) as [string, MetaPage[]];
    expect(m[1]).toEqual([['en_1', 1, ''], ['en_2', 2, ''], ['en_3', 3, ''], ['en_4', 4, '']]);
    // A record the index lists without a new name would be unreachable: the build fails naming it.
    expect(() => rechunkIndex([{ name: 'en_w', bytes: encodePagefindData([words]) }], meta, () => 'x', { renumber: { order: ['en_1'], filters, rename: new Map([['en_a', 'en_1']]) } })).toThrow('record en_c is in the index but has no new name');
  });

  it('names a filter file that the metadata does not list, or one missing', () => {
    const bundle = (f: typeof filters) => () => rechunkIndex([{ name: 'en_w', bytes: encodePagefindData([words]) }], meta, () => 'x', { renumber: { order: ['en_a', 'en_b', 'en_c', 'en_d'], filters: f } });
    expect(bundle(filters.slice(0, 1))).toThrow('filter file en_k.pf_filter (kind) is missing');
    expect(bundle([...filters, { name: 'en_z', bytes: filters[0]!.bytes }])).toThrow("en_z.pf_filter not in the metadata's filter list");
  });
});
