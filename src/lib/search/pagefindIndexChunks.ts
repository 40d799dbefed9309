// Re-cuts Pagefind's word index into small chunks. Pagefind 1.6 cuts its index every 20,000 word
// positions (a constant in its source, "TODO: Parameterize"), about 25 KiB gzip a chunk here, and a
// search fetches the whole chunk of each query word: a one-word search cost 25 KiB of index, a
// question 100-170 KiB. Cut finer, a query fetches little more than its own words' postings.
//
// Only the grouping changes (and the record numbers, when the build gives an order: pagefindPageOrder.ts):
// every word keeps its postings, and the metadata's chunk list is rewritten to match. Pagefind's engine
// loads, for each query term, the chunks whose range [from, to] in the list holds the term, then
// matches words by prefix among all the words it has loaded. So:
//   - ranges are contiguous and disjoint (chunkRanges), so any term, even a partial word between two
//     indexed words, falls in exactly one chunk, the one that holds its prefix matches (the engine loads
//     every chunk whose range holds a term: with empty lower bounds it fetched every chunk after it);
//   - a cut never separates words that share their first PREFIX_FAMILY characters, nor a word from its
//     extensions, so a term of at least that length finds all its prefix matches in one chunk;
//   - when a term matches no word by prefix, the engine falls back to the longest word it has loaded
//     that the term starts with. So "respond", which the site does not have, matched every page with
//     "re" once a search had loaded the chunk with "re" (typing "re" on the way does), and nothing
//     before: results depended on what was searched earlier. Each family of words sharing their first
//     PREFIX_FAMILY characters now starts with that prefix as a word on no page (withEmptyPrefixWords), in
//     the family's chunk, so such a term falls back on it, always, and finds nothing;
//   - kernel identifiers (words with "_") and the glossary's acronyms are indexed under marks,
//     "~kvm_set" and "^apic^" (indexTerms.ts, which says why). A term with "_" is at least its
//     identifier's group ("~kvm_"), so identifiers form families one character longer ("~kvm_s"), and
//     the chunks holding a group cut across chunks are listed again under the range [group, group]:
//     the engine loads every chunk whose range holds a term, so "kvm_" alone loads all of them, and a
//     pasted "kvm_exit" only the family it needs. An acronym's family is its marked form and its
//     plurals and possessives ("^tpr^s"), which a search for it, always the whole marked form, loads.
// The format (a signature, then CBOR) is read and written with cbor-x; this file never touches gzip or
// the disk (src/integrations/searchIndex.ts does).
import { Encoder, decode } from 'cbor-x';
import { stemmer } from 'stemmer';
import { acronymOf, identifierGroup, indexWord, PREFIX_FAMILY } from './indexTerms.ts';
import { pageRenumbering, renameMetaPages, renumberFilter, renumberMetaPages, renumberWord, type MetaPage, type PackedFilter } from './pagefindPageOrder.ts';

/** Pagefind's data files are gzip of this signature followed by the CBOR payload. */
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
/** The Pagefind release whose formats this file reads; another release fails the build, not search. */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';
/** Word positions (plus one per page a word is on) per chunk, Pagefind's own measure; it uses 20,000. */
export const CHUNK_UNITS = 1000;

/** A word with its postings, kept as decoded: [word, pages: [page, locations, ...][], ...]. */
export type PackedWord = [string, [number, number[], ...unknown[]][], ...unknown[]];
/** One entry of the metadata's chunk list: [from, to, hash]. */
export type ChunkRange = [string, string, string];
interface Meta extends Array<unknown> {
  0: string;
  1: MetaPage[];
  2: ChunkRange[];
  /** [filter name, file name] */
  3: [string, string][];
}

const encoder = new Encoder({ useRecords: false });

/** Decodes a gunzipped Pagefind data file (index chunk or metadata). `name` is for the error. */
export function decodePagefindData(name: string, bytes: Uint8Array): unknown {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error(`${name}: not a Pagefind data file (no "pagefind_dcd" signature)`);
  return decode(bytes.subarray(SIGNATURE.length));
}

/** The inverse of decodePagefindData (still to be gzipped). */
export function encodePagefindData(value: unknown): Uint8Array {
  const body = encoder.encode(value);
  const out = new Uint8Array(SIGNATURE.length + body.length);
  out.set(SIGNATURE);
  out.set(body, SIGNATURE.length);
  return out;
}

const units = (word: PackedWord) => word[1].reduce((n, page) => n + page[1].length + 1, 0);
// Pagefind's engine (Rust) orders words by their UTF-8 bytes, which is code-point order; JavaScript's
// < compares UTF-16 units, which differs for characters above U+FFFF. So words are compared, and cut,
// by code point.
const codePoints = (s: string) => Array.from(s);
const sharedPrefix = (a: string[], b: string[]) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};
/** Orders strings as the engine does. */
export function compareWords(a: string, b: string): number {
  const [x, y] = [codePoints(a), codePoints(b)];
  const i = sharedPrefix(x, y);
  if (i === x.length || i === y.length) return x.length - y.length;
  return x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
}
/**
 * The prefix a word's family shares, which no cut separates: its first PREFIX_FAMILY characters, for
 * an identifier its group and one character more ("~kvm_s"), for an acronym its marked form ("^tpr^").
 * A word shorter than that is its own.
 */
export function familyOf(word: string): string {
  const acronym = acronymOf(word);
  if (acronym) return acronym;
  const group = identifierGroup(word);
  return codePoints(word)
    .slice(0, group ? codePoints(group).length + 1 : PREFIX_FAMILY)
    .join('');
}

/** Sorts after every character. */
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * Groups words (sorted here) into chunks of about `chunkUnits`, cutting only between unrelated words.
 * Words no cut may separate (a family, familyOf; a word and its extensions) form a run; runs are
 * packed in order, and a run that would take a chunk past `chunkUnits` starts the next one. So a large
 * family ("apic", "kvm") is a chunk of its own, and a term of a small family next to it ("autoeoi"
 * before "avic") no longer loads the large one with its own.
 */
export function chunkWords(words: readonly PackedWord[], chunkUnits = CHUNK_UNITS): PackedWord[][] {
  const sorted = [...words].sort((a, b) => compareWords(a[0], b[0]));
  const runs: PackedWord[][] = [];
  sorted.forEach((word, i) => {
    const previous = sorted[i - 1]?.[0];
    if (previous === word[0]) throw new Error(`search index: the word "${word[0]}" is in two index chunks`);
    const joined = previous !== undefined && (word[0].startsWith(previous) || familyOf(previous) === familyOf(word[0]));
    if (joined) runs.at(-1)!.push(word);
    else runs.push([word]);
  });
  const chunks: PackedWord[][] = [];
  let size = 0;
  for (const run of runs) {
    const runUnits = run.reduce((n, w) => n + units(w), 0);
    if (!chunks.length || (size > 0 && size + runUnits > chunkUnits)) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(...run);
    size += runUnits;
  }
  return chunks;
}

/**
 * The words plus each family's prefix (familyOf) as a word on no page, unless it is a word already: the
 * fallback the header describes.
 */
export function withEmptyPrefixWords(words: readonly PackedWord[]): PackedWord[] {
  const present = new Set(words.map((w) => w[0]));
  const prefixes = new Set<string>();
  for (const [word] of words) {
    const family = familyOf(word);
    if (!present.has(family)) prefixes.add(family);
  }
  return [...words, ...[...prefixes].map((prefix): PackedWord => [prefix, [], []])];
}

/**
 * The ranges [group, group] that list, again, each chunk holding part of an identifier group cut across
 * chunks ("~kvm_" over three chunks): a term that is just the group loads all of them.
 */
export function groupRanges(chunks: readonly (readonly PackedWord[])[]): [string, string, number][] {
  const holders = new Map<string, Set<number>>();
  chunks.forEach((chunk, i) => {
    for (const [word] of chunk) {
      const group = identifierGroup(word);
      if (group) holders.set(group, (holders.get(group) ?? new Set()).add(i));
    }
  });
  return [...holders].filter(([, at]) => at.size > 1).flatMap(([group, at]) => [...at].map((i): [string, string, number] => [group, group, i]));
}

/**
 * Each chunk's [from, to], contiguous and disjoint, so that any term falls in the one chunk that can hold
 * words it is a prefix of. `to` is short: the last word cut just past where it parts from the next
 * chunk's first word, then the last Unicode character. Any term up to that bound sorts before the next
 * chunk's words and has no prefix matches there.
 */
export function chunkRanges(chunks: readonly (readonly PackedWord[])[]): [string, string][] {
  const tos = chunks.map((chunk, i) => {
    const last = chunk.at(-1)![0];
    const next = chunks[i + 1]?.[0]![0];
    if (next === undefined) return last;
    const kept = codePoints(last);
    return kept.slice(0, sharedPrefix(kept, codePoints(next)) + 1).join('') + LAST_CHARACTER;
  });
  // Each range starts just after the previous one's bound (NUL is the first character), so no term is in
  // two ranges. (Tried: with empty lower bounds, Pagefind 1.6 fetched every chunk after the term.)
  return tos.map((to, i) => [i === 0 ? '' : `${tos[i - 1]!}\u0000`, to]);
}

/** A Pagefind data file: its name without extension, and its content gunzipped. */
export interface PagefindDataFile {
  name: string;
  bytes: Uint8Array;
}

export interface RechunkOptions {
  chunkUnits?: number;
  /**
   * Record ids (fragment hashes) in the order to number the records (pagefindPageOrder.ts), with the
   * filter files, whose page lists change with it. Without it, Pagefind's numbering stays.
   */
  renumber?: {
    order: readonly string[];
    filters: readonly PagefindDataFile[];
    /** New record ids by Pagefind's (recordIds.ts, shortRecordIds), written into the metadata; `order` lists the new ones. */
    rename?: ReadonlyMap<string, string>;
  };
  /** The glossary's acronyms, lower case: indexed as whole words (indexTerms.ts). */
  acronyms?: Iterable<string>;
}

export interface RechunkedIndex {
  /** New chunk files by name (without extension), each still to be gzipped. */
  chunks: Map<string, Uint8Array>;
  /** Renumbered filter files by name, each still to be gzipped (empty when not renumbered). */
  filters: Map<string, Uint8Array>;
  /** The metadata with the new chunk list (and filter list), still to be gzipped. */
  meta: Uint8Array;
  /** The acronyms the index holds, by the names readers type (indexedAcronyms), for the query layer. */
  acronyms: Map<string, string>;
}

/**
 * The acronyms of `names` the index holds, by name: the index word each is, or else its stem is
 * (Pagefind stemmed "isrunning" to "isrun"; this Porter stemmer agrees on such suffixes, and a name
 * whose stem is no index word is left out, so nothing the index lacks is ever searched for).
 */
export function indexedAcronyms(names: Iterable<string>, words: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of [...names].sort()) {
    const word = [name, stemmer(name)].find((w) => words.has(w));
    if (word) out.set(name, word);
  }
  return out;
}

/**
 * Re-cuts a language's word index. `chunks` are the gunzipped .pf_index files, `meta` the gunzipped
 * .pf_meta; `name(bytes)` names a new chunk or filter file (Pagefind names them by a hash of their content).
 */
export function rechunkIndex(chunks: readonly PagefindDataFile[], meta: Uint8Array, name: (bytes: Uint8Array) => string, options: RechunkOptions = {}): RechunkedIndex {
  const { chunkUnits = CHUNK_UNITS, renumber, acronyms: acronymNames = [] } = options;
  const metaValue = decodePagefindData('pf_meta', meta) as Meta;
  if (metaValue[0] !== PAGEFIND_FORMAT_VERSION) {
    throw new Error(`search index: Pagefind ${String(metaValue[0])} wrote this index, but its chunks are re-cut for the ${PAGEFIND_FORMAT_VERSION} format (src/lib/search/pagefindIndexChunks.ts): check the format and update the version`);
  }
  const listed = new Set(metaValue[2].map((c) => c[2]));
  let words: PackedWord[] = [];
  for (const chunk of chunks) {
    if (!listed.has(chunk.name)) throw new Error(`search index: ${chunk.name}.pf_index is not in the metadata's chunk list`);
    listed.delete(chunk.name);
    const value = decodePagefindData(`${chunk.name}.pf_index`, chunk.bytes) as [PackedWord[]];
    words.push(...value[0]);
  }
  if (listed.size) throw new Error(`search index: chunk files missing for ${[...listed].join(', ')}`);
  const filters = new Map<string, Uint8Array>();
  if (renumber) {
    if (renumber.rename) metaValue[1] = renameMetaPages(metaValue[1], renumber.rename);
    const numbers = pageRenumbering(metaValue[1], renumber.order);
    words = words.map((w) => renumberWord(w, numbers));
    metaValue[1] = renumberMetaPages(metaValue[1], numbers);
    const files = new Map(renumber.filters.map((f) => [f.name, f]));
    // By name: Pagefind lists the filters in its hash map's order.
    metaValue[3] = [...metaValue[3]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([filter, file]) => {
      const found = files.get(file);
      if (!found) throw new Error(`search index: filter file ${file}.pf_filter (${filter}) is missing`);
      files.delete(file);
      const bytes = encodePagefindData(renumberFilter(decodePagefindData(`${file}.pf_filter`, found.bytes) as PackedFilter, numbers));
      const id = name(bytes);
      filters.set(id, bytes);
      return [filter, id];
    });
    if (files.size) throw new Error(`search index: ${[...files.keys()].join(', ')}.pf_filter not in the metadata's filter list`);
  }
  const acronyms = indexedAcronyms(acronymNames, new Set(words.map((w) => w[0])));
  const marked = new Set(acronyms.values());
  const packed = chunkWords(withEmptyPrefixWords(words.map((w): PackedWord => [indexWord(w[0], marked), ...(w.slice(1) as [PackedWord[1]])])), chunkUnits);
  const out = new Map<string, Uint8Array>();
  const ids = packed.map((chunk) => {
    const bytes = encodePagefindData([chunk]);
    const id = name(bytes);
    if (out.has(id)) throw new Error(`search index: two index chunks named ${id}`);
    out.set(id, bytes);
    return id;
  });
  metaValue[2] = [...chunkRanges(packed).map(([from, to], i): ChunkRange => [from, to, ids[i]!]), ...groupRanges(packed).map(([from, to, i]): ChunkRange => [from, to, ids[i]!])];
  return { chunks: out, filters, meta: encodePagefindData(metaValue), acronyms };
}

/** The chunks the engine loads for a query term: each one listed with a range that holds it. */
export const chunksForTerm = (ranges: readonly ChunkRange[], term: string) => [...new Set(ranges.filter(([from, to]) => compareWords(term, from) >= 0 && compareWords(term, to) <= 0).map((c) => c[2]))];
