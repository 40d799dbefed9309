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

export type IndexerMessage =
  | { kind: 'page'; url: string; html: string; fields: PageIndexFields | undefined }
  | { kind: 'finish'; records: SearchRecord[]; outputPath: string };
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

/** Runs `add` on every item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, add: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await add(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

port.on('message', async (message: IndexerMessage) => {
  if (message.kind === 'page') {
    // The page as dist/ holds it (rewritten by the middleware), as the copy that is indexed (htmlForIndex).
    const content = htmlForIndex(message.html, message.fields);
    if (index) added.push(index.addHTMLFile({ url: message.url, content }).then((r) => void errors.push(...r.errors.map((e) => `${message.url}: ${e}`))));
    return;
  }
  await Promise.all(added);
  // Term and symbol records, 8 at a time (Pagefind's service numbers records as they finish).
  if (index) {
    await eachConcurrently(message.records, 8, async (record) => void errors.push(...(await index.addCustomRecord(record)).errors.map((e) => `${record.url}: ${e}`)));
    errors.push(...(await index.writeFiles({ outputPath: message.outputPath })).errors);
  }
  await close();
  // Which engine files to recompress is read before the main thread may rewrite pagefind-entry.json.
  const engines = errors.length ? [] : engineFiles(message.outputPath);
  port.postMessage({ kind: 'written', pages: added.length, errors } satisfies IndexerResult);
  port.postMessage({ kind: 'recompressed', saved: await recompressEngine(engines) } satisfies IndexerResult);
});

/** The WebAssembly files of the bundle's languages, as pagefind-entry.json names them. */
function engineFiles(bundle: string): string[] {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  return [...new Set(Object.values(entry.languages).map((l) => join(bundle, `wasm.${l.wasm ?? 'unknown'}.pagefind`)))];
}

/**
 * Every first search loads the engine's WebAssembly (wasm.<language>.pagefind, gzip that pagefind.js
 * inflates itself), 58 KiB as Pagefind writes it. Zopfli writes the same data as a gzip stream 2.8 KiB
 * smaller, in about 0.8 s, which this thread spends while the build's main thread finishes the index.
 * Zopfli's output depends only on its input, so builds stay reproducible. Returns the bytes saved.
 */
async function recompressEngine(paths: readonly string[]): Promise<number> {
  let saved = 0;
  for (const path of paths) {
    const before = readFileSync(path);
    const after = await new Promise<Uint8Array>((resolve, reject) => gzip(gunzipSync(before), { numiterations: 5 }, (error, out) => (error ? reject(error) : resolve(out))));
    if (after.length < before.length) {
      writeFileSync(path, after);
      saved += before.length - after.length;
    }
  }
  return saved;
}
