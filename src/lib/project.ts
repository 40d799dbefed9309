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

let cached: { key: string; project: Project; checkedAt: number } | null = null;
// Re-stat the content tree at most this often: a build renders every page within moments, while the
// dev server still sees an edit on the next request.
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

/** The loaded, checked and linked site; throws listing every content error. */
export function getProject(root = CONTENT_ROOT): Project {
  const now = Date.now();
  if (cached && now - cached.checkedAt < FINGERPRINT_TTL_MS) return cached.project;
  const key = fingerprint(root);
  if (cached?.key === key) {
    cached.checkedAt = now;
    return cached.project;
  }
  const site = buildSite(root);
  const project = { site, graph: buildLinkGraph(site), paths: readingPaths(site), acronyms: searchAcronyms(site) };
  cached = { key, project, checkedAt: now };
  return project;
}
