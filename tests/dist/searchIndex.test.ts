// The built search index: the word index as re-cut by src/lib/search/pagefindIndexChunks.ts, read the
// way Pagefind's engine reads it. The engine swallows a chunk that fails to load, so a broken chunk
// list would show as results that quietly go missing; these checks catch it at build time instead. Also
// the excerpt windows of long pages (src/lib/search/excerptWindows.ts) against the fragments they cut.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acronymOf, ACRONYM_MARK, identifierGroup, IDENTIFIER_MARK } from '../../src/lib/search/indexTerms.ts';
import { PREFIX_FAMILY } from '../../src/lib/search/indexTerms.ts';
import { chunksForTerm, compareWords, decodePagefindData, familyOf, type ChunkRange, type PackedWord } from '../../src/lib/search/pagefindIndexChunks.ts';
import { decodeWindow, EXCERPTS_PATH, type ExcerptIndex } from '../../src/lib/search/excerptWindows.ts';
import { readFragments } from '../../src/lib/search/recordIds.ts';
import { indexVocabulary, type ServedVocabulary } from '../../src/lib/search/vocabulary.ts';
import { DIST } from './distSite.ts';

const bundle = join(DIST, 'pagefind');
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
const meta = decodePagefindData('pf_meta', gunzipSync(readFileSync(join(bundle, `pagefind.${entry.languages.en.hash}.pf_meta`)))) as [string, unknown[], ChunkRange[]];
const files = readdirSync(join(bundle, 'index'));
const chunks = new Map(files.map((f) => [f.replace(/\.pf_index$/, ''), readFileSync(join(bundle, 'index', f))]));
const wordsOf = new Map([...chunks].map(([id, gz]) => [id, (decodePagefindData(id, gunzipSync(gz)) as [PackedWord[]])[0].map((w) => w[0])]));
const chunkOf = new Map([...wordsOf].flatMap(([id, words]) => words.map((w) => [w, id] as const)));

describe('search index chunks', () => {
  // Chunks holding each identifier group ("~kvm_").
  const groupChunks = new Map<string, Set<string>>();
  for (const [word, id] of chunkOf) {
    const group = identifierGroup(word);
    if (group) groupChunks.set(group, (groupChunks.get(group) ?? new Set()).add(id));
  }

  it('the metadata lists exactly the chunk files written, a chunk again only under a group cut across chunks', () => {
    const listed = meta[2].map((c) => c[2]);
    expect([...new Set(listed)].sort()).toEqual([...chunks.keys()].sort());
    const again = meta[2].filter((c, i) => listed.indexOf(c[2]) !== i);
    for (const [from, to, id] of again) {
      expect(from, id).toBe(to);
      expect(identifierGroup(from), from).toBe(from);
      expect(groupChunks.get(from)?.has(id), `${from} ${id}`).toBe(true);
      expect(groupChunks.get(from)!.size, from).toBeGreaterThan(1);
    }
  });

  it('the metadata lists exactly the fragment files written, by their short ids', () => {
    const ids = (meta[1] as [string][]).map(([id]) => id);
    expect([...ids].sort()).toEqual(readdirSync(join(bundle, 'fragment')).map((f) => f.replace(/\.pf_fragment$/, '')).sort());
    // Four hex digits, more only where four were taken (shortRecordIds).
    expect(ids.filter((id) => !/^en_[0-9a-f]{4,7}$/.test(id))).toEqual([]);
    expect(ids.filter((id) => id.length > 7).length).toBeLessThan(ids.length / 20);
  });

  it('indexes every identifier under its mark, and only identifiers', () => {
    const words = [...chunkOf.keys()];
    expect(words.filter((w) => w.includes('_') !== w.startsWith(IDENTIFIER_MARK))).toEqual([]);
    // The site's largest group: a trace line's identifier loads one of its chunks, "kvm_" all of them.
    expect(groupChunks.get('~kvm_')!.size).toBeGreaterThan(1);
    expect(chunksForTerm(meta[2], '~kvm_exit')).toHaveLength(1);
    expect(new Set(chunksForTerm(meta[2], '~kvm_'))).toEqual(groupChunks.get('~kvm_'));
  });

  it('indexes the glossary acronyms as whole words, each with its plurals and possessives, as the vocabulary says', () => {
    const { indexAcronyms } = indexVocabulary(JSON.parse(readFileSync(join(DIST, 'search', 'vocabulary.json'), 'utf8')) as ServedVocabulary);
    const acronyms = new Set(indexAcronyms.values());
    expect([indexAcronyms.get('apic'), indexAcronyms.get('isrunning')]).toEqual(['apic', 'isrun']);
    // Words on some page (a family's empty prefix word, "eoi" before "eoiexit", is on none).
    const words = [...chunks].flatMap(([id, gz]) => (decodePagefindData(id, gunzipSync(gz)) as [PackedWord[]])[0].filter((w) => w[1].length).map((w) => w[0]));
    // An unmarked word is no acronym, plural or possessive of one ("apicv" and "apicaccess" are words of their own).
    const letters = (w: string) => /^[\p{L}\p{N}]*/u.exec(w)![0];
    expect(words.filter((w) => !w.startsWith(ACRONYM_MARK) && !w.startsWith(IDENTIFIER_MARK) && (acronyms.has(letters(w)) || acronyms.has(letters(w).replace(/s$/, ''))))).toEqual([]);
    const marked = new Set(words.filter((w) => w.startsWith(ACRONYM_MARK)).map((w) => acronymOf(w)));
    expect(marked).toEqual(new Set([...acronyms].map((a) => `${ACRONYM_MARK}${a}${ACRONYM_MARK}`)));
    // A search for one loads the one chunk with its forms.
    expect(chunksForTerm(meta[2], '^apic^')).toEqual([chunkOf.get('^apic^')]);
  });

  it('the engine finds every indexed word, and all the words it prefixes, in the chunks it loads for it', () => {
    const words = [...chunkOf.keys()].sort(compareWords);
    expect(words.length).toBeGreaterThan(1000);
    const lost: string[] = [];
    words.forEach((word, i) => {
      const found = chunksForTerm(meta[2], word);
      if (found.length !== 1 || found[0] !== chunkOf.get(word)) lost.push(`${word} (in ${found.length} ranges)`);
      // A word's extensions follow it in sorted order.
      if ([...word].length < PREFIX_FAMILY) return;
      for (let j = i + 1; j < words.length && words[j]!.startsWith(word); j++) if (!found.includes(chunkOf.get(words[j]!)!)) lost.push(`${words[j]} (for ${word})`);
    });
    // A group, the shortest identifier term, loads every chunk with its identifiers.
    for (const [group, ids] of groupChunks) for (const id of ids) if (!chunksForTerm(meta[2], group).includes(id)) lost.push(`${id} (for ${group})`);
    expect(lost).toEqual([]);
  });

  it('every family of words starts with its prefix as a word in its chunk, so a term the site lacks finds nothing', () => {
    const missing = [...chunkOf].filter(([w, id]) => chunkOf.get(familyOf(w)) !== id).map(([w]) => `${familyOf(w)} (for ${w})`);
    expect(missing).toEqual([]);
  });

  it('a one-word search fetches a small chunk: none over 16 KiB gzip unless it holds a single word', () => {
    for (const [id, gz] of chunks) if (wordsOf.get(id)!.length > 1) expect(gz.length, id).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('excerpt windows', () => {
  const vocabulary = JSON.parse(readFileSync(join(DIST, 'search', 'vocabulary.json'), 'utf8')) as ServedVocabulary;
  const dir = join(DIST, ...EXCERPTS_PATH.split('/'));
  const windowed = vocabulary.pages.filter((p) => p.excerpts);

  it('the vocabulary marks exactly the pages that have an excerpt index', () => {
    expect(windowed.length).toBeGreaterThan(20);
    expect(windowed.map((p) => `${p.id}.json`).sort()).toEqual(readdirSync(dir).filter((f) => f.endsWith('.json')).sort());
  });

  it("each windowed page's windows hold its Pagefind fragment's text word for word, and its index names its URL", () => {
    for (const page of windowed) {
      const [fragment] = readFragments([{ path: `fragment/${page.id}.pf_fragment`, content: gunzipSync(readFileSync(join(bundle, 'fragment', `${page.id}.pf_fragment`))) }]);
      const index = JSON.parse(readFileSync(join(dir, `${page.id}.json`), 'utf8')) as ExcerptIndex;
      // Window 0 is inline in the index; the others are files 1.json, 2.json, ...
      const files = readdirSync(join(dir, page.id)).length;
      const words = [decodeWindow(index.opening), ...Array.from({ length: files }, (_, n) => decodeWindow(JSON.parse(readFileSync(join(dir, page.id, `${n + 1}.json`), 'utf8')) as string))].flat();
      expect([index.url, index.words, words.join(' ')], page.url).toEqual([page.url, words.length, (fragment!.data.content as string).split(/[^\S\uFEFF]+/).join(' ')]);
    }
  });
});

describe('Brotli copies (src/integrations/brotliSiblings.ts)', () => {
  // What a browser holds once it has decoded the response: Pagefind's gzip data files inflated, any
  // other file as it is.
  const decoded = (path: string) => {
    const bytes = readFileSync(path);
    return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  };
  const copies = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.br'));

  it('every file a first search loads before its index chunks has one, and the filters /search/ loads', () => {
    const filters = readdirSync(join(bundle, 'filter')).filter((f) => f.endsWith('.pf_filter')).map((f) => `pagefind/filter/${f}`);
    expect(filters.length).toBeGreaterThan(0);
    const first = ['pagefind/pagefind.js', 'pagefind/wasm.en.pagefind', `pagefind/pagefind.${entry.languages.en.hash}.pf_meta`, 'search/vocabulary.json', ...filters];
    expect(copies.map((f) => f.split('\\').join('/')).sort()).toEqual(first.map((f) => `${f}.br`).sort());
  });

  it('each holds exactly what its file holds, as the engine reads it after the browser decodes it', () => {
    for (const copy of copies) {
      const path = join(DIST, copy);
      const data = brotliDecompressSync(readFileSync(path));
      expect(data.equals(decoded(path.slice(0, -3))), copy).toBe(true);
      if (copy.startsWith('pagefind') && !copy.endsWith('.js.br')) expect(data.subarray(0, 12).toString(), copy).toBe('pagefind_dcd');
    }
  });
});
