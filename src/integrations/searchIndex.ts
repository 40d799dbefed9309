// Builds the Pagefind index with its Node API in a worker thread of the build's own process
// (searchIndexWorker.ts), so it reuses the checked project instead of loading the content tree again.
// Pages reach it as Astro renders them (src/middleware.ts hands each one to the sink registered here), so
// Pagefind reads them while the next ones render, on another core: every page with a body, as a cleaned
// copy (no citation markers, spaced table cells) with its filters and weighted meta (pageIndexFields).
// One record per glossary term and kernel symbol (src/lib/search/records.ts) is added when the build
// starts; when the last page is rendered, the worker writes the bundle while the other integrations'
// passes run. The glossary and symbol index pages themselves are left out: their entries are records of
// their own.
// Record ids (fragment names) are cut from Pagefind's seven hex digits to four (recordIds.ts,
// shortRecordIds). Pagefind numbers records in the order they finish, so the records are then
// renumbered in a fixed order, pages by path and then the term and symbol records
// (pagefindPageOrder.ts): two builds of one tree write the same bundle. The word index is re-cut into
// small chunks (pagefindIndexChunks.ts), and long pages get excerpt windows (excerptWindows.ts). Last,
// the search vocabulary (dist/search/vocabulary.json), whose names carry the ids of their records in
// the index just built, and Brotli copies of the files every first search loads (brotliSiblings.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { transform } from 'esbuild';
import { getProject } from '../lib/project.ts';
import { rechunkIndex } from '../lib/search/pagefindIndexChunks.ts';
import { EXCERPTS_PATH, MIN_WINDOWED_WORDS, encodeWindow, windowFragment, type PagefindFragment } from '../lib/search/excerptWindows.ts';
import { claimShortName, readFragments, recordIdsFromFragments, shortRecordIds, type RecordFragment } from '../lib/search/recordIds.ts';
import { pageIndexFields, searchRecords } from '../lib/search/records.ts';
import { setRenderedPageSink } from '../lib/search/renderedPages.ts';
import type { IndexerMessage, IndexerResult } from './searchIndexWorker.ts';
import { buildVocabulary, glossaryAcronyms } from '../lib/search/vocabulary.ts';
import { writeBrotliSibling } from './brotliSiblings.ts';

// The glossary and the symbol index are not indexed as pages: each of their entries is a record of its own.
const SKIPPED = new Set(['/glossary/', '/symbols/']);
const fail = (what: string, errors: string[]) => {
  if (errors.length) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
};

/** A page's URL from its path in dist/ ("apic/index.html" -> "/apic/", "404.html" -> "/404/"), as the middleware sees it. */
const urlOfFile = (path: string) => `/${path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/')}`;

interface IndexedBundle {
  pages: number;
  /** URLs of the term and symbol records, in the order they were given. */
  records: string[];
  errors: string[];
  /** Settles when the engine's files are recompressed (searchIndexWorker.ts), with the bytes saved. */
  recompressed: Promise<number>;
}

interface PageIndexer {
  /** Every HTML page rendered, by URL. */
  rendered: Set<string>;
  /** The pages sent to the index, in the order they were rendered. */
  indexed: string[];
  /**
   * Has Pagefind write its bundle to `outputPath` and ends the worker. Started when the last page is
   * rendered, it runs while the other integrations' passes do.
   */
  finish(outputPath: string): Promise<IndexedBundle>;
}

/**
 * Starts Pagefind in a worker thread (searchIndexWorker.ts) and registers the sink the middleware hands
 * each rendered page to: the pages are indexed while the rest render. Doc pages get their filters and
 * weighted meta here, not in their HTML (see pageIndexFields).
 */
function startPageIndexer(): PageIndexer {
  const { site, graph, acronyms } = getProject();
  const pageByUrl = new Map([...site.pages.values()].map((p) => [p.url, p]));
  const worker = new Worker(new URL('./searchIndexWorker.ts', import.meta.url));
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => {}); // raced against each answer
  /** The worker's answer of one kind, or its error. */
  const answer = <K extends IndexerResult['kind']>(kind: K) =>
    Promise.race([
      new Promise<Extract<IndexerResult, { kind: K }>>((resolve) => {
        const listen = (m: IndexerResult) => {
          if (m.kind !== kind) return;
          worker.off('message', listen);
          resolve(m as Extract<IndexerResult, { kind: K }>);
        };
        worker.on('message', listen);
      }),
      failed,
    ]);
  const records = searchRecords(site, graph);
  worker.postMessage({ kind: 'records', records } satisfies IndexerMessage);
  const rendered = new Set<string>();
  const indexed: string[] = [];
  setRenderedPageSink((url, html) => {
    rendered.add(url);
    if (SKIPPED.has(url) || !html.includes('data-pagefind-body')) return;
    indexed.push(url);
    const page = pageByUrl.get(url);
    worker.postMessage({ kind: 'page', url, html, fields: page && pageIndexFields(site, acronyms, page) } satisfies IndexerMessage);
  });
  return {
    rendered,
    indexed,
    async finish(outputPath) {
      setRenderedPageSink(undefined);
      worker.postMessage({ kind: 'finish', outputPath } satisfies IndexerMessage);
      // Both answers are listened for before either can arrive.
      const written = answer('written');
      const recompressed = answer('recompressed').then((m) => m.saved).finally(() => worker.terminate());
      recompressed.catch(() => {}); // awaited, and its error reported, when the build is done
      const result = await written;
      return { pages: result.pages, errors: result.errors, records: records.map((r) => r.url), recompressed };
    },
  };
}

async function finishSearchIndex(dist: string, indexer: PageIndexer, written: ReturnType<PageIndexer['finish']>): Promise<string> {
  const { site } = getProject();
  // Every page in dist/ must have passed through the middleware, or the index would miss it silently.
  const unseen = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('pagefind/') && !indexer.rendered.has(urlOfFile(path)));
  if (unseen.length) throw new Error(`search index: pages written without passing through src/middleware.ts: ${unseen.join(', ')}`);
  const result = await written;
  fail('Pagefind', result.errors);
  // Sorted by file path, then the records: the order the index numbers its records in (see recutWordIndex).
  const file = (url: string) => `${url.slice(1)}${url.endsWith('/') ? 'index.html' : ''}`;
  const urls = [...indexer.indexed].sort((a, b) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : 0));
  if (result.pages !== urls.length) throw new Error(`search index: Pagefind indexed ${result.pages} of the ${urls.length} pages sent to it`);
  const pages = urls.length;
  urls.push(...result.records);
  await minifyEngineScripts(join(dist, 'pagefind'));
  const fragmentDir = join(dist, 'pagefind', 'fragment');
  const rename = shortRecordIds(readdirSync(fragmentDir).map((file) => file.replace(/\.pf_fragment$/, '')));
  for (const [id, short] of rename) renameSync(join(fragmentDir, `${id}.pf_fragment`), join(fragmentDir, `${short}.pf_fragment`));
  const fragments = readFragments(readdirSync(fragmentDir).map((name) => ({ path: `fragment/${name}`, content: gunzipSync(readFileSync(join(fragmentDir, name))) })));
  const recordIds = recordIdsFromFragments(fragments);
  const order = urls.map((url) => {
    const id = recordIds.get(url);
    if (!id) throw new Error(`search index: no fragment for the record ${url}`);
    return id;
  });
  // The excerpt windows (about a thousand small files at 2,000 pages) are written on libuv's threads
  // while this thread re-cuts the word index.
  const { windowed, written: windowsWritten } = writeExcerptWindows(dist, new Set(order.slice(0, pages)), fragments);
  const chunks = recutWordIndex(join(dist, 'pagefind'), order, rename, glossaryAcronyms([...site.terms.values()].map((t) => t.data)));
  mkdirSync(join(dist, 'search'), { recursive: true });
  const vocabularyPath = join(dist, 'search', 'vocabulary.json');
  const vocabulary = Buffer.from(JSON.stringify(buildVocabulary(site, recordIds, windowed, chunks.acronyms)));
  writeFileSync(vocabularyPath, vocabulary);
  // The other files every first search loads get their Brotli copies too (the engine's in the worker).
  const script = join(dist, 'pagefind', 'pagefind.js');
  const copied: [string, Uint8Array][] = [[vocabularyPath, vocabulary], [script, readFileSync(script)], ...chunks.copied];
  await Promise.all([windowsWritten, ...copied.map(([path, data]) => writeBrotliSibling(path, data))]);
  const saved = await result.recompressed;
  return `${pages} pages and ${result.records.length} term and symbol records in pagefind/ (${chunks.count} index chunks, engine ${(saved / 1024).toFixed(1)} KiB smaller by zopfli), excerpt windows of ${windowed.size} long pages, vocabulary in search/`;
}

/**
 * Writes the excerpt index and windows of every page of `pageIds` with at least MIN_WINDOWED_WORDS words
 * (src/lib/search/excerptWindows.ts): returns the ids of those pages, and the writes, which settle later.
 */
function writeExcerptWindows(dist: string, pageIds: ReadonlySet<string>, fragments: readonly RecordFragment[]): { windowed: Set<string>; written: Promise<unknown> } {
  const windowed = new Set<string>();
  const files: [string, string][] = [];
  const dir = join(dist, ...EXCERPTS_PATH.split('/'));
  for (const fragment of fragments) {
    if (!pageIds.has(fragment.id)) continue;
    const { index, windows } = windowFragment(fragment.data as unknown as PagefindFragment);
    if (index.words < MIN_WINDOWED_WORDS) continue;
    windowed.add(fragment.id);
    mkdirSync(join(dir, fragment.id), { recursive: true });
    files.push([join(dir, `${fragment.id}.json`), JSON.stringify(index)]);
    // Window 0 is in the index (ExcerptIndex.opening).
    windows.forEach((words, n) => n > 0 && files.push([join(dir, fragment.id, `${n}.json`), JSON.stringify(encodeWindow(words))]));
  }
  return { windowed, written: Promise.all(files.map(([path, text]) => writeFile(path, text))) };
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
 * `order` (record ids) whatever order Pagefind finished them in; returns the chunk count and the files
 * that get Brotli copies: the metadata, which every search loads, and the filters, which /search/ loads
 * for its controls (each path with its content before gzip).
 */
function recutWordIndex(bundle: string, order: readonly string[], rename: ReadonlyMap<string, string>, acronyms: ReadonlySet<string>): { count: number; copied: [string, Uint8Array][]; acronyms: Map<string, string> } {
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
  // The metadata every first search loads lists every chunk by name: five hex digits of the content's
  // hash instead of Pagefind's seven save 0.3 KiB there, and a name already taken gets one digit more.
  const taken = new Set<string>();
  const name = (bytes: Uint8Array) => claimShortName(fileHash(bytes, 64), 5, taken);
  const { chunks, filters, meta, acronyms: indexed } = rechunkIndex(oldChunks, gunzipSync(readFileSync(metaPath)), name, { renumber: { order, filters: oldFilters, rename }, acronyms });
  for (const { file } of [...oldChunks, ...oldFilters]) rmSync(file);
  for (const [name, bytes] of chunks) writeFileSync(join(bundle, 'index', `${name}.pf_index`), gzipSync(bytes, { level: 9 }));
  const copied: [string, Uint8Array][] = [...filters].map(([name, bytes]) => [join(bundle, 'filter', `${name}.pf_filter`), bytes]);
  for (const [path, bytes] of copied) writeFileSync(path, gzipSync(bytes, { level: 9 }));
  rmSync(metaPath);
  language.hash = fileHash(meta, 10);
  const newMetaPath = join(bundle, `pagefind.${language.hash}.pf_meta`);
  writeFileSync(newMetaPath, gzipSync(meta, { level: 9 }));
  writeFileSync(entryPath, JSON.stringify(entry));
  copied.push([newMetaPath, meta]);
  return { count: chunks.size, copied, acronyms: indexed };
}

export default function searchIndex(): AstroIntegration {
  let indexer: PageIndexer | undefined;
  let written: ReturnType<PageIndexer['finish']> | undefined;
  return {
    name: 'vapic-search-index',
    hooks: {
      'astro:build:start': () => {
        indexer = startPageIndexer();
      },
      'astro:build:generated': ({ dir }) => {
        written = indexer?.finish(join(fileURLToPath(dir), 'pagefind'));
        written?.catch(() => {}); // awaited, and its error reported, when the build is done
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexer || !written) throw new Error('search index: the build did not start the page indexer');
        logger.info(await finishSearchIndex(fileURLToPath(dir), indexer, written));
      },
    },
  };
}
