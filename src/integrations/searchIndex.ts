// Builds the Pagefind index with its Node API when `astro build` is done, in the build's own process so
// it reuses the checked project instead of loading the content tree again: every page with a body, from
// a cleaned copy of its HTML (no citation markers, spaced table cells) with its filters and weighted
// meta (pageIndexFields), plus one record per glossary term and kernel symbol (src/lib/search/records.ts).
// The glossary and symbol index pages themselves are left out: their entries are records of their own.
// Pagefind indexes the pages in parallel and numbers records in the order they finish, so the records are
// then renumbered in a fixed order, pages by path and then the term and symbol records
// (pagefindPageOrder.ts): two builds of one tree write the same bundle. The word
// index is re-cut into small chunks (pagefindIndexChunks.ts), and long pages get excerpt windows
// (excerptWindows.ts). Last, the search vocabulary (dist/search/vocabulary.json), whose names carry the
// ids of their records in the index just built.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import { close, createIndex } from 'pagefind';
import { getProject } from '../lib/project.ts';
import { rechunkIndex } from '../lib/search/pagefindIndexChunks.ts';
import { EXCERPTS_PATH, MIN_WINDOWED_WORDS, encodeWindow, windowFragment, type PagefindFragment } from '../lib/search/excerptWindows.ts';
import { readFragments, recordIdsFromFragments, type RecordFragment } from '../lib/search/recordIds.ts';
import { htmlForIndex, pageIndexFields, searchRecords } from '../lib/search/records.ts';
import { buildVocabulary } from '../lib/search/vocabulary.ts';

const SKIPPED = new Set(['glossary/index.html', 'symbols/index.html']);
const fail = (what: string, errors: string[]) => {
  if (errors.length) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
};

/** Term and symbol records Pagefind indexes at once (its service numbers them as they finish). */
const CONCURRENT_RECORDS = 8;

/** Runs `add` on every item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, add: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await add(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function buildSearchIndex(dist: string): Promise<string> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  fail('createIndex', errors);
  if (!index) throw new Error('search index: Pagefind returned no index');
  const { site, graph, acronyms } = getProject();
  const pageByUrl = new Map([...site.pages.values()].map((p) => [p.url, p]));
  // Sorted: with the records after them, the order the index numbers its records in (see recutWordIndex).
  const htmlFiles = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !SKIPPED.has(path) && !path.startsWith('pagefind/'))
    .sort();
  // The cleaned copies go to a staging directory that Pagefind reads itself (addDirectory): sending each
  // page through its Node API (addHTMLFile) cost this process about 1.4 ms per page, as JSON and base64.
  const staging = mkdtempSync(join(tmpdir(), 'vapic-search-'));
  const urls: string[] = [];
  try {
    for (const path of htmlFiles) {
      const html = readFileSync(join(dist, path), 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
      urls.push(url);
      // Doc pages get their filters and weighted meta here, not in their HTML (see pageIndexFields).
      const page = pageByUrl.get(url);
      mkdirSync(join(staging, dirname(path)), { recursive: true });
      writeFileSync(join(staging, path), htmlForIndex(html, page && pageIndexFields(site, acronyms, page)));
    }
    const added = await index.addDirectory({ path: staging });
    fail('addDirectory', added.errors);
    if (added.page_count !== urls.length) throw new Error(`search index: Pagefind indexed ${added.page_count} of the ${urls.length} pages staged for it`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const pages = urls.length;
  const records = searchRecords(site, graph);
  await eachConcurrently(records, CONCURRENT_RECORDS, async (record) => fail(record.url, (await index.addCustomRecord(record)).errors));
  urls.push(...records.map((r) => r.url));
  fail('writeFiles', (await index.writeFiles({ outputPath: join(dist, 'pagefind') })).errors);
  await close();
  await minifyEngineScripts(join(dist, 'pagefind'));
  const fragmentDir = join(dist, 'pagefind', 'fragment');
  const fragments = readFragments(readdirSync(fragmentDir).map((name) => ({ path: `fragment/${name}`, content: gunzipSync(readFileSync(join(fragmentDir, name))) })));
  const recordIds = recordIdsFromFragments(fragments);
  const order = urls.map((url) => {
    const id = recordIds.get(url);
    if (!id) throw new Error(`search index: no fragment for the record ${url}`);
    return id;
  });
  const chunks = recutWordIndex(join(dist, 'pagefind'), order);
  const windowed = writeExcerptWindows(dist, new Set(order.slice(0, pages)), fragments);
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search', 'vocabulary.json'), JSON.stringify(buildVocabulary(site, recordIds, windowed)));
  return `${pages} pages and ${records.length} term and symbol records in pagefind/ (${chunks} index chunks), excerpt windows of ${windowed.size} long pages, vocabulary in search/`;
}

/**
 * Writes the excerpt index and windows of every page of `pageIds` with at least MIN_WINDOWED_WORDS words
 * (src/lib/search/excerptWindows.ts); returns the ids of those pages.
 */
function writeExcerptWindows(dist: string, pageIds: ReadonlySet<string>, fragments: readonly RecordFragment[]): Set<string> {
  const windowed = new Set<string>();
  const dir = join(dist, ...EXCERPTS_PATH.split('/'));
  for (const fragment of fragments) {
    if (!pageIds.has(fragment.id)) continue;
    const { index, windows } = windowFragment(fragment.data as unknown as PagefindFragment);
    if (index.words < MIN_WINDOWED_WORDS) continue;
    windowed.add(fragment.id);
    mkdirSync(join(dir, fragment.id), { recursive: true });
    writeFileSync(join(dir, `${fragment.id}.json`), JSON.stringify(index));
    windows.forEach((words, n) => writeFileSync(join(dir, fragment.id, `${n}.json`), JSON.stringify(encodeWindow(words))));
  }
  return windowed;
}

/**
 * Pagefind ships its scripts without whitespace but with their long names (wasm_bindgen glue,
 * calculate_excerpt_region): minified by esbuild, the engine script a first search loads is 11.1 KiB
 * gzip instead of 12.9, and the highlighter a page opened from a result loads 6.6 instead of 9.3.
 * Properties are left alone, so the names the WebAssembly module imports stay as they are.
 */
async function minifyEngineScripts(bundle: string): Promise<void> {
  for (const name of ['pagefind.js', 'pagefind-highlight.js']) {
    const path = join(bundle, name);
    const { code } = await transform(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'esnext', legalComments: 'inline' });
    writeFileSync(path, code);
  }
}

/** Names a Pagefind file as Pagefind does: language, then the start of a hash of its content. */
const fileHash = (bytes: Uint8Array, length: number) => `en_${createHash('sha256').update(bytes).digest('hex').slice(0, length)}`;

/**
 * Replaces the bundle's index chunks, filters and metadata with re-cut ones, the records numbered in
 * `order` (record ids) whatever order Pagefind finished them in; returns the chunk count.
 */
function recutWordIndex(bundle: string, order: readonly string[]): number {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const language = entry.languages.en;
  if (!language || Object.keys(entry.languages).length !== 1) throw new Error(`search index: expected one language, "en", in ${entryPath}`);
  const metaPath = join(bundle, `pagefind.${language.hash}.pf_meta`);
  const read = (dir: string, extension: string) =>
    readdirSync(join(bundle, dir))
      .sort()
      .map((file) => ({ file: join(bundle, dir, file), name: file.slice(0, -extension.length), bytes: gunzipSync(readFileSync(join(bundle, dir, file))) }));
  const oldChunks = read('index', '.pf_index');
  const oldFilters = read('filter', '.pf_filter');
  const { chunks, filters, meta } = rechunkIndex(oldChunks, gunzipSync(readFileSync(metaPath)), (bytes) => fileHash(bytes, 7), { renumber: { order, filters: oldFilters } });
  for (const { file } of [...oldChunks, ...oldFilters]) rmSync(file);
  for (const [name, bytes] of chunks) writeFileSync(join(bundle, 'index', `${name}.pf_index`), gzipSync(bytes, { level: 9 }));
  for (const [name, bytes] of filters) writeFileSync(join(bundle, 'filter', `${name}.pf_filter`), gzipSync(bytes, { level: 9 }));
  rmSync(metaPath);
  language.hash = fileHash(meta, 10);
  writeFileSync(join(bundle, `pagefind.${language.hash}.pf_meta`), gzipSync(meta, { level: 9 }));
  writeFileSync(entryPath, JSON.stringify(entry));
  return chunks.size;
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'vapic-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await buildSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
