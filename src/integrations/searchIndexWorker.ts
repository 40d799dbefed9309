// The search index's worker thread (started by searchIndex.ts when a build starts). Pages reach it as
// Astro renders them (src/middleware.ts), so Pagefind reads them while the build's main thread renders
// the next ones, on the machine's other cores, instead of after the last page is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parentPort } from 'node:worker_threads';
import { gzip } from '@gfx/zopfli';
import { close, createIndex } from 'pagefind';
import { htmlForIndex, type PageIndexFields, type SearchRecord } from '../lib/search/records.ts';
import { brotliMax, writeBrotliSibling } from './brotliSiblings.ts';

export type IndexerMessage =
  | { kind: 'records'; records: SearchRecord[] }
  | { kind: 'page'; url: string; html: string; fields: PageIndexFields | undefined }
  | { kind: 'finish'; outputPath: string };
/** First the bundle written (`written`), then its engine files recompressed (`recompressed`). */
export type IndexerResult = { kind: 'written'; pages: number; errors: string[] } | { kind: 'recompressed'; saved: number };

if (!parentPort) throw new Error('searchIndexWorker.ts runs as a worker thread');
// Indexing must not slow the thread that renders the pages: on Linux a thread's nice value is its own,
// and the Pagefind service this thread starts inherits it. Alternated 2,000-page builds: pages rendered
// in 8.9-9.9 s with it against 9.4-11.3 s without in one pair of rounds; whole builds within noise in another.
if (process.platform === 'linux') setPriority(10);
const port = parentPort;
const { index, errors: createErrors } = await createIndex({ forceLanguage: 'en' });
const errors = [...createErrors];
if (!index) errors.push('Pagefind returned no index');
const added: Promise<void>[] = [];
let recordsAdded: Promise<void> = Promise.resolve();
// The engine's WebAssembly depends only on Pagefind's release, not on the pages: recompressed now, while
// the pages compile, instead of after the bundle is written (it takes about 0.6 s).
const engineAhead = precompressEngine();
engineAhead.catch(() => {}); // awaited, and its error reported, when the bundle is written

/** Runs `add` on every item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, add: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await add(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

port.on('message', async (message: IndexerMessage) => {
  if (message.kind === 'records') {
    // Term and symbol records depend only on the content, so they are added before the first page renders,
    // 8 at a time (Pagefind's service numbers records as they finish; the bundle is renumbered afterwards).
    if (index) recordsAdded = eachConcurrently(message.records, 8, async (record) => void errors.push(...(await index.addCustomRecord(record)).errors.map((e) => `${record.url}: ${e}`)));
    return;
  }
  if (message.kind === 'page') {
    // The page as dist/ holds it (rewritten by the middleware), as the copy that is indexed (htmlForIndex).
    const content = htmlForIndex(message.html, message.fields);
    if (index) added.push(index.addHTMLFile({ url: message.url, content }).then((r) => void errors.push(...r.errors.map((e) => `${message.url}: ${e}`))));
    return;
  }
  await Promise.all([...added, recordsAdded]);
  if (index) errors.push(...(await index.writeFiles({ outputPath: message.outputPath })).errors);
  await close();
  // Which engine files to recompress is read before the main thread may rewrite pagefind-entry.json.
  const engines = errors.length ? [] : engineFiles(message.outputPath);
  port.postMessage({ kind: 'written', pages: added.length, errors } satisfies IndexerResult);
  port.postMessage({ kind: 'recompressed', saved: await recompressEngine(engines, await engineAhead) } satisfies IndexerResult);
});

/** The WebAssembly files of the bundle's languages, as pagefind-entry.json names them. */
function engineFiles(bundle: string): string[] {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  return [...new Set(Object.values(entry.languages).map((l) => join(bundle, `wasm.${l.wasm ?? 'unknown'}.pagefind`)))];
}

/** Zopfli's gzip stream of `data`; its output depends only on its input, so builds stay reproducible. */
const zopfli = (data: Uint8Array) =>
  new Promise<Uint8Array>((resolve, reject) => gzip(data, { numiterations: 5 }, (error, out) => (error ? reject(error) : resolve(out))));

interface Recompressed {
  data: Buffer;
  gzip: Uint8Array;
  brotli: Uint8Array;
}

/**
 * The English engine as this Pagefind release writes it (read from a one-record index of its own) and
 * that recompressed. A bundle whose engine is not the same data is recompressed when it is written.
 */
async function precompressEngine(): Promise<Recompressed | undefined> {
  const { index: probe } = await createIndex({ forceLanguage: 'en' });
  if (!probe) return undefined;
  await probe.addCustomRecord({ url: '/', content: 'engine', language: 'en' });
  const engine = (await probe.getFiles()).files.find((f) => f.path === 'wasm.en.pagefind');
  await probe.deleteIndex();
  if (!engine) return undefined;
  const data = gunzipSync(engine.content);
  const [gzip, brotli] = await Promise.all([zopfli(data), brotliMax(data)]);
  return { data, gzip, brotli };
}

/**
 * Every first search loads the engine's WebAssembly (wasm.<language>.pagefind, gzip that pagefind.js
 * inflates itself), 58 KiB as Pagefind writes it. Zopfli writes the same data as a gzip stream 2.8 KiB
 * smaller; `ahead` is the English engine already recompressed (precompressEngine). Each also gets its
 * Brotli copy (brotliSiblings.ts). Returns the bytes the gzip files saved.
 */
async function recompressEngine(paths: readonly string[], ahead: Recompressed | undefined): Promise<number> {
  let saved = 0;
  for (const path of paths) {
    const before = readFileSync(path);
    const data = gunzipSync(before);
    const same = ahead?.data.equals(data) ? ahead : undefined;
    const after = same?.gzip ?? (await zopfli(data));
    if (after.length < before.length) {
      writeFileSync(path, after);
      saved += before.length - after.length;
    }
    await writeBrotliSibling(path, data, same?.brotli);
  }
  return saved;
}
