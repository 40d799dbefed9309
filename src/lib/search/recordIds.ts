// Which search record has which URL, read from the fragment files Pagefind writes (one JSON file per
// record, named by the record's id: the id its JS API returns for a result). The vocabulary carries
// these ids so an answer card loads its own record's data and nothing else.

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
