// Which search record has which URL, read from the fragment files Pagefind writes (one JSON file per
// record, named by the record's id: the id its JS API returns for a result). The vocabulary carries
// these ids so an answer card loads its own record's data and nothing else.
// The ids are shortened first (shortRecordIds): the metadata every first search loads lists them all.

/** Pagefind's data files are gzip of this signature followed by the payload. */
const SIGNATURE = 'pagefind_dcd';

export interface PagefindFile {
  /** Path inside the Pagefind bundle, e.g. "fragment/en_1a2b3c4.pf_fragment". */
  path: string;
  /** The file's content, already gunzipped. */
  content: Uint8Array;
}

/** A record's fragment file, read: its path, its record id (the file's name) and its data. */
export interface RecordFragment {
  path: string;
  id: string;
  data: Record<string, unknown>;
}

/** The fragment files among `files`, each read once (other files of the bundle are left out). */
export function readFragments(files: readonly PagefindFile[]): RecordFragment[] {
  const decoder = new TextDecoder();
  return files.flatMap(({ path, content }) => {
    const id = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/.exec(path)?.[1];
    if (!id) return [];
    const text = decoder.decode(content);
    if (!text.startsWith(SIGNATURE)) throw new Error(`${path}: not a Pagefind fragment (no "${SIGNATURE}" signature)`);
    return [{ path, id, data: JSON.parse(text.slice(SIGNATURE.length)) as Record<string, unknown> }];
  });
}

/** Record URL -> record id, from the records' fragments. */
export function recordIdsFromFragments(fragments: readonly RecordFragment[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { path, id, data } of fragments) {
    const url = data.url;
    if (typeof url !== 'string') throw new Error(`${path}: Pagefind fragment without a url`);
    const other = ids.get(url);
    if (other && other !== id) throw new Error(`${path}: two search records for ${url} (${other} and ${id})`);
    ids.set(url, id);
  }
  return ids;
}

/** Pagefind names its files by language, then hex digits of a hash of their content ("en_67f6535"). */
const LANGUAGE_PREFIX = 'en_';

/**
 * The shortest start of `hashName` (LANGUAGE_PREFIX, then hex digits) with at least `digits` digits that
 * is not in `taken`, added to it. A name stays the start of a hash of its file's content, so a changed
 * file gets a new name (all but once in 16^digits); a name that a changed file frees can go to another
 * file in a later build (for c changed files, a chance of about c^2 in 16^digits). dist/_headers gives
 * the search bundle no long cache lifetime, so a browser's copy under a reused name does not outlive
 * the build it came from by much.
 */
export function claimShortName(hashName: string, digits: number, taken: Set<string>): string {
  if (!hashName.startsWith(LANGUAGE_PREFIX)) throw new Error(`search index: ${hashName} is not named "${LANGUAGE_PREFIX}<hash>"`);
  for (let end = LANGUAGE_PREFIX.length + digits; end <= hashName.length; end++) {
    const name = hashName.slice(0, end);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error(`search index: every short name of ${hashName} is taken`);
}

/**
 * Record ids four hex digits long instead of Pagefind's seven (five or more where four are taken), by
 * Pagefind's id. The metadata every first search loads lists every record's id, about 3.5 bytes of
 * hash each even after Brotli: the shorter ids save about 0.7 KiB there and 0.2 KiB in the vocabulary.
 * Taken in sorted order, so two builds of one tree name alike.
 */
export function shortRecordIds(ids: Iterable<string>, digits = 4): Map<string, string> {
  const taken = new Set<string>();
  return new Map([...ids].sort().map((id) => [id, claimShortName(id, digits, taken)]));
}
