// "Did you mean": the pages whose URL is nearest to a mistyped one, for the 404 page.
import { distance } from 'fastest-levenshtein';

export interface PageRef {
  url: string;
  title: string;
}

const segments = (path: string) => path.toLowerCase().split('/').filter(Boolean);

/**
 * How far a page's URL is from the requested path: the edit distance between their last segments,
 * plus a penalty when the topic (first segment) differs, so `/apicv/posted-interrupt/` prefers
 * `/apicv/posted-interrupts/` to a page of the same name elsewhere.
 */
function pathDistance(requested: string[], candidate: string[]): number {
  const last = (s: string[]) => s[s.length - 1] ?? '';
  const topicPenalty = requested.length > 0 && candidate[0] !== requested[0] ? 2 : 0;
  return distance(last(requested), last(candidate)) + topicPenalty;
}

/**
 * Up to `limit` pages closest to `pathname`, nearest first; a page counts as close when its distance is
 * at most half the length of the requested segment (so unrelated paths get no suggestions).
 */
export function closestPages<T extends PageRef>(pathname: string, pages: T[], limit = 3): T[] {
  const requested = segments(pathname);
  if (requested.length === 0) return [];
  const tolerance = Math.max(3, Math.ceil((requested[requested.length - 1]!.length) / 2));
  return pages
    .map((page) => ({ page, d: pathDistance(requested, segments(page.url)) }))
    .filter(({ d }) => d <= tolerance)
    .sort((a, b) => a.d - b.d || a.page.url.localeCompare(b.page.url))
    .slice(0, limit)
    .map(({ page }) => page);
}

/** The words of a path, for pre-filling the search box: `/apicv/posted-interupt/` -> "apicv posted interupt". */
export function pathWords(pathname: string): string {
  return segments(decodeURIComponent(pathname)).join(' ').replace(/[-_.+]+/g, ' ').replace(/\s+/g, ' ').trim();
}
