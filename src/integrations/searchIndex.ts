// Builds the Pagefind index with its Node API when `astro build` is done, in the build's own process so
// it reuses the checked project instead of loading the content tree again: every page with a body, from
// a cleaned copy of its HTML (no citation markers, spaced table cells) with its filters and weighted
// meta (pageIndexFields), plus one record per glossary term and kernel symbol (src/lib/search/records.ts).
// The glossary and symbol index pages themselves are left out: their entries are records of their own.
// Then the search vocabulary (dist/search/vocabulary.json), whose names carry the ids of their records in
// the index just built. Last, the word index is re-cut into small chunks (pagefindIndexChunks.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { getProject } from '../lib/project.ts';
import { rechunkIndex } from '../lib/search/pagefindIndexChunks.ts';
import { recordIdsFromFragments } from '../lib/search/recordIds.ts';
import { htmlForIndex, pageIndexFields, searchRecords } from '../lib/search/records.ts';
import { buildVocabulary } from '../lib/search/vocabulary.ts';

const SKIPPED = new Set(['glossary/index.html', 'symbols/index.html']);
const fail = (what: string, errors: string[]) => {
  if (errors.length) throw new Error(`search index: ${what}: ${errors.join('; ')}`);
};

async function buildSearchIndex(dist: string): Promise<string> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  fail('createIndex', errors);
  if (!index) throw new Error('search index: Pagefind returned no index');
  const { site, graph, acronyms } = getProject();
  const pageByUrl = new Map([...site.pages.values()].map((p) => [p.url, p]));
  let pages = 0;
  // Sorted, so two builds of the same tree write the same index.
  const htmlFiles = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  for (const path of htmlFiles) {
    if (SKIPPED.has(path) || path.startsWith('pagefind/')) continue;
    const html = readFileSync(join(dist, path), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
    // Doc pages get their filters and weighted meta here, not in their HTML (see pageIndexFields).
    const page = pageByUrl.get(url);
    const content = htmlForIndex(html, page && pageIndexFields(site, acronyms, page));
    fail(path, (await index.addHTMLFile({ url, content })).errors);
    pages++;
  }
  const records = searchRecords(site, graph);
  for (const record of records) fail(record.url, (await index.addCustomRecord(record)).errors);
  fail('writeFiles', (await index.writeFiles({ outputPath: join(dist, 'pagefind') })).errors);
  await close();
  const chunks = recutWordIndex(join(dist, 'pagefind'));
  const fragments = join(dist, 'pagefind', 'fragment');
  const recordIds = recordIdsFromFragments(readdirSync(fragments).map((name) => ({ path: `fragment/${name}`, content: gunzipSync(readFileSync(join(fragments, name))) })));
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search', 'vocabulary.json'), JSON.stringify(buildVocabulary(site, recordIds)));
  return `${pages} pages and ${records.length} term and symbol records in pagefind/ (${chunks} index chunks), vocabulary in search/`;
}

/** Names a Pagefind file as Pagefind does: language, then the start of a hash of its content. */
const fileHash = (bytes: Uint8Array, length: number) => `en_${createHash('sha256').update(bytes).digest('hex').slice(0, length)}`;

/** Replaces the bundle's index chunks and metadata with re-cut ones; returns the chunk count. */
function recutWordIndex(bundle: string): number {
  const entryPath = join(bundle, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { languages: Record<string, { hash: string }> };
  const language = entry.languages.en;
  if (!language || Object.keys(entry.languages).length !== 1) throw new Error(`search index: expected one language, "en", in ${entryPath}`);
  const metaPath = join(bundle, `pagefind.${language.hash}.pf_meta`);
  const indexDir = join(bundle, 'index');
  const oldChunks = readdirSync(indexDir).sort();
  const { chunks, meta } = rechunkIndex(
    oldChunks.map((file) => ({ name: file.replace(/\.pf_index$/, ''), bytes: gunzipSync(readFileSync(join(indexDir, file))) })),
    gunzipSync(readFileSync(metaPath)),
    (bytes) => fileHash(bytes, 7),
  );
  for (const file of oldChunks) rmSync(join(indexDir, file));
  for (const [name, bytes] of chunks) writeFileSync(join(indexDir, `${name}.pf_index`), gzipSync(bytes, { level: 9 }));
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
