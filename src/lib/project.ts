import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLinkGraph, type LinkGraph } from './linkGraph.ts';
import { readingPaths, type ReadingPath } from './readingPaths.ts';
import { searchAcronyms, type SearchAcronyms } from './searchMeta.ts';
import { buildSite, type Site } from './site.ts';

/** The project's content tree; Astro and the scripts run from the project root. */
export const CONTENT_ROOT = resolve(process.cwd(), 'content');

export interface Project {
  site: Site;
  graph: LinkGraph;
  paths: ReadingPath[];
  /** Page id -> single-token names for the weighted search field. */
  acronyms: Map<string, SearchAcronyms>;
}

interface ProjectCache {
  key: string;
  project: Project;
  checkedAt: number;
}
// One cache per process, shared by every copy of this module. Astro loads this file twice: once with
// the config (the content check and the cross-link plugin) and once inside its prerender bundle. A cache
// in module scope would load and check the whole content tree once per copy.
const CACHE_KEY = Symbol.for('vapic-atlas.project-cache');
const FROZEN_KEY = Symbol.for('vapic-atlas.project-frozen');
type CacheHolder = { [CACHE_KEY]?: Map<string, ProjectCache>; [FROZEN_KEY]?: boolean };
const holder = globalThis as CacheHolder;
const caches = (holder[CACHE_KEY] ??= new Map());

// Re-stat the content tree at most this often: the dev server still sees an edit on the next request.
const FINGERPRINT_TTL_MS = 1000;

/** Cheap fingerprint of the content tree so the dev server picks up edits. */
function fingerprint(root: string): string {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return `${path}:${statSync(path).mtimeMs}`;
    })
    .sort()
    .join('|');
}

/**
 * Stop watching the content tree for the rest of this process: a static build reads the content as it
 * was when the build started, so re-stating every file each second only costs time.
 */
export function freezeProject(): void {
  holder[FROZEN_KEY] = true;
}

/** The loaded, checked and linked site; throws listing every content error. */
export function getProject(root = CONTENT_ROOT): Project {
  const cached = caches.get(root);
  const now = Date.now();
  if (cached && (holder[FROZEN_KEY] || now - cached.checkedAt < FINGERPRINT_TTL_MS)) return cached.project;
  // A frozen (static build) project is never re-checked, so it needs no fingerprint: 2,400 stats at 2,000 pages.
  const key = holder[FROZEN_KEY] ? '' : fingerprint(root);
  if (cached?.key === key) {
    cached.checkedAt = now;
    return cached.project;
  }
  const site = buildSite(root);
  const project = { site, graph: buildLinkGraph(site), paths: readingPaths(site), acronyms: searchAcronyms(site) };
  caches.set(root, { key, project, checkedAt: now });
  return project;
}
