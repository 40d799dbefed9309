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
//   - one exception to keeping a word with its extensions: the kernel identifiers that extend a word
//     with "_" ("kvm_set_apicv_inhibit" after "kvm") are lifted into a chunk of their own when they are
//     many (liftIdentifierGroups), with the range ["kvm_", "kvm_" + the last character]; the family's
//     chunk is listed twice, for the ranges on either side of it (rangesAround), so a term loads one
//     chunk: from "kvm_" on the lifted one, "kvm" itself the family without them. A pasted trace line,
//     which searches identifiers, then loads 5 KiB of "kvm_" words instead of the 11 KiB family. The
//     term "kvm" would match the identifiers only once their chunk is loaded, so the query layer loads
//     it first (searchPagefind in src/scripts/searchEngine.ts): results do not depend on earlier searches.
// The format (a signature, then CBOR) is read and written with cbor-x; this file never touches gzip or
// the disk (src/integrations/searchIndex.ts does).
import { Encoder, decode } from 'cbor-x';
import { pageRenumbering, renumberFilter, renumberMetaPages, renumberWord, type MetaPage, type PackedFilter } from './pagefindPageOrder.ts';

/** Pagefind's data files are gzip of this signature followed by the CBOR payload. */
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
/** The Pagefind release whose formats this file reads; another release fails the build, not search. */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';
/** Word positions (plus one per page a word is on) per chunk, Pagefind's own measure; it uses 20,000. */
export const CHUNK_UNITS = 1000;
/** Words sharing this many leading characters stay in one chunk. */
export const PREFIX_FAMILY = 3;
/** Identifiers extending a word with "_" are lifted into a chunk of their own from this many units on. */
export const LIFT_UNITS = CHUNK_UNITS / 4;

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
/** Sorts after every character. */
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * Groups words (sorted here) into chunks of about `chunkUnits`, cutting only between unrelated words.
 * Words no cut may separate (a family sharing its first `prefixFamily` characters, a word and its
 * extensions) form a run; runs are packed in order, and a run that would take a chunk past `chunkUnits`
 * starts the next one. So a large family ("apic", "kvm") is a chunk of its own, and a term of a small
 * family next to it ("autoeoi" before "avic") no longer loads the large one with its own.
 */
export function chunkWords(words: readonly PackedWord[], chunkUnits = CHUNK_UNITS, prefixFamily = PREFIX_FAMILY): PackedWord[][] {
  const sorted = [...words].sort((a, b) => compareWords(a[0], b[0]));
  const runs: PackedWord[][] = [];
  sorted.forEach((word, i) => {
    const previous = sorted[i - 1]?.[0];
    if (previous === word[0]) throw new Error(`search index: the word "${word[0]}" is in two index chunks`);
    const joined = previous !== undefined && (word[0].startsWith(previous) || sharedPrefix(codePoints(previous), codePoints(word[0])) >= prefixFamily);
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
 * The words plus, for each family of words sharing their first `prefixFamily` characters, that prefix as
 * a word on no page (unless it is a word already): the fallback the header describes.
 */
export function withEmptyPrefixWords(words: readonly PackedWord[], prefixFamily = PREFIX_FAMILY): PackedWord[] {
  const present = new Set(words.map((w) => w[0]));
  const prefixes = new Set<string>();
  for (const [word] of words) {
    const chars = codePoints(word);
    if (chars.length <= prefixFamily) continue;
    const prefix = chars.slice(0, prefixFamily).join('');
    if (!present.has(prefix)) prefixes.add(prefix);
  }
  return [...words, ...[...prefixes].map((prefix): PackedWord => [prefix, [], []])];
}

/**
 * Splits sorted `words` into the identifier groups to lift and the rest: for a word W, the words that
 * start with W + "_" ("kvm_set" for "kvm") when together they are at least `liftUnits`. Each group is
 * returned with W + "_" as its first word, on no page (unless it is a word already), so a term in its
 * range that matches nothing falls back on it and finds nothing, whatever else is loaded.
 */
export function liftIdentifierGroups(words: readonly PackedWord[], liftUnits = LIFT_UNITS): { rest: PackedWord[]; lifted: PackedWord[][] } {
  const sorted = [...words].sort((a, b) => compareWords(a[0], b[0]));
  /** The first word that sorts at or after `s`. */
  const lowerBound = (s: string) => {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareWords(sorted[mid]![0], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // The words with a prefix are a block of sorted order, though not always right after the word itself
  // ("kvm2" sorts between "kvm" and "kvm_set"). Shorter prefixes first, so "kvm_apic_" stays in "kvm_".
  const prefixes = sorted.map((w) => `${w[0]}_`).sort((a, b) => [...a].length - [...b].length || compareWords(a, b));
  const blocks = new Map<number, { end: number; prefix: string }>();
  const taken: [number, number][] = [];
  for (const prefix of prefixes) {
    const start = lowerBound(prefix);
    if (start >= sorted.length || !sorted[start]![0].startsWith(prefix) || taken.some(([from, to]) => start >= from && start < to)) continue;
    let end = start;
    let size = 0;
    for (; end < sorted.length && sorted[end]![0].startsWith(prefix); end++) size += units(sorted[end]!);
    if (size < liftUnits) continue;
    blocks.set(start, { end, prefix });
    taken.push([start, end]);
  }
  const rest: PackedWord[] = [];
  const lifted: PackedWord[][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const block = blocks.get(i);
    if (!block) {
      rest.push(sorted[i]!);
      continue;
    }
    const group = sorted.slice(i, block.end);
    lifted.push(group[0]![0] === block.prefix ? group : [[block.prefix, [], []], ...group]);
    i = block.end - 1;
  }
  return { rest, lifted };
}

/** The range of a lifted identifier group, inside its word's chunk's: every term from "kvm_" on. */
export const liftedRange = (group: readonly PackedWord[]): [string, string] => [group[0]![0], `${group[0]![0]}${LAST_CHARACTER}`];

/**
 * A chunk's range with the lifted ranges inside it left out: the parts on either side of each, which the
 * metadata lists for the same chunk. Below "kvm_" ends at "kvm^" and the last character ("^" sorts just
 * before "_"); above it starts just after the lifted range's end.
 */
export function rangesAround([from, to]: [string, string], holes: readonly [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  let start = from;
  for (const [holeFrom, holeTo] of [...holes].sort((a, b) => compareWords(a[0], b[0]))) {
    if (compareWords(holeFrom, start) <= 0 || compareWords(holeTo, to) >= 0) continue;
    const chars = [...holeFrom];
    const before = String.fromCodePoint(chars.at(-1)!.codePointAt(0)! - 1);
    out.push([start, `${chars.slice(0, -1).join('')}${before}${LAST_CHARACTER}`]);
    start = `${holeTo}\u0000`;
  }
  out.push([start, to]);
  return out;
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
  renumber?: { order: readonly string[]; filters: readonly PagefindDataFile[] };
}

export interface RechunkedIndex {
  /** New chunk files by name (without extension), each still to be gzipped. */
  chunks: Map<string, Uint8Array>;
  /** Renumbered filter files by name, each still to be gzipped (empty when not renumbered). */
  filters: Map<string, Uint8Array>;
  /** The metadata with the new chunk list (and filter list), still to be gzipped. */
  meta: Uint8Array;
}

/**
 * Re-cuts a language's word index. `chunks` are the gunzipped .pf_index files, `meta` the gunzipped
 * .pf_meta; `name(bytes)` names a new chunk or filter file (Pagefind names them by a hash of their content).
 */
export function rechunkIndex(chunks: readonly PagefindDataFile[], meta: Uint8Array, name: (bytes: Uint8Array) => string, options: RechunkOptions = {}): RechunkedIndex {
  const { chunkUnits = CHUNK_UNITS, renumber } = options;
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
  const { rest, lifted } = liftIdentifierGroups(withEmptyPrefixWords(words));
  const packed = chunkWords(rest, chunkUnits);
  const holes = lifted.map(liftedRange);
  const grouped = [...packed, ...lifted];
  const ranges = [...chunkRanges(packed).map((range) => rangesAround(range, holes)), ...holes.map((hole) => [hole])];
  const out = new Map<string, Uint8Array>();
  metaValue[2] = grouped.flatMap((group, i) => {
    const bytes = encodePagefindData([group]);
    const id = name(bytes);
    if (out.has(id)) throw new Error(`search index: two index chunks named ${id}`);
    out.set(id, bytes);
    return ranges[i]!.map((range): ChunkRange => [...range, id]);
  });
  return { chunks: out, filters, meta: encodePagefindData(metaValue) };
}

/** The chunks the engine loads for a query term: each one listed with a range that holds it (one, here). */
export const chunksForTerm = (ranges: readonly ChunkRange[], term: string) => [...new Set(ranges.filter(([from, to]) => compareWords(term, from) >= 0 && compareWords(term, to) <= 0).map((c) => c[2]))];
