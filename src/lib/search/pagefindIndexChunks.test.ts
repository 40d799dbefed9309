import { describe, expect, it } from 'vitest';
import { indexWord } from './indexTerms.ts';
import { chunksForTerm, chunkRanges, chunkWords, compareWords, decodePagefindData, encodePagefindData, familyOf, groupRanges, indexedAcronyms, rechunkIndex, withEmptyPrefixWords, type ChunkRange, type PackedWord } from './pagefindIndexChunks.ts';

// A word on `pages` pages with `locs` positions each: 1 + locs units per page (Pagefind's measure).
const word = (w: string, pages = 1, locs = 1): PackedWord => [w, Array.from({ length: pages }, (_, p) => [p, Array.from({ length: locs }, (_, i) => i), []]), []];
const WORDS = ['apic', 'apic_bas', 'apicv', 'arch', 'avic', 'b2', 'bit', 'intel', 'interrupt', 'kvm', 'kvm_lapic_reg_writ', 'kvm_set', 'l1', 'l2', 'pi', 'pi_desc', 'pic', 'post', 're', 'read', 'reset', 'vmx', 'x2apic'].map((w) => word(w, 2, 4));
const ranges = (chunks: PackedWord[][]): ChunkRange[] => chunkRanges(chunks).map(([from, to], i) => [from, to, `c${i}`]);
const chunkOf = (chunks: PackedWord[][], w: string) => `c${chunks.findIndex((c) => c.some((x) => x[0] === w))}`;

describe('chunkWords', () => {
  it('cuts at the size given, in sorted order, keeping every word once', () => {
    const chunks = chunkWords([...WORDS].reverse(), 10);
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.flat().map((w) => w[0])).toEqual(WORDS.map((w) => w[0]));
  });

  it('never separates words that share their first three characters, or a word from its extensions', () => {
    const chunks = chunkWords(WORDS, 100);
    for (let i = 0; i + 1 < chunks.length; i++) {
      const [last, next] = [chunks[i]!.at(-1)![0], chunks[i + 1]![0]![0]];
      expect(next.startsWith(last), `${last} | ${next}`).toBe(false);
      expect(next.slice(0, 3) === last.slice(0, 3), `${last} | ${next}`).toBe(false);
    }
    expect(chunkOf(chunks, 'apicv')).toBe(chunkOf(chunks, 'apic'));
  });

  it('gives a family larger than a chunk a chunk of its own, instead of adding it to smaller ones', () => {
    // units: 1 + 1 per word; "avic" alone is 1 + 20.
    const words = [word('att'), word('aut'), word('auto'), word('avic', 1, 20), word('avicv'), word('bit')];
    expect(chunkWords(words, 10).map((c) => c.map((w) => w[0]))).toEqual([['att', 'aut', 'auto'], ['avic', 'avicv'], ['bit']]);
  });

  it('starts each family of words with its prefix as a word on no page, so a term the site lacks finds nothing', () => {
    const withPrefixes = withEmptyPrefixWords(WORDS);
    const added = withPrefixes.filter((w) => !WORDS.includes(w)).map((w) => w[0]);
    // "kvm" and "vmx" are words already; "bit" and "pic" have no longer words after them.
    expect(added).toEqual(['api', 'arc', 'avi', 'int', 'pi_', 'pos', 'rea', 'res', 'x2a']);
    expect(withPrefixes.find((w) => w[0] === 'res')![1]).toEqual([]);
    // "respond" (not a word) falls in the chunk of "res" and "reset": the engine's fallback, the longest
    // loaded word the term starts with, is then "res", on no page, whatever else is loaded ("re").
    const chunks = chunkWords(withPrefixes, 1);
    const [id] = chunksForTerm(ranges(chunks), 'respond');
    expect(chunks[Number(id!.slice(1))]!.map((w) => w[0])).toEqual(expect.arrayContaining(['res', 'reset']));
  });
});

describe('chunkRanges as the engine reads them (first chunk whose range holds the term)', () => {
  const chunks = chunkWords(WORDS, 1);
  const r = ranges(chunks);

  it('finds every word in its own chunk', () => {
    for (const w of WORDS) expect(chunksForTerm(r, w[0]), w[0]).toEqual([chunkOf(chunks, w[0])]);
  });

  it('puts every term, a word or not, in exactly one range (the engine loads each chunk whose range holds it)', () => {
    for (const term of ['', 'a', 'apic_a', 'b', 'kvm_z', 'respond', 'zzz', '\u{1F600}']) expect(chunksForTerm(r, term).length, term).toBeLessThanOrEqual(1);
    expect(chunksForTerm(r, 'respond')).toHaveLength(1);
  });

  it('finds a partial word where its prefix matches are, including between two chunks', () => {
    for (const w of WORDS) {
      for (let n = 1; n <= w[0].length; n++) {
        const term = w[0].slice(0, n);
        const extensions = WORDS.filter((x) => x[0].startsWith(term)).map((x) => chunkOf(chunks, x[0]));
        // From three characters on, all of a term's prefix matches are in the chunk it finds.
        if (n >= 3 || extensions.length === 1) expect(new Set(extensions), term).toEqual(new Set(chunksForTerm(r, term)));
        // Always at least the first one.
        expect(chunksForTerm(r, term), term).toEqual([extensions[0]]);
      }
    }
  });

  it('keeps bounds short and orders by code point, as the engine (Rust, UTF-8) does', () => {
    expect(r.every(([, to]) => [...to].length <= 4 || WORDS.some((w) => w[0] === to))).toBe(true);
    expect(compareWords('a\u{1F600}', 'a\uFFFD')).toBeGreaterThan(0); // UTF-16 order says the opposite
    expect(compareWords('apic', 'apicv')).toBeLessThan(0);
    expect(compareWords('apic', 'apic')).toBe(0);
  });
});

describe('identifier families', () => {
  // Identifiers as rechunkIndex indexes them (marked), after the acronym they start with.
  const ids = ['~__kvm_faultin_pfn', '~kvm_apic_send_ipi', '~kvm_apicv_activ', '~kvm_set', '~kvm_set_apicv_inhibit', '~kvm_x86_op'];
  const words = [word('kvm', 3), word('kvmclock'), ...ids.map((w) => word(w, 2, 30))];
  // Each identifier is 62 units: every family of them is a chunk of its own.
  const chunks = chunkWords(withEmptyPrefixWords(words), 60);
  const list: ChunkRange[] = [...ranges(chunks), ...groupRanges(chunks).map(([from, to, i]): ChunkRange => [from, to, `c${i}`])];
  const wordsIn = (term: string) => chunksForTerm(list, term).flatMap((id) => chunks[Number(id.slice(1))]!.map((w) => w[0]));

  it('share their group and one character more, other words their first three characters', () => {
    expect(['~kvm_set_apicv_inhibit', '~kvm_s', '~kvm_', '~__kvm_faultin_pfn', 'kvm_set', 'kvmclock', 'l2'].map(familyOf)).toEqual(['~kvm_s', '~kvm_s', '~kvm_', '~__', 'kvm', 'kvm', 'l2']);
    expect(chunks.map((c) => c.map((w) => w[0]))).toEqual([['kvm', 'kvmclock'], ['~__', '~__kvm_faultin_pfn'], ['~kvm_a', '~kvm_apic_send_ipi', '~kvm_apicv_activ'], ['~kvm_s', '~kvm_set', '~kvm_set_apicv_inhibit'], ['~kvm_x', '~kvm_x86_op']]);
  });

  it('as the engine reads the list, a group loads every chunk of its identifiers, a longer term only its family', () => {
    expect(groupRanges(chunks)).toEqual([['~kvm_', '~kvm_', 2], ['~kvm_', '~kvm_', 3], ['~kvm_', '~kvm_', 4]]);
    expect(new Set(wordsIn('~kvm_'))).toEqual(new Set([...ids.slice(1), '~kvm_a', '~kvm_s', '~kvm_x']));
    for (const term of ['~kvm_s', '~kvm_set', '~kvm_set_apicv_inhibit', '~kvm_set_zzz']) expect(wordsIn(term), term).toEqual(['~kvm_s', '~kvm_set', '~kvm_set_apicv_inhibit']);
    // The acronym reaches no identifier, whatever is loaded.
    for (const term of ['kvm', 'kvmc']) expect(wordsIn(term), term).toEqual(['kvm', 'kvmclock']);
    expect(wordsIn('~__kvm')).toEqual(['~__', '~__kvm_faultin_pfn']);
  });
});

describe('acronyms as whole words', () => {
  it('finds the glossary acronyms the index holds, as they are or stemmed, and no others', () => {
    const words = new Set(['apic', 'apicv', 'isrun', 'kvm']);
    expect(indexedAcronyms(['isrunning', 'apic', 'vmcs', 'apicv'], words)).toEqual(new Map([['apic', 'apic'], ['apicv', 'apicv'], ['isrunning', 'isrun']]));
  });

  it('keep an acronym with its plurals and possessives, apart from the words it begins', () => {
    const acronyms = new Set(['apic', 'tpr']);
    const words = ['api', 'apic', 'apic’s', 'apicaccess', 'apicv', 'tpr', 'tprs', 'tpri'].map((w) => word(indexWord(w, acronyms), 2, 30));
    const chunks = chunkWords(withEmptyPrefixWords(words), 60);
    expect(['^apic^’s', '^tpr^s'].map(familyOf)).toEqual(['^apic^', '^tpr^']);
    const list = ranges(chunks);
    const wordsIn = (term: string) => chunksForTerm(list, term).flatMap((id) => chunks[Number(id.slice(1))]!.map((w) => w[0]));
    expect(wordsIn('^apic^')).toEqual(['^apic^', '^apic^’s']);
    expect(wordsIn('^tpr^')).toEqual(['^tpr^', '^tpr^s']);
    expect(wordsIn('apic')).not.toContain('^apic^');
  });
});

describe('rechunkIndex', () => {
  const meta = (version: string, chunkList: ChunkRange[]) => encodePagefindData([version, [['en_p1', 10, '']], chunkList, [['kind', 'en_f1']], [], ['title']]);
  const files = [
    { name: 'en_a', bytes: encodePagefindData([WORDS.slice(0, 10)]) },
    { name: 'en_b', bytes: encodePagefindData([WORDS.slice(10)]) },
  ];
  const oldList: ChunkRange[] = [['apic', 'inte', 'en_a'], ['intel', 'x2apic', 'en_b']];
  let n = 0;
  const name = () => `en_n${n++}`;

  it('keeps every word and its postings, and rewrites only the chunk list of the metadata', () => {
    const out = rechunkIndex(files, meta('1.6.0', oldList), name, { chunkUnits: 10, acronyms: ['apic', 'avic', 'pi', 'vmcs'] });
    expect(out.acronyms).toEqual(new Map([['apic', 'apic'], ['avic', 'avic'], ['pi', 'pi']]));
    const m = decodePagefindData('meta', out.meta) as unknown[];
    const before = decodePagefindData('meta', meta('1.6.0', oldList)) as unknown[];
    expect([m[0], m[1], m[3], m[4], m[5]]).toEqual([before[0], before[1], before[3], before[4], before[5]]);
    const list = m[2] as ChunkRange[];
    // Each chunk once by its range, then again under [group, group] for a group cut across chunks.
    expect(list.slice(0, out.chunks.size).map((c) => c[2])).toEqual([...out.chunks.keys()]);
    expect(list.slice(out.chunks.size).map(([from, to]) => [from, to])).toEqual([['~kvm_', '~kvm_'], ['~kvm_', '~kvm_']]);
    const words = [...out.chunks.values()].flatMap((b) => (decodePagefindData('chunk', b) as [PackedWord[]])[0]);
    // Every word with its postings, identifiers marked, plus the empty prefix words, on no page.
    const indexed = WORDS.map((w): PackedWord => [indexWord(w[0], new Set(['apic', 'avic', 'pi'])), ...(w.slice(1) as [PackedWord[1]])]).sort((a, b) => compareWords(a[0], b[0]));
    expect(words.filter((w) => w[1].length)).toEqual(indexed);
    expect(words.filter((w) => !w[1].length).map((w) => w[0])).toEqual(withEmptyPrefixWords(indexed).slice(WORDS.length).map((w) => w[0]));
    expect(indexed.map((w) => w[0])).toEqual(expect.arrayContaining(['~kvm_set', '^apic^', '^pi^', 'apicv']));
    for (const w of indexed) {
      const [id] = chunksForTerm(list, w[0]);
      if (!id) throw new Error(`no chunk for ${w[0]}`);
      expect((decodePagefindData(id, out.chunks.get(id)!) as [PackedWord[]])[0].map((x) => x[0])).toContain(w[0]);
    }
  });

  it('fails with a clear message on another Pagefind release, a stray file or a missing one', () => {
    expect(() => rechunkIndex(files, meta('1.7.0', oldList), name)).toThrow(/Pagefind 1\.7\.0 wrote this index.*1\.6\.0/);
    expect(() => rechunkIndex([...files, { name: 'en_c', bytes: files[0]!.bytes }], meta('1.6.0', oldList), name)).toThrow('en_c.pf_index is not in the metadata');
    expect(() => rechunkIndex(files.slice(0, 1), meta('1.6.0', oldList), name)).toThrow('chunk files missing for en_b');
    expect(() => rechunkIndex([{ name: 'en_a', bytes: new Uint8Array([1, 2]) }, files[1]!], meta('1.6.0', oldList), name)).toThrow('en_a.pf_index: not a Pagefind data file');
  });
});
