// Puts the records of a Pagefind index in an order the build chooses. Pagefind numbers records in the
// order its indexing service finishes them (build_indexes in pagefind/src/index/mod.rs enumerates the
// pages as received), so pages it reads in parallel (addDirectory, much faster than sending them one by
// one) are numbered by timing. The build renumbers them here into a fixed order, so two builds of the
// same tree write the same bundle. A record's number appears in three places, all rewritten:
//   - the metadata's page list: a record's number is its position there;
//   - each word's postings, ascending, each page number stored as the difference from the previous one;
//   - each filter value's page list, ascending, absolute numbers.
// The build's order, pages by path and then the term and symbol records, is the one adding them one at a
// time gave: the word index comes out byte for byte as it did then.

/** One entry of the metadata's page list: [record id (its fragment's hash), word count, ...]. */
export type MetaPage = [string, ...unknown[]];
/** Postings: [page number difference, locations, ...][] */
type Postings = [number, ...unknown[]][];
/**
 * A word with its postings, and the postings of its spellings with diacritics (PackedWord):
 * [word, postings, [spelling, postings][]].
 */
type Word = [string, Postings, ...unknown[]];
/** A filter file's content: [filter name, [value, page numbers][]]. */
export type PackedFilter = [string, [string, number[]][]];

/**
 * For each record number in `pages` (the metadata's list), its number in `order` (record ids, each once).
 * Fails when the two do not list the same records.
 */
export function pageRenumbering(pages: readonly MetaPage[], order: readonly string[]): number[] {
  const position = new Map(order.map((id, i) => [id, i]));
  if (position.size !== order.length) throw new Error('search index: the record order lists a record twice');
  const renumber = pages.map(([id]) => {
    const n = position.get(id);
    if (n === undefined) throw new Error(`search index: record ${id} is in the index but not in the record order`);
    return n;
  });
  if (new Set(renumber).size !== renumber.length) throw new Error('search index: the index lists a record twice');
  if (renumber.length !== order.length) {
    const indexed = new Set(pages.map(([id]) => id));
    throw new Error(`search index: records in the order but not in the index: ${order.filter((id) => !indexed.has(id)).join(', ')}`);
  }
  return renumber;
}

/** The metadata's page list with each record id replaced by its new name (`rename`, by old id). */
export function renameMetaPages<P extends MetaPage>(pages: readonly P[], rename: ReadonlyMap<string, string>): P[] {
  return pages.map(([id, ...rest]) => {
    const renamed = rename.get(id);
    if (!renamed) throw new Error(`search index: record ${id} is in the index but has no new name`);
    return [renamed, ...rest] as P;
  });
}

/** The metadata's page list in the new order. */
export function renumberMetaPages<P extends MetaPage>(pages: readonly P[], renumber: readonly number[]): P[] {
  const out = new Array<P>(pages.length);
  pages.forEach((page, old) => (out[renumber[old]!] = page));
  return out;
}

/** Postings renumbered: still ascending, still stored as differences. `word` names them in errors. */
function renumberPostings(word: string, postings: Postings, renumber: readonly number[]): Postings {
  let page = 0;
  const numbered = postings.map((posting) => {
    page += posting[0];
    const n = renumber[page];
    if (n === undefined) throw new Error(`search index: the word "${word}" is on record ${page}, which the metadata does not list`);
    return [n, posting] as const;
  });
  numbered.sort((a, b) => a[0] - b[0]);
  let previous = 0;
  return numbered.map(([n, posting]) => {
    const delta = n - previous;
    previous = n;
    return [delta, ...posting.slice(1)];
  });
}

/** A word with its postings renumbered, those of its spellings with diacritics ("ahvenjärvi") too. */
export function renumberWord<W extends Word>(word: W, renumber: readonly number[]): W {
  const [text, postings, spellings, ...rest] = word;
  const renumbered = Array.isArray(spellings)
    ? (spellings as [string, Postings][]).map(([spelling, p]) => [spelling, renumberPostings(spelling, p, renumber)])
    : spellings;
  return [text, renumberPostings(text, postings, renumber), ...(word.length > 2 ? [renumbered] : []), ...rest] as W;
}

/**
 * A filter with each value's page list renumbered (ascending), values sorted by name: Pagefind lists them
 * in its hash map's order, which can depend on the order the records came in.
 */
export function renumberFilter(filter: PackedFilter, renumber: readonly number[]): PackedFilter {
  const values = [...filter[1]].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    filter[0],
    values.map(([value, pages]) => [
      value,
      pages
        .map((p) => {
          const n = renumber[p];
          if (n === undefined) throw new Error(`search index: filter ${filter[0]}:${value} lists record ${p}, which the metadata does not list`);
          return n;
        })
        .sort((a, b) => a - b),
    ]),
  ];
}
