// The built search index: the word index as re-cut by src/lib/search/pagefindIndexChunks.ts, read the
// way Pagefind's engine reads it. The engine swallows a chunk that fails to load, so a broken chunk
// list would show as results that quietly go missing; these checks catch it at build time instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunksForTerm, compareWords, decodePagefindData, PREFIX_FAMILY, type ChunkRange, type PackedWord } from '../../src/lib/search/pagefindIndexChunks.ts';
import { DIST } from './distSite.ts';

const bundle = join(DIST, 'pagefind');
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
const meta = decodePagefindData('pf_meta', gunzipSync(readFileSync(join(bundle, `pagefind.${entry.languages.en.hash}.pf_meta`)))) as [string, unknown[], ChunkRange[]];
const files = readdirSync(join(bundle, 'index'));
const chunks = new Map(files.map((f) => [f.replace(/\.pf_index$/, ''), readFileSync(join(bundle, 'index', f))]));
const wordsOf = new Map([...chunks].map(([id, gz]) => [id, (decodePagefindData(id, gunzipSync(gz)) as [PackedWord[]])[0].map((w) => w[0])]));
const chunkOf = new Map([...wordsOf].flatMap(([id, words]) => words.map((w) => [w, id] as const)));

describe('search index chunks', () => {
  it('the metadata lists exactly the chunk files written', () => {
    expect(meta[2].map((c) => c[2]).sort()).toEqual([...chunks.keys()].sort());
  });

  it('the engine finds every indexed word, and all the words it prefixes, in the chunk it loads for it', () => {
    const words = [...chunkOf.keys()].sort(compareWords);
    expect(words.length).toBeGreaterThan(1000);
    const lost: string[] = [];
    words.forEach((word, i) => {
      const found = chunksForTerm(meta[2], word);
      const loaded = found[0];
      if (found.length !== 1 || loaded !== chunkOf.get(word)) lost.push(`${word} (in ${found.length} ranges)`);
      // A word's extensions follow it in sorted order.
      if ([...word].length < PREFIX_FAMILY) return;
      for (let j = i + 1; j < words.length && words[j]!.startsWith(word); j++) if (chunkOf.get(words[j]!) !== loaded) lost.push(`${words[j]} (for ${word})`);
    });
    expect(lost).toEqual([]);
  });

  it('every family of words starts with its prefix as a word in its chunk, so a term the site lacks finds nothing', () => {
    const missing = [...chunkOf.keys()].filter((w) => [...w].length > PREFIX_FAMILY).map((w) => [...w].slice(0, PREFIX_FAMILY).join('')).filter((p) => !chunkOf.has(p));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('a one-word search fetches a small chunk: none over 16 KiB gzip unless it holds a single word', () => {
    for (const [id, gz] of chunks) if (wordsOf.get(id)!.length > 1) expect(gz.length, id).toBeLessThanOrEqual(16 * 1024);
  });
});
