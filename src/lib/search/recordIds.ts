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

/** A fragment file's record id and its data, or undefined for another file of the bundle. */
export function readFragment({ path, content }: PagefindFile): { id: string; data: Record<string, unknown> } | undefined {
  const id = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/.exec(path)?.[1];
  if (!id) return undefined;
  const text = new TextDecoder().decode(content);
  if (!text.startsWith(SIGNATURE)) throw new Error(`${path}: not a Pagefind fragment (no "${SIGNATURE}" signature)`);
  return { id, data: JSON.parse(text.slice(SIGNATURE.length)) as Record<string, unknown> };
}

/** Record URL -> record id, from the bundle's fragment files (other files are ignored). */
export function recordIdsFromFragments(files: readonly PagefindFile[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of files) {
    const fragment = readFragment(file);
    if (!fragment) continue;
    const { id, data } = fragment;
    const url = data.url;
    if (typeof url !== 'string') throw new Error(`${file.path}: Pagefind fragment without a url`);
    const other = ids.get(url);
    if (other && other !== id) throw new Error(`${file.path}: two search records for ${url} (${other} and ${id})`);
    ids.set(url, id);
  }
  return ids;
}
