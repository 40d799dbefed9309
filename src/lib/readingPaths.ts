import { TOPICS, TOPIC_LABELS } from '../schemas/topics.ts';
import type { Page, Site } from './site.ts';

/** Id of the path a topic's own reading order gets in `readingPaths`. */
export const topicPathId = (topic: string) => `topic-${topic}`;

export interface ReadingPath {
  id: string;
  title: string;
  description: string;
  pages: string[];
  /** What a step adds, by page id (curated paths only). */
  notes?: Record<string, string>;
}

// Every page's sidebar asks for its topic's pages: sort each topic once per loaded site, not once per page
// (at 2,000 pages that was 2,000 filters and sorts of the whole site). A site is not changed once loaded;
// the dev server loads a new one when content changes.
const topicPagesCache = new WeakMap<Site, Map<string, readonly Page[]>>();

/** Pages of one topic in reading order: landing first, then by `order`, then by title. */
export function topicPages(site: Site, topic: string): readonly Page[] {
  let byTopic = topicPagesCache.get(site);
  if (!byTopic) topicPagesCache.set(site, (byTopic = new Map()));
  let pages = byTopic.get(topic);
  if (!pages) {
    pages = [...site.pages.values()]
      .filter((p) => p.data.topic === topic)
      .sort((a, b) =>
        Number(b.id === topic) - Number(a.id === topic) ||
        (a.data.order ?? Number.MAX_SAFE_INTEGER) - (b.data.order ?? Number.MAX_SAFE_INTEGER) ||
        a.data.title.localeCompare(b.data.title));
    byTopic.set(topic, pages);
  }
  return pages;
}

/** The curated paths from paths.yaml followed by one path per topic (its reading order). */
export function readingPaths(site: Site): ReadingPath[] {
  const topicPaths = TOPICS.map((topic) => ({
    id: topicPathId(topic),
    title: TOPIC_LABELS[topic],
    description: `The ${TOPIC_LABELS[topic]} pages in reading order.`,
    pages: topicPages(site, topic).map((p) => p.id),
  })).filter((p) => p.pages.length > 1);
  return [...site.paths, ...topicPaths];
}

export interface PathStep {
  path: ReadingPath;
  position: number;
  prev: string | null;
  next: string | null;
}

/** Where a page sits on each path that contains it. */
export function pathSteps(paths: ReadingPath[], pageId: string): PathStep[] {
  return paths.flatMap((path) => {
    const position = path.pages.indexOf(pageId);
    if (position === -1) return [];
    return [{ path, position, prev: path.pages[position - 1] ?? null, next: path.pages[position + 1] ?? null }];
  });
}

/** sessionStorage key holding the id of the reading path the reader is following. */
export const READING_PATH_KEY = 'atlas-reading-path';

/**
 * Which of the paths through a page gets the one prominent "Next": the path the reader is on (remembered
 * from the last path link they followed) if it passes through here, else the page's topic path (the
 * default without JavaScript), else the first path listed.
 */
export function primaryPathId(pathIds: string[], remembered: string | null, topic: string): string | null {
  if (remembered && pathIds.includes(remembered)) return remembered;
  if (pathIds.includes(topicPathId(topic))) return topicPathId(topic);
  return pathIds[0] ?? null;
}
